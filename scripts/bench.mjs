// `npm run bench`: start-up and scale budget of the built CLI, as ratios to `node -e 0` measured alternately with it.
// Needs nothing but Node. Options: --runs N (default 20, at least 10), --no-build, --only TEXT (scenarios whose name
// contains TEXT), --clean-env (children get only PATH, not the caller's environment), --save (writes the table into
// BENCHMARKS.md). Exits 1 when a target is missed or a command fails. Not part of `npm test`: timings are noisy.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRoadmap } from './bench-roadmap.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'roadmap.js');
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const RUNS = Math.max(10, Number(option('--runs')) || 20);
const ONLY = option('--only');
const CLEAN = argv.includes('--clean-env');
const MB = 1024 * 1024;

if (!argv.includes('--no-build')) {
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

// Everything happens in a temp folder: the roadmaps, ROADMAP_HOME, a fake user home. The real home is never touched.
const tmp = mkdtempSync(join(tmpdir(), 'roadmap-bench-'));
const home = join(tmp, 'home');
mkdirSync(home);
const big = join(tmp, 'big.md');
const huge = join(tmp, 'huge.md');
writeFileSync(big, generateRoadmap(1 * MB));
writeFileSync(huge, generateRoadmap(10 * MB));
// Peak memory of a child, measured by the child itself: ru_maxrss (kB on Linux) written out as it exits.
const rssHook = join(tmp, 'rss-hook.mjs');
writeFileSync(rssHook, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
// By default children see the caller's environment, as a user's commands do (it matters: NODE_EXTRA_CA_CERTS, for
// one, adds tens of ms to every Node start-up, `node -e 0` included); only the places the tool writes are redirected.
const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(XDG_\w+|ROADMAP_\w+|NO_COLOR|FORCE_COLOR|CI)$/.test(k)));
const env = { ...(CLEAN ? { PATH: process.env.PATH } : inherited), HOME: join(tmp, 'user'), ROADMAP_HOME: home };
const out = join(tmp, 'stdout');

