// `npm run bench`: start-up, first-read and scale budgets of the built CLI, measured against `node -e 0` run
// alternately with it. Needs nothing but Node. By default the commands run in a clean environment (only PATH and a
// temp HOME), as on a learner's machine; `--env` runs them in yours. Options: --runs N (default 20, at least 10),
// --no-build, --only TEXT (scenarios whose name contains TEXT), --env, --save (writes the tables into BENCHMARKS.md).
// Exits 1 when a target is missed or a command fails. Not part of `npm test`: timings are noisy, tests never time.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const CALLER_ENV = argv.includes('--env');
const MB = 1024 * 1024;
/** The largest real roadmap in the corpus beside the repository (../shared), when it is there. */
const CORPUS = process.env.ROADMAP_SHARED ? join(process.env.ROADMAP_SHARED, 'corpus') : join(ROOT, '..', 'shared', 'corpus');

if (!argv.includes('--no-build')) {
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

// Everything happens in a temp folder: the roadmaps and a fake user home that holds all state. The real home is
// never read or written.
const tmp = mkdtempSync(join(tmpdir(), 'roadmap-bench-'));
const home = join(tmp, 'home');
mkdirSync(home);
const SIZES = [0.1, 0.3, 1, 3, 10];
const generated = Object.fromEntries(
  SIZES.map((mb) => {
    const file = join(tmp, `gen-${mb}mb.md`);
    writeFileSync(file, generateRoadmap(Math.round(mb * MB)));
    return [mb, file];
  }),
);
const big = generated[1];
const huge = generated[10];
const largestReal = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(CORPUS, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0]
  : undefined;

// Peak memory of a child, measured by the child itself: ru_maxrss (kB on Linux) written out as it exits.
const rssHook = join(tmp, 'rss-hook.cjs');
writeFileSync(rssHook, "process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
// Clean: what a learner's shell gives a command, less what this machine adds (NODE_EXTRA_CA_CERTS, here, adds tens of
// ms to every Node start-up, `node -e 0` included). --env: the caller's environment, with the state redirected.
const caller = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(XDG_\w+|ROADMAP_\w+|NO_COLOR|FORCE_COLOR|CI)$/.test(k)));
const env = { ...(CALLER_ENV ? caller : { PATH: process.env.PATH }), HOME: home };
const out = join(tmp, 'stdout');

