import { readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { progressOf, useGridRoadmap } from '../helpers/roadmaps.js';
import { startBin } from '../helpers/start-bin.js';

const fx = useGridRoadmap(2, 10);
const { home } = fx;
/** Records in the large store: about 10 MB, enough for a kill to land in the middle of its write. */
const RECORDS = 100_000;

interface Stored {
  roadmaps: Array<{ id: string; topics: Array<{ id: string }> }>;
}

const progressFile = (): string => join(home.dir, 'progress.json');
const readStored = (): Stored => JSON.parse(readFileSync(progressFile(), 'utf8')) as Stored;
/** Lock, breaker and temp files anywhere under the home (the parse cache writes through temp files too). */
const leftovers = (): string[] => readdirSync(home.dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(lock|break|tmp)$|\.tmp-/.test(name));

async function listDone(): Promise<number> {
  const list = await spawnBin(['list', '--json', '--roadmap', fx.roadmap], { home: home.dir });
  expect(list.code, list.stderr).toBe(0);
  expect(list.stderr).not.toContain('damaged');
  return progressOf(list.stdout).done;
}

describe('a process killed while it writes progress', () => {
  it('killed with the lock held, before writing: the old state is kept and the next run cleans up', async () => {
    expect((await spawnBin(['done', '--roadmap', fx.roadmap, '1.1'], { home: home.dir })).code).toBe(0);
    const writer = startBin(['done', '--roadmap', fx.roadmap, '1.2'], { home: home.dir, env: { ROADMAP_TEST_PAUSE_IN_WRITE: 'locked' } });
    await writer.stderrIncludes('test pause (locked)');
    writer.child.kill('SIGKILL');
    expect((await writer.done).signal).toBe('SIGKILL');
    expect(await listDone()).toBe(1);
    expect((await spawnBin(['done', '--roadmap', fx.roadmap, '1.3'], { home: home.dir })).code).toBe(0);
    expect(await listDone()).toBe(2);
    expect(leftovers()).toEqual([]);
  });

  it('killed after the new file is in place, before unlocking: the new state is kept', async () => {
    const writer = startBin(['done', '--roadmap', fx.roadmap, '1.2'], { home: home.dir, env: { ROADMAP_TEST_PAUSE_IN_WRITE: 'written' } });
    await writer.stderrIncludes('test pause (written)');
    writer.child.kill('SIGKILL');
    await writer.done;
    expect(leftovers()).toEqual(['progress.json.lock']);
    expect(await listDone()).toBe(1);
    expect((await spawnBin(['done', '--roadmap', fx.roadmap, '2.1'], { home: home.dir })).code).toBe(0);
    expect(await listDone()).toBe(2);
    expect(leftovers()).toEqual([]);
  });

  it('killed by SIGKILL in the middle of writing a large file: the store stays readable, old or new', async () => {
    // A 100,000-record store (10 MB) from another roadmap makes the write take long enough to be cut in the middle.
    const topics = Array.from({ length: RECORDS }, (_, i) => ({ id: `other/topic-${i}`, status: 'done', updatedAt: '2025-01-01T00:00:00.000Z' }));
    writeFileSync(progressFile(), JSON.stringify({ schemaVersion: 2, roadmaps: [{ id: 'other', topics, notes: [], events: [] }] }, null, '\t'));
    const fullSize = statSync(progressFile()).size;
    let cutInTheMiddle = 0;
    for (let round = 1; round <= 6 && cutInTheMiddle === 0; round++) {
      const before = new Set(readdirSync(home.dir));
      const writer = startBin(['done', '--roadmap', fx.roadmap, `1.${round}`], { home: home.dir });
      let tempSize = -1;
      const watcher = watch(home.dir, (_event, name) => {
        if (tempSize >= 0 || !name?.includes('.tmp-') || before.has(name)) return;
        // Kill as soon as the temp file holds some bytes but not all of them.
        for (let i = 0; i < 1_000_000 && tempSize <= 0; i++) tempSize = statSync(join(home.dir, name), { throwIfNoEntry: false })?.size ?? 0;
        writer.child.kill('SIGKILL');
      });
      const result = await writer.done;
      watcher.close();
      const temp = readdirSync(home.dir).find((name) => name.includes('.tmp-') && !before.has(name));
      if (result.signal === 'SIGKILL' && temp !== undefined && statSync(join(home.dir, temp)).size < fullSize) cutInTheMiddle++;
      // Whatever the moment of the kill, the file is complete JSON: the other fx.roadmap is intact, this one old or new.
      const stored = readStored();
      expect(stored.roadmaps.find((r) => r.id === 'other')?.topics).toHaveLength(RECORDS);
      const done = await listDone();
      expect([round - 1, round]).toContain(done);
      if (done === round - 1) expect((await spawnBin(['done', '--roadmap', fx.roadmap, `1.${round}`], { home: home.dir })).code).toBe(0);
    }
    expect(cutInTheMiddle).toBeGreaterThan(0);
    expect(leftovers()).toEqual([]);
  }, 120_000);
});
