#!/usr/bin/env node
// The roadmap command. CommonJS (see bin/package.json), like the bundle in dist/: Node starts it without its ES module
// loader. The bundle's loader is in this file rather than beside it, so that starting takes one file, not two.
//
// Loads the CommonJS bundle in dist/. Compiling the bundle is the largest single cost of starting the CLI, so:
// - with the V8 code cache the build made for this Node's V8 (scripts/build.mjs), each file is compiled from it;
// - without one (another Node version), a pack is loaded with require(), so that Node's own compile cache (22.1+,
//   turned on by start() below) keeps it compiled from the second run on.
// A cache V8 does not accept is ignored and the file is simply compiled. Chunks come from a pack when the build made
// one (one file for all the chunks a step loads, see scripts/build.mjs, step 3), else from their own file; either
// way each chunk runs once, through this loader's require, so every module has one identity.
const { existsSync, fstatSync, readFileSync, statSync, writeSync } = require('node:fs');
const Module = require('node:module');
const { dirname, sep } = require('node:path');
const { Script } = require('node:vm');

const loaded = new Map();
/** Set by useNodeCompileCache: packs are require()d, for Node's compile cache. */
let viaRequire = false;

/**
 * Turns on Node's compile cache (22.1 and later) and loads packs with require() so that it keeps them compiled: for
 * a Node whose V8 has no code cache from the build. Returns false on a Node without one.
 */
function useNodeCompileCache() {
  if (typeof Module.enableCompileCache !== 'function') return false;
  Module.enableCompileCache();
  viaRequire = true;
  return true;
}
/** Chunks read from packs and not yet run, by file name. */
const packed = new Map();
const packsTried = new Set();

/** Where the build keeps a bundle file's code cache for this Node's V8: one made by another V8 is never read. */
function codeCacheFile(file) {
  return `${file}.${process.versions.v8}.v8cache`;
}

/** The pack beside a bundle file: what it loads, in one file. */
function packFile(file) {
  return file.replace(/\.cjs$/, '.pack.cjs');
}

/** Whether the build left a code cache of `file` (or of its pack) for this Node's V8. */
function codeCacheFits(file) {
  return existsSync(codeCacheFile(packFile(file))) || existsSync(codeCacheFile(file));
}

/** The compiled scripts of this process, so the build can ask each for its code cache after a warm-up run. */
const scripts = new Map();

