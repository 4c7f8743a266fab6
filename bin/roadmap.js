#!/usr/bin/env node
// CommonJS (see bin/package.json), like the bundle in dist/: Node starts it without its ES module loader.
const { main } = require('../dist/cli.cjs');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
