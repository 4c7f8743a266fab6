#!/usr/bin/env node
// CommonJS (see bin/package.json), like the bundle in dist/: Node starts it without its ES module loader.
const { join } = require('node:path');
const { codeCacheFits, loadBundle, useNodeCompileCache } = require('./load-bundle.js');

const cli = join(__dirname, '..', 'dist', 'cli.cjs');

// dist/ holds V8 code caches for the Node that built it, and another V8 would reject them. Node 22.1 and later keep
// a compile cache of their own instead (NODE_COMPILE_CACHE, or node-compile-cache in the temp folder, as npm does),
// for what require() loads: the loader then requires the packs (BENCHMARKS.md, "Node 22 and 24").
if (!codeCacheFits(cli)) useNodeCompileCache();
const { main } = loadBundle(cli);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