/** Runs a CommonJS file of dist/ compiled with its code cache, when there is one not older than the file. */
function runWithCodeCache(file, source, require, module = { exports: {}, filename: file }) {
  let cachedData;
  try {
    // V8 checks a cache against the length of the source only, so a file changed after its cache was made (by hand:
    // the build always writes both) must not use it.
    const cache = codeCacheFile(file);
    if (statSync(cache).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(cache);
  } catch {
    // No cache (a fresh checkout before its first build, another Node, or deleted): compile as usual.
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  scripts.set(file, script);
  script.runInThisContext().call(module.exports, module.exports, require, module, file, dirname(file));
  return module.exports;
}

/** Reads the pack of `file`, if the build made one, and keeps its chunks until they are required. */
function readPack(file, pack = packFile(file)) {
  if (packsTried.has(pack)) return false;
  packsTried.add(pack);
  let define;
  if (!viaRequire) {
    // The build writes packs in ASCII: read byte for byte, with no UTF-8 to decode (a third of a ms for the CLI's).
    try {
      define = runWithCodeCache(pack, readFileSync(pack, 'latin1'), require);
    } catch (error) {
      if (error.code === 'ENOENT') return false;
      throw error;
    }
  } else {
    try {
      define = require(pack);
    } catch (error) {
      if (error.code === 'MODULE_NOT_FOUND' && !existsSync(pack)) return false;
      throw error;
    }
  }
  const dir = dirname(file);
  define((name, factory) => {
    const path = dir + sep + name;
    if (!loaded.has(path) && !packed.has(path)) packed.set(path, factory);
  });
  return true;
}

const requires = new Map();

/** The require() of the bundle's files in `dir` (all in dist/, so made once): chunks through loadBundle, the rest as Node does. */
function requireFrom(dir) {
  let bundleRequire = requires.get(dir);
  if (!bundleRequire) {
    const nodeRequire = Module.createRequire(dir + sep + 'cli.cjs');
    bundleRequire = Object.assign((id) => (id.startsWith('./') && id.endsWith('.cjs') ? loadBundle(dir + sep + id.slice(2)) : nodeRequire(id)), nodeRequire);
    requires.set(dir, bundleRequire);
  }
  return bundleRequire;
}

/**
 * Like require(file) for a file of the bundle; the chunks it requires ("./chunk-X.cjs") are loaded the same way.
 * `pack`: a pack to read first instead of the file's own, when the build made it (a command's start-up pack).
 */
function loadBundle(file, pack) {
  const known = loaded.get(file);
  if (known) return known.exports;
  if (!packed.has(file) && !(pack && readPack(file, pack))) readPack(file);
  const dir = dirname(file);
  const module = { exports: {}, filename: file };
  loaded.set(file, module);
  const factory = packed.get(file);
  if (!factory) return runWithCodeCache(file, readFileSync(file, 'utf8'), requireFrom(dir), module);
  packed.delete(file);
  factory.call(module.exports, module.exports, requireFrom(dir), module, file, dir);
  return module.exports;
}

/** The bundle files this process has loaded (the build's step 5 packs what an everyday command loads). */
function loadedFiles() {
  return [...loaded.keys()];
}

/**
 * The start-up pack the build made for the command named `word` (build.mjs, step 5): its everyday run in one file.
 * Only a plain command name makes a file name; anything else starts from cli.pack.cjs.
 */
function startPackFile(dist, word) {
  return word !== undefined && /^[a-z_]+$/.test(word) ? dist + sep + 'start' + sep + word + '.pack.cjs' : undefined;
}

/**
 * The name of the command a command line runs, as src/app/command-kit.ts's commandNamed finds it: the first word that
 * is not a global option or the value of one. Only picks a start-up pack: a wrong guess costs time, not correctness.
 */
function commandWord(argv) {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') return undefined;
    if (word === '-r' || word === '--roadmap') i++;
    else if (!word.startsWith('-') || word === '-') return word;
  }
  return undefined;
}

module.exports = { codeCacheFile, codeCacheFits, commandWord, loadBundle, loadedFiles, scripts, startPackFile, useNodeCompileCache };

/**
 * `roadmap`, `roadmap --help`, `-h` or `help` when stdout is not a terminal: prints the help the build rendered with
 * this very program (dist/help.txt: commander lays help out 80 columns wide there, whatever the environment, so the
 * text is always the same) without loading the bundle. False when that does not apply, or there is no such file: the
 * CLI then answers with commander (on a terminal, laid out for its width).
 */
function printBuiltHelp(argv, dist) {
  if (argv.length > 1 || (argv.length === 1 && argv[0] !== '--help' && argv[0] !== '-h' && argv[0] !== 'help')) return false;
  let text;
  try {
    const stat = fstatSync(1);
    // A character device may be a terminal, except Linux's memory devices (/dev/null): see src/ui/streams.ts.
    if (stat.isCharacterDevice() && !(process.platform === 'linux' && (stat.rdev & 0xfff00) >> 8 === 1)) return false;
    text = readFileSync(dist + sep + 'help.txt');
  } catch {
    return false;
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let done = 0; done < text.length; ) {
    try {
      done += writeSync(1, text, done, text.length - done);
    } catch (error) {
      // A reader that left (`roadmap --help | head -3`) ends the output; a pipe another process made non-blocking waits.
      if (error.code === 'EPIPE') break;
      if (error.code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
  return true;
}

/** Runs the CLI; the build's warm-up requires this file for the loader instead, and runs commands in-process. */
function start() {
  const dist = require('node:path').join(__dirname, '..', 'dist');
  const cli = dist + sep + 'cli.cjs';
  const argv = process.argv.slice(2);
  if (printBuiltHelp(argv, dist)) return;
  // dist/ holds V8 code caches for the Node that built it, and another V8 would reject them. Node 22.1 and later
  // keep a compile cache of their own instead (NODE_COMPILE_CACHE, or node-compile-cache in the temp folder, as npm
  // does), for what require() loads: the loader then requires the packs (BENCHMARKS.md, "Node 22 and 24").
  if (!codeCacheFits(cli)) useNodeCompileCache();
  const { main, outputSettled } = loadBundle(cli, startPackFile(dist, commandWord(argv)));
  main(argv).then((code) => {
    process.exitCode = code;
    // Everything is written (output goes out in synchronous writes) and nothing the command started is still
    // running: exit now rather than have Node take the heap apart first, which costs a whole-heap walk (ms on a big
    // roadmap). Where a stream still holds output (a terminal on Windows is written asynchronously), Node ends the
    // run as usual once it is out.
    if (outputSettled()) process.exit(code);
  });
}

if (require.main === module) start();