/** Runs one process to completion; returns its wall time in ms (stdout goes to a file, as `> file` would). */
function runOnce(args, { rss = false } = {}) {
  const fd = openSync(out, 'w');
  const rssFile = join(tmp, 'rss');
  const nodeArgs = rss ? ['--import', rssHook, ...args] : args;
  const start = performance.now();
  const r = spawnSync(process.execPath, nodeArgs, { env: { ...env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 * MB });
  const ms = performance.now() - start;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status ?? r.signal}: ${String(r.stderr).slice(0, 500)}`);
  if (args[0] === BIN && statSync(out).size === 0) throw new Error(`roadmap ${args.slice(1).join(' ')} printed nothing`);
  return { ms, rssMB: rss ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined };
}

const roadmap = (args) => [BIN, ...args];
const clearCache = () => rmSync(join(home, 'cache'), { recursive: true, force: true });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Some progress, so `next` has to skip done topics and read a real progress file.
for (const id of ['1.1', '1.2', '2.1', '2.2', '2.3', '3.1']) runOnce(roadmap(['done', id]));
const topicNumbers = JSON.parse((spawnSync(process.execPath, roadmap(['list', '--json']), { env }).stdout ?? '').toString())
  .sections.flatMap((s) => s.topics.map((t) => t.number));
let doneIndex = 0;

const scenarios = [
  { name: 'roadmap --help', args: () => roadmap(['--help']), target: 1.25 },
  { name: 'roadmap next (bundled, progress stored)', args: () => roadmap(['next']), target: 1.4 },
  { name: 'roadmap done <id>', args: () => roadmap(['done', topicNumbers[doneIndex++ % topicNumbers.length]]), target: 1.6 },
  { name: 'roadmap next --roadmap big.md (1 MB, after first run)', args: () => roadmap(['next', '--roadmap', big]), target: 1.8 },
  { name: 'roadmap list --json --roadmap big.md (1 MB, first run)', id: 'big-cold', args: () => roadmap(['list', '--json', '--roadmap', big]), before: clearCache },
  { name: 'roadmap list --json --roadmap huge.md (10 MB, first run)', id: 'huge-cold', args: () => roadmap(['list', '--json', '--roadmap', huge]), before: clearCache, growthOf: 'big-cold', growth: 12, memory: 400 },
  { name: 'roadmap list --json --roadmap huge.md (10 MB, after first run)', args: () => roadmap(['list', '--json', '--roadmap', huge]) },
];

const rows = [];
let failed = false;
for (const s of scenarios.filter((x) => !ONLY || x.name.includes(ONLY) || (x.id && scenarios.some((y) => y.growthOf === x.id && y.name.includes(ONLY))))) {
  process.stderr.write(`${s.name} `);
  try {
    s.before?.();
    runOnce(s.args()); // warm-up: file-system cache, and the parse cache where the scenario wants it
    runOnce(['-e', '0']);
    const base = [];
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so drift in the machine's load hits both sides alike.
      const pair = [() => base.push(runOnce(['-e', '0']).ms), () => { s.before?.(); times.push(runOnce(s.args()).ms); }];
      if (i % 2) pair.reverse();
      for (const f of pair) f();
      process.stderr.write('.');
    }
    const peaks = [0, 1, 2].map(() => (s.before?.(), runOnce(s.args(), { rss: true }).rssMB));
    rows.push({ ...s, runs: RUNS, median: median(times), base: median(base), peak: Math.max(...peaks) });
  } catch (error) {
    failed = true;
    rows.push({ ...s, error: error.message });
  }
  process.stderr.write('\n');
}

const byId = Object.fromEntries(rows.filter((r) => r.id).map((r) => [r.id, r]));
const lines = [
  '| scenario | runs | median | `node -e 0` | ratio | peak RSS | target | result |',
  '|---|---:|---:|---:|---:|---:|---|---|',
];
for (const r of rows) {
  if (r.error) {
    lines.push(`| ${r.name} | | | | | | | FAILED: ${r.error.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
    continue;
  }
  const ratio = r.median / r.base;
  const checks = [];
  if (r.target) checks.push([`ratio ≤ ${r.target}`, ratio <= r.target]);
  if (r.growthOf) {
    const growth = r.median / (byId[r.growthOf]?.median ?? NaN);
    checks.push([`${growth.toFixed(1)}× the 1 MB time, ≤ ${r.growth}×`, growth <= r.growth]);
  }
  if (r.memory) checks.push([`peak ≤ ${r.memory} MB`, r.peak <= r.memory]);
  const ok = checks.every(([, pass]) => pass);
  if (!ok) failed = true;
  lines.push(
    `| ${r.name} | ${r.runs} | ${r.median.toFixed(0)} ms | ${r.base.toFixed(0)} ms | ${ratio.toFixed(2)} | ${r.peak.toFixed(0)} MB | ${checks.map(([t]) => t).join(', ') || '—'} | ${checks.length ? (ok ? 'pass' : 'MISS') : ''} |`,
  );
}
const envNote = CLEAN ? 'children ran with only PATH set (--clean-env)' : `children ran in the caller's environment${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set)' : ''}${process.env.NODE_OPTIONS ? ' (NODE_OPTIONS is set)' : ''}`;
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB, Node ${process.version}, ${process.platform}; load average at the end ${loadavg().map((n) => n.toFixed(2)).join(' ')}; big.md ${(statSync(big).size / MB).toFixed(1)} MB, huge.md ${(statSync(huge).size / MB).toFixed(1)} MB; medians of ${RUNS} runs each, alternated with \`node -e 0\`; ${envNote}; peak RSS is the highest of 3 extra runs.`;
const table = `${lines.join('\n')}\n\n${machine}\n`;
process.stdout.write(`\n${table}\n${failed ? 'Some targets were missed.' : 'All targets met.'}\n`);

if (argv.includes('--save')) {
  const doc = join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(doc, 'utf8');
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`BENCHMARKS.md has no ${start} … ${end} markers`);
  writeFileSync(doc, `${text.slice(0, a + start.length)}\n${table}${text.slice(b)}`);
}
rmSync(tmp, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
