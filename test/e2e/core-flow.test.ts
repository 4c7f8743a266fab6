import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, spawnBin } from '../helpers/bin.js';
import { writeGridRoadmap } from '../helpers/roadmaps.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { itWithSharedData, SEED_FILE } from '../helpers/shared-data.js';

const temp = tempDirs('roadmap-e2e-');

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('the built bin, as a user runs it', () => {
  it('keeps progress across separate processes: done, then next and list in new processes', async () => {
    const home = temp();
    const done = await spawnBin(['done', '1.1', 'gorm'], { home });
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('2/53 done, 4%');
    const next = await spawnBin(['next', '--json'], { home });
    expect(next.code).toBe(0);
    const picks = JSON.parse(next.stdout) as Array<{ number: string; title: string }>;
    expect(picks[0]).toMatchObject({ number: '1.2', title: 'Explore Web frameworks: Gin, Echo, Fiber' });
    const list = await spawnBin(['list', '--json'], { home });
    const doc = JSON.parse(list.stdout) as { progress: { done: number; total: number; percent: number } };
    expect(doc.progress).toMatchObject({ done: 2, total: 53, percent: 4 });
    const text = await spawnBin(['list'], { home });
    expect(text.stdout).toContain('  [x] 2.2 Working with ORM libraries: GORM (for relational databases)');
    expect(text.stdout).not.toContain('\u001b[');
  });

  it('writes nothing outside ROADMAP_HOME', async () => {
    const home = temp();
    const fakeUserHome = temp();
    const cwd = temp();
    const env = { HOME: fakeUserHome, XDG_CONFIG_HOME: join(fakeUserHome, '.config'), XDG_CACHE_HOME: join(fakeUserHome, '.cache') };
    for (const args of [['done', '1.1'], ['list'], ['next'], ['reset', '1.1'], ['done', '2.1'], ['info'], ['show', '2.1']]) {
      const r = await spawnBin(args, { home, env, cwd });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(filesUnder(fakeUserHome)).toEqual([]);
    expect(filesUnder(cwd)).toEqual([]);
    expect(filesUnder(home)).toContain('progress.json');
  });

  it('without ROADMAP_HOME uses the platform config folder', async () => {
    const userHome = temp();
    const r = await spawnBin(['done', '1.1'], { home: userHome, env: { ROADMAP_HOME: '', XDG_CONFIG_HOME: '' } });
    expect(r.code).toBe(0);
    expect(filesUnder(userHome)).toContain('.config/roadmap/progress.json');
    const info = await spawnBin(['info'], { home: userHome, env: { ROADMAP_HOME: '', XDG_CONFIG_HOME: '' } });
    expect(info.stdout).toContain(`Progress file: ${join(userHome, '.config/roadmap/progress.json')}`);
  });

  itWithSharedData('reads the raw seed: same 10 sections and 53 topics, the repair said on stderr', async () => {
    const home = temp();
    const seed = SEED_FILE;
    const r = await spawnBin(['list', '--json', '--roadmap', seed], { home });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { roadmap: { title: string }; sections: Array<{ title: string; topics: unknown[] }> };
    expect(doc.roadmap.title).toBe('Go Backend Development Roadmap');
    expect(doc.sections).toHaveLength(10);
    expect(doc.sections.reduce((n, s) => n + s.topics.length, 0)).toBe(53);
    expect(r.stderr).toMatch(/warning: .*go-backend-roadmap\.original\.md: repaired text damaged by a wrong encoding/);
    const info = await spawnBin(['info', '--roadmap', seed], { home });
    expect(info.stdout).toContain('here’s a structured roadmap');
  });

  it('keeps progress per roadmap file, and follows the file when it is renumbered', async () => {
    const home = temp();
    const dir = temp();
    const file = join(dir, 'mine.md');
    copyFileSync(join(ROOT, 'roadmap', 'go-backend.md'), file);
    await spawnBin(['done', 'gorm', '--roadmap', file], { home });
    const bundled = JSON.parse((await spawnBin(['list', '--json'], { home })).stdout) as { progress: { done: number } };
    expect(bundled.progress.done).toBe(0);
    const mine = JSON.parse((await spawnBin(['show', 'gorm', '--json', '--roadmap', file], { home })).stdout) as { status: string };
    expect(mine.status).toBe('done');
    // Insert a section before "Database & ORM" and renumber the headings: the topic's number moves, its progress stays.
    const renumbered = readFileSync(file, 'utf8')
      .replace(/## \*\*(\d+)\. /g, (_m, n: string) => `## **${Number(n) + (Number(n) >= 2 ? 1 : 0)}. `)
      .replace('## **3. Database & ORM**', '## **2. Tooling**\n\n- Go modules\n\n## **3. Database & ORM**');
    writeFileSync(file, renumbered);
    const moved = JSON.parse((await spawnBin(['show', 'gorm', '--json', '--roadmap', file], { home })).stdout) as { status: string; number: string };
    expect(moved).toMatchObject({ number: '3.2', status: 'done' });
  });

  it('stops quietly when the reader of its output goes away (roadmap list | head -1)', async () => {
    const home = temp();
    // Far more output than a pipe holds, so the bin is still writing when the reader goes.
    const big = writeGridRoadmap(temp(), 40, 100);
    const child = spawn(process.execPath, [BIN, 'list', '--json', '--roadmap', big], { env: { PATH: process.env.PATH, ROADMAP_HOME: home, HOME: home } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it.each([
    [['--version'], 0, /^\d+\.\d+\.\d+\n$/],
    [['--help'], 0, /Usage: roadmap/],
    [['bogus'], 2, /unknown command 'bogus'/],
    [['list', '--bogus'], 2, /unknown option '--bogus'/],
    [['done', 'database'], 2, /matches 6 topics/],
    [['done', 'no-such-topic'], 1, /no topic matches/],
    [['list', '--roadmap', '/nonexistent/x.md'], 1, /cannot read \/nonexistent\/x\.md: no such file/],
  ])('roadmap %j exits %i', async (args, code, pattern) => {
    const home = temp();
    const r = await spawnBin(args, { home });
    expect(r.code).toBe(code);
    expect(code === 0 ? r.stdout : r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
