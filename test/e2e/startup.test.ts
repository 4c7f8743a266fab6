import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../scripts/bench-roadmap.mjs';
import { randomId } from '../../src/app/session.js';
import { BIN, ROOT, spawnBin } from '../helpers/bin.js';
import { run } from '../helpers/io.js';
import { tempDirs } from '../helpers/temp-dirs.js';

// What the start-up work of issue 19 changed, seen from outside: a run loads only the command it names, the program's
// help comes pre-rendered from the build, output goes straight to the file descriptors.
const temp = tempDirs('roadmap-startup-');

describe('the program help', () => {
  it('the help the build rendered (dist/help.txt) is the help commander renders from the sources', async () => {
    const live = await run(['--help'], { home: temp() });
    expect(live.code).toBe(0);
    expect(live.stdout).toContain('Commands:');
    expect(readFileSync(join(ROOT, 'dist', 'help.txt'), 'utf8')).toBe(live.stdout);
    for (const args of [[], ['--help'], ['-h'], ['help']]) {
      const built = await spawnBin(args, { home: temp() });
      expect(built.code, `${args.join(' ')}: ${built.stderr}`).toBe(0);
      expect(built.stdout, args.join(' ')).toBe(live.stdout);
    }
  });

  it('lists every command with its summary, and each command still has its own help', async () => {
    const home = temp();
    const help = (await spawnBin(['--help'], { home })).stdout;
    for (const name of ['list|ls', 'next', 'done', 'start', 'skip', 'reset', 'undo', 'redo', 'show', 'note', 'log', 'stats', 'report', 'info', 'export', 'import', 'sync', 'doctor', 'validate', 'walk', 'completion', 'add', 'roadmaps', 'use', 'update', 'remove']) {
      expect(help).toMatch(new RegExp(`^  ${name.replace('|', '\\|')}\\b`, 'm'));
    }
    expect(help).not.toContain('__complete');
    const done = await spawnBin(['help', 'done'], { home });
    expect(done.stdout).toMatch(/^Usage: roadmap done \[options\] \[topics\.\.\.\]/);
    expect(done.stdout).toContain('--yes');
    expect((await spawnBin(['done', '--help'], { home })).stdout).toBe(done.stdout);
    expect((await spawnBin(['--roadmap', 'x.md', 'help', 'done'], { home })).stdout).toBe(done.stdout);
  });
});

describe('a run loads only the command it names', () => {
  it('finds the command after global options and their values, and by its alias', async () => {
    const home = temp();
    const file = join(home, 'mine.md');
    writeFileSync(file, '# Mine\n\n## One\n\n- First topic\n- Second topic\n');
    const r = await spawnBin(['--roadmap', file, '--no-color', 'next'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^1\.1 {2}First topic/);
    const ls = await spawnBin(['-r', file, 'ls'], { home });
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout).toContain('Second topic');
  });

  it('a mistyped command is still told apart from the others, with a suggestion and exit code 2', async () => {
    const r = await spawnBin(['nxet'], { home: temp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'nxet'");
    expect(r.stderr).toContain('(Did you mean next?)');
  });

  it('a bad flag of the named command is a usage error (2), naming the flag', async () => {
    const r = await spawnBin(['next', '--bogus'], { home: temp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });
});

describe('output straight to the file descriptors', () => {
  it('a reader that stops reading for a while still gets all of a big output, in order', async () => {
    const home = temp();
    const file = join(home, 'big.md');
    writeFileSync(file, generateRoadmap(400_000, 3));
    const whole = await spawnBin(['list', '--json', '--roadmap', file], { home });
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout.length).toBeGreaterThan(1_000_000);
    // The pipe fills (64 KB) while nobody reads; the writer must wait, not drop or reorder anything.
    const child = spawn(process.execPath, [BIN, 'list', '--json', '--roadmap', file], { env: { PATH: process.env.PATH, HOME: home, ROADMAP_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toBe(whole.stdout);
  });

  it('a reader that goes away early ends the output quietly, and the change is still saved', async () => {
    const home = temp();
    const child = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" done 1.1 --json | head -c 10 >/dev/null; "${process.execPath}" "${BIN}" list --json | head -c 5`], {
      env: { PATH: process.env.PATH, HOME: home, ROADMAP_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    await new Promise((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    const list = await spawnBin(['next', '--json'], { home });
    expect((JSON.parse(list.stdout) as Array<{ number: string }>)[0]?.number).toBe('1.2');
  });
});

describe('event ids', () => {
  it('are random version 4 UUIDs, never the same twice', () => {
    const ids = Array.from({ length: 2000 }, () => randomId());
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
