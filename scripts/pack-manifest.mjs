// The package.json that goes into the tarball, without `prepare`. npm runs `prepare` where dist/ has to be built
// first: a clone (`npm install`), a folder or a git dependency. A tarball already holds dist/, so there it is only a
// script nobody needs that npm asks the user to approve ("not covered by allowScripts"). npm packs package.json from
// disk, so `prepack` (after building) runs `strip` and `postpack` runs `restore`, which puts the file back byte for
// byte. A copy kept beside it (.package.json.packing) lets `restore` (or the next `strip`) repair a pack that stopped half-way.
// Usage: node scripts/pack-manifest.mjs strip|restore
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = join(root, 'package.json');
const kept = join(root, '.package.json.packing');

function restore() {
  if (existsSync(kept)) renameSync(kept, manifest);
}

const step = process.argv[2];
if (step === 'restore') {
  restore();
} else if (step === 'strip') {
  restore();
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(kept, text);
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
