// Proves a refactor changed no behaviour: snapshots `roadmap list --json` (stdout, stderr, exit code) of the built
// bin for the bundled roadmap and every corpus file, then compares two snapshots byte for byte.
//   node scripts/list-json-snapshot.mjs save DIR      (after npm run build)
//   node scripts/list-json-snapshot.mjs compare A B
// The corpus is ../shared/corpus unless ROADMAP_SHARED names another folder holding corpus/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [verb, a, b] = process.argv.slice(2);

function inputs() {
  const shared = process.env.ROADMAP_SHARED ?? resolve(root, '..', 'shared');
  const corpus = join(shared, 'corpus');
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.md')).sort() : [];
  if (files.length === 0) console.error(`note: no corpus at ${corpus}; only the bundled roadmap is compared`);
  return [{ name: 'bundled', args: [] }, ...files.map((f) => ({ name: f, args: ['--roadmap', join(corpus, f)] }))];
}

if (verb === 'save' && a) {
  mkdirSync(a, { recursive: true });
  for (const input of inputs()) {
    // A fresh home each time: no parse cache, no progress, so every run is a first run.
    const home = mkdtempSync(join(tmpdir(), 'roadmap-snap-'));
    const r = spawnSync(process.execPath, [join(root, 'bin', 'roadmap.js'), 'list', '--json', ...input.args], {
      env: { PATH: process.env.PATH, HOME: home, ROADMAP_HOME: home, NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    rmSync(home, { recursive: true, force: true });
    const stderr = r.stderr.replaceAll(home, '<HOME>');
    writeFileSync(join(a, `${input.name}.out`), `exit ${r.status}\n--- stderr\n${stderr}--- stdout\n${r.stdout}`);
  }
  console.log(`saved ${inputs().length} snapshots to ${a}`);
} else if (verb === 'compare' && a && b) {
  const names = readdirSync(a).sort();
  let differ = 0;
  for (const name of names) {
    const left = readFileSync(join(a, name));
    const right = existsSync(join(b, name)) ? readFileSync(join(b, name)) : undefined;
    if (!right || !left.equals(right)) {
      differ++;
      console.log(`differs: ${name}`);
    }
  }
  console.log(`${names.length - differ} of ${names.length} identical`);
  process.exitCode = differ === 0 && names.length > 0 ? 0 : 1;
} else {
  console.error('usage: list-json-snapshot.mjs save DIR | compare DIR_A DIR_B');
  process.exitCode = 2;
}
