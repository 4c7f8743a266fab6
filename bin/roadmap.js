#!/usr/bin/env node
// CommonJS (see bin/package.json), like the bundle in dist/: Node starts it without its ES module loader.
const { join } = require('node:path');
const { loadBundle } = require('./load-bundle.js');

const { main } = loadBundle(join(__dirname, '..', 'dist', 'cli.cjs'));

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
