// Loads the CommonJS bundle in dist/ with V8's code cache: compiling the bundle is the largest single cost of starting
// the CLI (about 5 ms for 200 KB), and a cache written at build time (scripts/build.mjs) lets V8 skip it. A cache made
// by another Node version or with other V8 flags is rejected by V8 and the file is simply compiled, as require() would.
// Chunks come from a pack when the build made one (one file and one cache for all the chunks a step loads, see
// scripts/build.mjs, step 3), else from their own file.
const { readFileSync, statSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, sep } = require('node:path');
const { Script } = require('node:vm');

const loaded = new Map();
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
  for (const f of [packFile(file), file]) {
    try {
      statSync(codeCacheFile(f));
      return true;
    } catch {
      // Try the next.
    }
  }
  return false;
}

/** The compiled scripts of this process, so the build can ask each for its code cache after a warm-up run. */
const scripts = new Map();

/** Compiles a file of dist/ with its code cache when there is one that is not older than the file. */
function compile(file, source) {
  let cachedData;
  try {
    // V8 checks a cache against the length of the source only, so a file changed after its cache was made (by hand:
    // the build always writes both) must not use it.
    const cache = codeCacheFile(file);
    if (statSync(cache).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(cache);
  } catch {
    // No cache (a fresh checkout before its first build, or deleted): compile as usual.
  }
  const script = new Script(source, { filename: file, cachedData });
  scripts.set(file, script);
  return script;
}

/** Reads the pack of `file`, if the build made one, and keeps its chunks until they are required. */
function readPack(file) {
  const pack = packFile(file);
  if (packsTried.has(pack)) return;
  packsTried.add(pack);
  let source;
  try {
    // The build writes packs in ASCII: read byte for byte, with no UTF-8 to decode (a third of a ms for the CLI's).
    source = readFileSync(pack, 'latin1');
  } catch {
    return;
  }
  const dir = dirname(file);
  compile(pack, source).runInThisContext()((name, factory) => {
    const path = dir + sep + name;
    if (!loaded.has(path) && !packed.has(path)) packed.set(path, factory);
  });
}

const requires = new Map();

/** The require() of the bundle's files in `dir` (all in dist/, so made once): chunks through loadBundle, the rest as Node does. */
function requireFrom(dir) {
  let bundleRequire = requires.get(dir);
  if (!bundleRequire) {
    const nodeRequire = Module.createRequire(join(dir, 'cli.cjs'));
    bundleRequire = Object.assign((id) => (id.startsWith('./') && id.endsWith('.cjs') ? loadBundle(dir + sep + id.slice(2)) : nodeRequire(id)), nodeRequire);
    requires.set(dir, bundleRequire);
  }
  return bundleRequire;
}

/** Like require(file) for a file of the bundle; the chunks it requires ("./chunk-X.cjs") are loaded the same way. */
function loadBundle(file) {
  const known = loaded.get(file);
  if (known) return known.exports;
  if (!packed.has(file)) readPack(file);
  const module = { exports: {}, filename: file };
  loaded.set(file, module);
  const dir = dirname(file);
  const factory = packed.get(file);
  packed.delete(file);
  const run = factory ?? compile(file, Module.wrap(readFileSync(file, 'utf8'))).runInThisContext();
  run.call(module.exports, module.exports, requireFrom(dir), module, file, dir);
  return module.exports;
}

module.exports = { codeCacheFile, codeCacheFits, loadBundle, scripts };
