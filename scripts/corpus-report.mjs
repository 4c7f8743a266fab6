// Prints expected vs parsed section/topic counts for every file in ../shared/corpus (a development aid).
// Usage: node scripts/corpus-report.mjs [file-substring] [--tree]
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('./.scratch/corpus-parse.mjs', import.meta.url));
await build({ entryPoints: ['src/core/parse/parse.ts'], bundle: true, platform: 'node', format: 'esm', outfile: out, packages: 'external', logLevel: 'warning' });
const { parseRoadmap } = await import(`${out}?t=${Date.now()}`);
const dir = new URL(`${process.env.ROADMAP_SHARED ?? fileURLToPath(new URL('../../shared', import.meta.url))}/corpus/`, 'file://');
const rows = readFileSync(new URL('MANIFEST.tsv', dir), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));
const tree = process.argv.includes('--tree');
const count = (ts) => ts.reduce((n, t) => n + 1 + count(t.children), 0);
let pass = 0;
for (const [file, , , , es, et] of rows) {
  if (filter && !file.includes(filter)) continue;
  const t0 = performance.now();
  const r = parseRoadmap(readFileSync(new URL(file, dir), 'utf8'));
  const ms = performance.now() - t0;
  const s = r.sections.length;
  const t = r.sections.reduce((n, x) => n + count(x.topics), 0);
  const okS = Math.abs(s - es) <= Math.max(0, es * 0.1);
  const okT = Math.abs(t - et) <= Math.max(0, et * 0.15);
  if (okS && okT) pass++;
  console.log(`${okS && okT ? 'PASS' : 'MISS'} ${file.slice(0, 60).padEnd(60)} sec ${String(s).padStart(3)}/${String(es).padEnd(3)} top ${String(t).padStart(4)}/${String(et).padEnd(4)} ${ms.toFixed(0)}ms  "${r.title}"`);
  if (tree) {
    for (const w of r.warnings) console.log(`   ! ${w.line ?? ''} ${w.kind}: ${w.message}`);
    const show = (ts, d) => { for (const x of ts) { console.log(`${'  '.repeat(d)}- ${x.title}${x.links.length ? ` [${x.links.length}L]` : ''}${x.url ? ' (url)' : ''}${x.checked !== undefined ? ` [${x.checked ? 'x' : ' '}]` : ''}  @${x.line}`); show(x.children, d + 1); } };
    for (const sec of r.sections) { console.log(`# ${sec.number} ${sec.title} (${count(sec.topics)}) @${sec.line}${sec.links.length ? ` [${sec.links.length}L]` : ''}`); show(sec.topics, 1); }
  }
}
console.log(`${pass}/${rows.length} within tolerance`);
