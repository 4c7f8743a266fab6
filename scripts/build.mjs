// Bundles the CLI into dist/cli.js: one file starts faster than a tree of node_modules imports.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/cli.js',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
