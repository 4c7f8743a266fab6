import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnBin, type SpawnResult } from '../helpers/bin.js';
import { tempDirs } from '../helpers/temp-dirs.js';

/**
 * `roadmap next` and `roadmap list` alone on the command line, and `done`, `start`, `skip` and `reset` with topic words
 * and no option, run without commander (cli.ts, BareRun). Adding the
 * global `--debug`, which adds only a stack trace after an error's message, sends the same run through commander:
 * both must print the same bytes (the trace aside) and exit with the same code, in every state a learner meets.
 */

const temp = tempDirs('roadmap-bare-run-');

async function both(word: string, home: string, env: NodeJS.ProcessEnv = {}): Promise<[SpawnResult, SpawnResult]> {
  const bare = await spawnBin([word], { home, env });
  const parsed = await spawnBin([word, '--debug'], { home, env });
  // The trace --debug adds after the message and hint: its first line names the error, the others start with "at".
  const trace = /^\w*Error\b.*\n(?:\s+at .*\n)+/m;
  if (parsed.code !== 0) {
    expect(parsed.stderr).toMatch(trace);
    parsed.stderr = parsed.stderr.replace(trace, '');
  }
  return [bare, parsed];
}

async function expectSame(home: string, env: NodeJS.ProcessEnv = {}): Promise<SpawnResult[]> {
  const seen: SpawnResult[] = [];
  for (const word of ['next', 'list', 'ls']) {
    const [bare, parsed] = await both(word, home, env);
    expect({ word, ...bare }).toEqual({ word, ...parsed });
    seen.push(bare);
  }
  return seen;
}

describe('a bare `next` or `list` prints what the same run through commander prints', () => {
  it('on the bundled roadmap, before and after progress', async () => {
    const home = temp();
    const [next, list] = await expectSame(home);
    expect(next?.code).toBe(0);
    expect(next?.stdout).toMatch(/^1\.1 {2}\S/);
    expect(list?.stdout).toContain('0/53 done');
    for (const args of [['done', '1.1', '1.2'], ['start', '2.1'], ['skip', '1.3']]) expect((await spawnBin(args, { home })).code).toBe(0);
    const [after, listAfter] = await expectSame(home);
    expect(after?.stdout).toMatch(/^2\.1 {2}\S/);
    expect(listAfter?.stdout).toContain('[x] 1.1');
  });

  it('with colour forced on, and off', async () => {
    const home = temp();
    const [forced] = await expectSame(home, { FORCE_COLOR: '1' });
    expect(forced?.stdout).toContain('\u001b[');
    const [plain] = await expectSame(home, { FORCE_COLOR: '0' });
    expect(plain?.stdout).not.toContain('\u001b[');
  });

  it('on a finished roadmap and on one with no topics (ROADMAP names the file)', async () => {
    const home = temp();
    const small = join(home, 'small.md');
    writeFileSync(small, '# Small\n\n## Basics\n\n- One\n- Two\n');
    expect((await spawnBin(['done', '1.1', '1.2', '--roadmap', small], { home })).code).toBe(0);
    const [finished] = await expectSame(home, { ROADMAP: small });
    expect(finished?.stdout).toBe('Everything on this roadmap is done. Well done!\n');
    const empty = join(home, 'empty.md');
    writeFileSync(empty, '# Nothing here\n\nJust a paragraph.\n');
    const [none] = await expectSame(home, { ROADMAP: empty });
    expect(none?.code).not.toBe(0);
    expect(none?.stderr).toMatch(/^error: /);
  });

  it('when the roadmap is missing: the same message and exit code', async () => {
    const home = temp();
    const [missing] = await expectSame(home, { ROADMAP: join(home, 'nowhere.md') });
    expect(missing?.code).toBe(1);
    expect(missing?.stderr).toContain('nowhere.md');
  });

  it('when the progress file is damaged: the same warning, and the file moved aside in both', async () => {
    const home = temp();
    expect((await spawnBin(['done', '1.1'], { home })).code).toBe(0);
    const file = (JSON.parse((await spawnBin(['info', '--json'], { home })).stdout) as { store: { path: string } }).store.path;
    const stamp = (r: SpawnResult): SpawnResult => ({ ...r, stderr: r.stderr.replace(/damaged-[\dT:.Z-]+\.json/g, 'damaged-….json') });
    writeFileSync(file, '{"progress": ');
    const bare = stamp(await spawnBin(['next'], { home }));
    writeFileSync(file, '{"progress": ');
    const parsed = stamp(await spawnBin(['next', '--debug'], { home }));
    expect(bare).toEqual(parsed);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toContain('is damaged');
    expect(readdirSync(home).filter((f) => f.startsWith('progress.damaged-'))).toHaveLength(2);
  });

  it('done, start, skip and reset with topic words: the same output, exit code and progress file as through commander', async () => {
    const base = temp();
    expect((await spawnBin(['done', '1.1'], { home: base })).code).toBe(0);
    // Two homes holding the same progress; each run goes bare in one and through commander in the other.
    const bareHome = temp();
    const parsedHome = temp();
    cpSync(base, bareHome, { recursive: true });
    cpSync(base, parsedHome, { recursive: true });
    // History entries carry a random id and the time: the one part of the outputs and files that differs.
    const stable = (text: string): string => text.replace(/"(at|id|since|updatedAt|lastActivity)": "[^"]*"/g, '"$1": "…"').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '…');
    const runs = [['done', '1.2', '2.1'], ['start', '3.1'], ['skip', 'gorm'], ['reset', '1.1'], ['done', 'no-such-topic'], ['done', '2.1'], ['done', '2'], ['done']];
    for (const args of runs) {
      const bare = await spawnBin(args, { home: bareHome });
      const parsed = await spawnBin([...args, '--debug'], { home: parsedHome });
      if (parsed.code !== 0) parsed.stderr = parsed.stderr.replace(/^\w*Error\b.*\n(?:\s+at .*\n)+/m, '');
      expect({ args, code: bare.code, stdout: stable(bare.stdout), stderr: stable(bare.stderr) }).toEqual({ args, code: parsed.code, stdout: stable(parsed.stdout), stderr: stable(parsed.stderr) });
    }
    const list = async (home: string): Promise<string> => (await spawnBin(['list', '--json', 'id,status'], { home })).stdout;
    expect(await list(bareHome)).toBe(await list(parsedHome));
    expect(await list(bareHome)).toContain('"status": "skipped"');
  });
});
