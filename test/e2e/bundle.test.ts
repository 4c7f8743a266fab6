import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../scripts/bench-roadmap.mjs';
import { ROOT, spawnBin } from '../helpers/bin.js';
import { PtySession } from '../helpers/pty.js';

let dirs: string[] = [];
let pty: PtySession | undefined;
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-bundle-'));
  dirs.push(dir);
  return dir;
};
beforeEach(() => {
  dirs = [];
});
afterEach(() => {
  pty?.kill();
  pty = undefined;
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** What `npm pack` ships (bin, dist, roadmap, package.json), copied where no node_modules can be found. */
function installedCopy(): { bin: string; dist: string } {
  const pkg = join(temp(), 'roadmap');
  for (const part of ['bin', 'dist', 'roadmap', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
  return { bin: join(pkg, 'bin', 'roadmap.js'), dist: join(pkg, 'dist') };
}

interface Meta {
  outputs: Record<string, { entryPoint?: string; imports: Array<{ path: string; kind: string }>; inputs: Record<string, unknown> }>;
}

/** Source files a plain start-up loads: the entry chunk and everything it imports statically, not lazily. */
function startupInputs(): string[] {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle-meta.json'), 'utf8')) as Meta;
  const entry = Object.keys(meta.outputs).find((o) => meta.outputs[o]?.entryPoint === 'src/cli.ts');
  const seen = new Set<string>();
  const todo = entry ? [entry] : [];
  for (let out = todo.pop(); out !== undefined; out = todo.pop()) {
    if (seen.has(out)) continue;
    seen.add(out);
    for (const i of meta.outputs[out]?.imports ?? []) if (i.kind === 'import-statement' && meta.outputs[i.path]) todo.push(i.path);
  }
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
}

describe('the bundled bin', () => {
  it('works from an installed copy with no node_modules: every package it uses is in dist/', async () => {
    const { bin } = installedCopy();
    const home = temp();
    const big = join(home, 'big.md');
    writeFileSync(big, generateRoadmap(300_000, 21));
    const steps: Array<[string[], RegExp]> = [
      [['--version'], /^\d+\.\d+\.\d+\n$/],
      [['done', '1.1', 'gorm'], /2\/53 done, 4%/],
      [['next'], /^1\.2 {2}Explore Web frameworks/],
      [['list', '--json'], /"done": 2,\n\s+"total": 53/],
      [['show', 'gorm'], /Status: +\[x\] done/],
      [['reset', '1.1'], /1\/53 done/],
      [['list', '--json', '--roadmap', big], /"schemaVersion": 1/],
      [['next', '--roadmap', big], /id: /],
    ];
    for (const [args, expected] of steps) {
      const r = await spawnBin(args, { home, bin });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(expected);
    }
    expect(readdirSync(join(home, 'cache', 'parsed'))).toHaveLength(2);
  });

  it('a plain start-up loads neither the Markdown parser nor prompts, spinner or conf', () => {
    const inputs = startupInputs();
    expect(inputs).toContain('src/cli.ts');
    expect(inputs.filter((i) => /node_modules\/(marked|ora|conf|ajv|@inquirer)\//.test(i) || /src\/core\/(outline|parse)\.ts$/.test(i))).toEqual([]);
  });

  it('--help and --version read no roadmap and write nothing', async () => {
    const home = temp();
    for (const args of [['--help'], ['--version'], ['list', '--help']]) {
      const r = await spawnBin([...args, '--roadmap', join(home, 'missing.md')], { home });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toBe('');
    }
    expect(readdirSync(home)).toEqual([]);
  });

  it('V8 code caches that do not fit (damaged, or from another Node) are ignored', async () => {
    const { bin, dist } = installedCopy();
    const caches = readdirSync(dist).filter((f) => f.endsWith('.v8cache'));
    expect(caches.length).toBeGreaterThan(0);
    for (const f of caches) writeFileSync(join(dist, f), 'not a code cache');
    const home = temp();
    const damaged = await spawnBin(['done', '2.1', '--json'], { home, bin });
    const fresh = await spawnBin(['done', '2.1', '--json'], { home: temp() });
    expect(damaged.code, damaged.stderr).toBe(0);
    // The history entry's id and time differ from run to run; everything else is the same.
    const stable = (out: string) => out.replace(/"at": "[^"]+"|"id": "[0-9a-f]{8}-[0-9a-f-]{27}"/g, '');
    expect(stable(damaged.stdout)).toBe(stable(fresh.stdout));
  });

  it('a new build of the parser does not use trees cached by the old one', async () => {
    const { bin, dist } = installedCopy();
    const home = temp();
    const file = join(home, 'mine.md');
    writeFileSync(file, generateRoadmap(20_000, 22));
    const first = await spawnBin(['list', '--json', '--roadmap', file], { home, bin });
    const title = (JSON.parse(first.stdout) as { roadmap: { title: string } }).roadmap.title;
    const [entry] = readdirSync(join(home, 'cache', 'parsed'));
    const entryPath = join(home, 'cache', 'parsed', entry ?? '');
    const cached = readFileSync(entryPath, 'utf8');
    const fingerprint = /^\{"format":\d+,"key":"([0-9a-f]+)-/.exec(cached)?.[1] ?? 'none';
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(entryPath, cached.replace(`"title":${JSON.stringify(title)}`, '"title":"Stale tree"'));
    // The same cache read by the same build: used.
    expect((await spawnBin(['list', '--json', '--roadmap', file], { home, bin })).stdout).toContain('"title": "Stale tree"');
    // A build whose parser sources differ has another fingerprint (scripts/build.mjs): the entry is not used.
    for (const f of readdirSync(dist).filter((n) => n.endsWith('.cjs'))) {
      const code = readFileSync(join(dist, f), 'utf8');
      if (code.includes(fingerprint)) writeFileSync(join(dist, f), code.replaceAll(fingerprint, '0123456789abcdef'));
    }
    const rebuilt = await spawnBin(['list', '--json', '--roadmap', file], { home, bin });
    expect(rebuilt.code).toBe(0);
    expect((JSON.parse(rebuilt.stdout) as { roadmap: { title: string } }).roadmap.title).toBe(title);
  });

  it('parallel first runs on one big roadmap all succeed and leave one complete entry, no temp files', async () => {
    const home = temp();
    const file = join(home, 'big.md');
    writeFileSync(file, generateRoadmap(300_000, 23));
    const runs = await Promise.all(Array.from({ length: 6 }, () => spawnBin(['list', '--json', '--roadmap', file], { home })));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(new Set(runs.map((r) => r.stdout)).size).toBe(1);
    const names = readdirSync(join(home, 'cache', 'parsed'));
    expect(names).toHaveLength(1);
    const after = await spawnBin(['list', '--json', '--roadmap', file], { home });
    expect(after.stdout).toBe(runs[0]?.stdout);
  });
});

describe('the spinner of the built bin', () => {
  let home: string;
  let big: string;
  beforeEach(() => {
    home = temp();
    big = join(home, 'big.md');
    writeFileSync(big, generateRoadmap(400_000, 24));
  });

  it('shows in a real terminal while a big roadmap is read the first time, then is gone', async () => {
    pty = new PtySession(['next', '--roadmap', big], { home });
    const { exitCode } = await pty.exited;
    expect(exitCode).toBe(0);
    expect(pty.text).toMatch(/Reading .*big\.md \(0\.4 MB\) for the first time/);
    expect(pty.text).toContain('id: ');
    pty = new PtySession(['next', '--roadmap', big], { home });
    await pty.exited;
    expect(pty.text).not.toContain('Reading');
  });

  it('keeps turning while the parse holds the main thread (it is drawn by a worker thread)', async () => {
    const bigger = join(home, 'bigger.md');
    writeFileSync(bigger, generateRoadmap(1_500_000, 25));
    pty = new PtySession(['next', '--roadmap', bigger], { home });
    expect((await pty.exited).exitCode).toBe(0);
    // ora's dots: one frame per 80 ms; a first parse of 1.5 MB shows several of them, not one frozen frame.
    const frames = new Set(pty.text.match(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/gu));
    expect(frames.size).toBeGreaterThan(1);
  });

  it('never shows for --json in a terminal', async () => {
    pty = new PtySession(['list', '--json', '--roadmap', big], { home });
    const { exitCode } = await pty.exited;
    expect(exitCode).toBe(0);
    expect(pty.text).not.toContain('Reading');
  });

  it('never shows when piped, even outside CI', async () => {
    const r = await spawnBin(['next', '--roadmap', big], { home, env: { CI: '' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(join(home, 'cache', 'parsed'))).toBe(true);
  });
});