/** Runs one process to completion; returns its wall time in ms (stdout goes to a file, as `> file` would). */
function runOnce(args, { rss = false } = {}) {
  const fd = openSync(out, 'w');
  const rssFile = join(tmp, 'rss');
  const nodeArgs = rss ? ['--require', rssHook, ...args] : args;
  const start = performance.now();
  const r = spawnSync(process.execPath, nodeArgs, { env: { ...env, ...(rss ? { BENCH_RSS_FILE: rssFile } : {}) }, stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 * MB });
  const ms = performance.now() - start;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status ?? r.signal}: ${String(r.stderr).slice(0, 500)}`);
  if (args[0] === BIN && statSync(out).size === 0) throw new Error(`roadmap ${args.slice(1).join(' ')} printed nothing`);
  return { ms, rssMB: rss ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined };
}

const roadmap = (args) => [BIN, ...args];
// The parse cache, where roadmap keeps it with only HOME set (XDG on Linux, Library on macOS; see src/store/paths.ts).
const clearCache = () => {
  for (const dir of [join(home, '.cache'), join(home, 'Library', 'Caches')]) rmSync(dir, { recursive: true, force: true });
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Some progress, so `next` skips done topics and reads a real progress file.
for (const id of ['1.1', '1.2', '2.1', '2.2', '2.3', '3.1']) runOnce(roadmap(['done', id]));
const topicNumbers = JSON.parse(spawnSync(process.execPath, roadmap(['list', '--json']), { env }).stdout.toString()).sections.flatMap((s) =>
  s.topics.map((t) => t.number),
);
let doneIndex = 0;
// `done` and `reset` in turn on each topic: every run changes progress and the file stays the same size.
const doneArgs = () => {
  const i = doneIndex++;
  return roadmap([Math.floor(i / topicNumbers.length) % 2 ? 'reset' : 'done', topicNumbers[i % topicNumbers.length]]);
};

/**
 * target: a ratio to `node -e 0`; limitMs: an absolute time; memory: peak RSS in MB. `group: 'scale'` rows go into
 * the scale table instead.
 */
const scenarios = [
  { name: 'roadmap --help', args: () => roadmap(['--help']), target: 1.3 },
  { name: 'roadmap next (bundled, progress stored)', args: () => roadmap(['next']), target: 1.4 },
  { name: 'roadmap done <id> (and reset, in turn)', args: doneArgs, target: 1.7 },
  { name: 'roadmap next --roadmap 1mb.md (after its first run)', args: () => roadmap(['next', '--roadmap', big]), target: 2.0 },
  { name: 'completion of a topic (roadmap __complete -- done 2.)', args: () => roadmap(['__complete', '--', 'done', '2.']), target: 1.5 },
  { name: 'roadmap list --json --roadmap 1mb.md (first run)', args: () => roadmap(['list', '--json', '--roadmap', big]), before: clearCache, limitMs: 300 },
  { name: 'roadmap list --json --roadmap 10mb.md (first run)', args: () => roadmap(['list', '--json', '--roadmap', huge]), before: clearCache, limitMs: 1500, memory: 300 },
  ...(largestReal
    ? [{ name: `largest corpus file, first run (${(statSync(largestReal).size / 1024).toFixed(0)} KB)`, args: () => roadmap(['list', '--json', '--roadmap', largestReal]), before: clearCache, target: 3 }]
    : []),
  ...SIZES.map((mb) => ({ name: `${mb} MB`, group: 'scale', mb, args: () => roadmap(['list', '--json', '--roadmap', generated[mb]]), before: clearCache })),
];

const rows = [];
let failed = false;
for (const s of scenarios.filter((x) => !ONLY || x.name.includes(ONLY) || (ONLY === 'scale' && x.group === 'scale'))) {
  process.stderr.write(`${s.group === 'scale' ? 'scale: first run of ' : ''}${s.name} `);
  try {
    s.before?.();
    runOnce(s.args()); // warm-up: the file-system cache, and the parse cache where the scenario wants it
    runOnce(['-e', '0']);
    const base = [];
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so drift in the machine's load hits both sides alike.
      const pair = [() => base.push(runOnce(['-e', '0']).ms), () => (s.before?.(), times.push(runOnce(s.args()).ms))];
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

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const lines = ['| scenario | runs | median | `node -e 0` | ratio | peak RSS | target | result |', '|---|---:|---:|---:|---:|---:|---|---|'];
for (const r of rows.filter((x) => x.group !== 'scale')) {
  if (r.error) {
    lines.push(`| ${cell(r.name)} | | | | | | | FAILED: ${cell(r.error)} |`);
    continue;
  }
  const ratio = r.median / r.base;
  const checks = [];
  if (r.target) checks.push([`ratio ≤ ${r.target}`, ratio <= r.target]);
  if (r.limitMs) checks.push([`≤ ${r.limitMs} ms`, r.median <= r.limitMs]);
  if (r.memory) checks.push([`peak ≤ ${r.memory} MB`, r.peak <= r.memory]);
  const ok = checks.every(([, pass]) => pass);
  if (!ok) failed = true;
  lines.push(
    `| ${cell(r.name)} | ${r.runs} | ${r.median.toFixed(0)} ms | ${r.base.toFixed(0)} ms | ${ratio.toFixed(2)} | ${r.peak.toFixed(0)} MB | ${checks.map(([t]) => t).join(', ') || '—'} | ${checks.length ? (ok ? 'pass' : 'MISS') : ''} |`,
  );
}

// Scale: linear growth means each further MB costs about the same (the step column); the first rows also carry what
// every run pays once (start-up, a cold JIT), so their average per MB is higher.
const scaleRows = rows.filter((x) => x.group === 'scale' && !x.error);
const scale = ['| size | runs | median | above `node -e 0` | per MB on average | per MB from the row above | peak RSS |', '|---:|---:|---:|---:|---:|---:|---:|'];
const steps = [];
scaleRows.forEach((r, i) => {
  const prev = scaleRows[i - 1];
  const step = prev ? (r.median - prev.median) / (r.mb - prev.mb) : undefined;
  if (step !== undefined) steps.push(step);
  scale.push(`| ${r.mb} MB | ${r.runs} | ${r.median.toFixed(0)} ms | ${(r.median - r.base).toFixed(0)} ms | ${((r.median - r.base) / r.mb).toFixed(0)} ms | ${step === undefined ? '—' : `${step.toFixed(0)} ms`} | ${r.peak.toFixed(0)} MB |`);
});
for (const r of rows.filter((x) => x.group === 'scale' && x.error)) scale.push(`| ${r.mb} MB | | | | | | FAILED: ${cell(r.error)} |`);
const growth =
  steps.length > 1
    ? `Each further MB costs ${Math.min(...steps).toFixed(0)} to ${Math.max(...steps).toFixed(0)} ms; the last step costs ${(steps[steps.length - 1] / steps[0]).toFixed(2)}× the first per MB (1.00× is exactly linear; more would be growth faster than linear).`
    : '';

const envNote = CALLER_ENV
  ? `children ran in the caller's environment (--env)${process.env.NODE_EXTRA_CA_CERTS ? ', where NODE_EXTRA_CA_CERTS is set' : ''}${process.env.NODE_OPTIONS ? ', where NODE_OPTIONS is set' : ''}`
  : 'children ran with only PATH and a temp HOME set (the default)';
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB, Node ${process.version}, ${process.platform}; load average at the end ${loadavg()
  .map((n) => n.toFixed(2))
  .join(' ')}; medians of ${RUNS} runs each, alternated with \`node -e 0\`; ${envNote}; peak RSS is the highest of 3 extra runs; stdout to a file.`;
const table = `${lines.join('\n')}\n\n${scaleRows.length ? `Scale (first runs of \`roadmap list --json\` on generated roadmaps):\n\n${scale.join('\n')}\n\n${growth}\n\n` : ''}${machine}\n`;
process.stdout.write(`\n${table}\n${failed ? 'Some targets were missed.' : 'All targets met.'}\n`);

if (argv.includes('--save')) {
  const doc = join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(doc, 'utf8');
  const [start, end] = CALLER_ENV ? ['<!-- bench-env:start -->', '<!-- bench-env:end -->'] : ['<!-- bench:start -->', '<!-- bench:end -->'];
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`BENCHMARKS.md has no ${start} … ${end} markers`);
  writeFileSync(doc, `${text.slice(0, a + start.length)}\n${table}${text.slice(b)}`);
}
rmSync(tmp, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
