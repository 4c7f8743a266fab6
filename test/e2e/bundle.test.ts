import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../scripts/bench-roadmap.mjs';
import { ROOT, spawnBin } from '../helpers/bin.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { PtySession } from '../helpers/pty.js';

let pty: PtySession | undefined;
const temp = tempDirs('roadmap-bundle-');
afterEach(() => {
  pty?.kill();
  pty = undefined;
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

  it("starts from the code cache the build made for this Node's V8, or else from Node's own compile cache (22.1+)", async () => {
    const compileCache = temp();
    const r = await spawnBin(['next'], { home: temp(), env: { NODE_COMPILE_CACHE: compileCache } });
    expect(r.code, r.stderr).toBe(0);
    const fits = readdirSync(join(ROOT, 'dist')).includes(`cli.pack.cjs.${process.versions.v8}.v8cache`);
    // The build made a cache for this very V8 (the usual case with the Node that built it): Node's cache stays unused.
    if (fits) expect(readdirSync(compileCache)).toEqual([]);
    else if ('enableCompileCache' in nodeModule) expect(readdirSync(compileCache).length).toBeGreaterThan(0);
  });

  it('the build leaves a code cache that V8 accepts for every pack a command loads, everyday commands from one start-up pack, and for no other V8', () => {
    const dist = join(ROOT, 'dist');
    if (!readdirSync(dist).includes(`cli.pack.cjs.${process.versions.v8}.v8cache`)) {
      // Built by another Node (CI tests Node 22 and 24 on a build made with 20): none of its caches is for this V8.
      expect(readdirSync(dist).filter((f) => f.endsWith(`.${process.versions.v8}.v8cache`))).toEqual([]);
      expect(readdirSync(join(dist, 'start')).filter((f) => f.endsWith(`.${process.versions.v8}.v8cache`))).toEqual([]);
      return;
    }
    const home = temp();
    // In a child process, as the bin loads it: each compiled file says whether V8 took its cache.
    const probe = `const lb = require(${JSON.stringify(join(ROOT, 'bin', 'roadmap.js'))});
      const argv = JSON.parse(process.argv[2]);
      const { main } = lb.loadBundle(${JSON.stringify(join(dist, 'cli.cjs'))}, lb.startPackFile(${JSON.stringify(dist)}, lb.commandWord(argv)));
      const sink = { write: () => true, isTTY: false };
      main(argv, { io: { stdout: sink, stderr: sink, stdin: process.stdin }, env: { ROADMAP_HOME: process.argv[1], PATH: '' } }).then((code) => {
        console.log(JSON.stringify({ code, scripts: [...lb.scripts].map(([f, s]) => [f.split(require('node:path').sep).slice(-2).join('/'), s.cachedDataRejected]) }));
      });`;
    const loads = (argv: string[]) => {
      const r = spawnSync(process.execPath, ['-e', probe, home, JSON.stringify(argv)], { encoding: 'utf8' });
      const { code, scripts } = JSON.parse(r.stdout) as { code: number; scripts: Array<[string, boolean]> };
      expect(code, r.stderr).toBe(0);
      for (const [file, rejected] of scripts) expect(rejected, file).toBe(false);
      return scripts.map(([f]) => f);
    };
    // The first run parses the roadmap (the parser's own pack); everyday runs after it read one file each.
    expect(loads(['list'])).toEqual(['start/list.pack.cjs', expect.stringMatching(/^dist\/parse-\w+\.pack\.cjs$/)]);
    expect(loads(['next'])).toEqual(['start/next.pack.cjs']);
    // A bare `next`, or `done` with topic words only, runs without commander (src/cli.ts), so their packs lack it:
    // with options, commander's own pack.
    expect(loads(['next', '--json'])).toEqual(['start/next.pack.cjs', expect.stringMatching(/^dist\/esm-\w+\.pack\.cjs$/)]);
    expect(loads(['list', '-s', '1'])).toEqual(['start/list.pack.cjs', expect.stringMatching(/^dist\/esm-\w+\.pack\.cjs$/)]);
    expect(loads(['done', '1.1'])).toEqual(['start/done.pack.cjs']);
    expect(loads(['reset', '1.1'])).toEqual(['start/reset.pack.cjs']);
    expect(loads(['-r', 'go-backend', 'done', '1.1'])).toEqual(['start/done.pack.cjs', expect.stringMatching(/^dist\/esm-\w+\.pack\.cjs$/)]);
    expect(loads(['__complete', '--', 'done', '1.'])).toEqual(['start/__complete.pack.cjs']);
    // A command without a start-up pack: the start-up pack of the program, then the command's own.
    expect(loads(['show', '1.1'])).toEqual(expect.arrayContaining(['dist/cli.pack.cjs', expect.stringMatching(/^dist\/show-\w+\.pack\.cjs$/)]));
  });

  it('V8 code caches that do not fit (damaged, or from another Node) are ignored', async () => {
    const { bin, dist } = installedCopy();
    const caches = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.v8cache'));
    expect(caches.filter((f) => f.startsWith(`start${sep}`)).length).toBeGreaterThan(0);
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
    for (const f of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.cjs'))) {
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

  it('keeps turning while the main thread is held, as by a long first parse (it is drawn by a worker thread)', async () => {
    const release = join(home, 'release');
    // The bin holds its main thread once the spinner shows, until the release file exists.
    pty = new PtySession(['next', '--roadmap', big], { home, env: { ROADMAP_TEST_HOLD_SPINNER: release } });
    // ora's dots: a spinner drawn by the held thread would show one frozen frame, never four different ones.
    const dots = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/gu;
    await pty.waitFor((screen) => new Set(screen.match(dots)).size >= 4);
    writeFileSync(release, '');
    expect((await pty.exited).exitCode).toBe(0);
    expect(pty.text).toContain('id: ');
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
