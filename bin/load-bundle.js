// Loads the CommonJS bundle in dist/ with V8's code cache: compiling the bundle is the largest single cost of starting
// the CLI (about 5 ms for 200 KB), and a cache written at build time (scripts/build.mjs) lets V8 skip it. A cache made
// by another Node version or with other V8 flags is rejected by V8 and the file is simply compiled, as require() would.
const { existsSync, readFileSync, statSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const loaded = new Map();

/** Where the build keeps a bundle file's code cache for this Node's V8: one made by another V8 is never read. */
function codeCacheFile(file) {
  return `${file}.${process.versions.v8}.v8cache`;
}

/** Whether the build left a code cache of `file` for this Node's V8. */
function codeCacheFits(file) {
  return existsSync(codeCacheFile(file));
}

/** The compiled scripts of this process, so the build can ask each for its code cache after a warm-up run. */
const scripts = new Map();

/** Like require(file) for a file of the bundle; the chunks it requires ("./chunk-X.cjs") are loaded the same way. */
function loadBundle(file) {
  const known = loaded.get(file);
  if (known) return known.exports;
  const module = { exports: {}, filename: file };
  loaded.set(file, module);
  let cachedData;
  try {
    // V8 checks a cache against the length of the source only, so a file changed after its cache was made (by hand:
    // the build always writes both) must not use it.
    const cache = codeCacheFile(file);
    if (statSync(cache).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(cache);
  } catch {
    // No cache (a fresh checkout before its first build, or deleted): compile as usual.
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  scripts.set(file, script);
  const dir = dirname(file);
  const nodeRequire = Module.createRequire(file);
  const bundleRequire = Object.assign((id) => (id.startsWith('./') && id.endsWith('.cjs') ? loadBundle(join(dir, id)) : nodeRequire(id)), nodeRequire);
  script.runInThisContext().call(module.exports, module.exports, bundleRequire, module, file, dir);
  return module.exports;
}

module.exports = { codeCacheFile, codeCacheFits, loadBundle, scripts };
