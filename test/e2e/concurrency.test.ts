import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { progressOf, useGridRoadmap } from '../helpers/roadmaps.js';
import { startBin } from '../helpers/start-bin.js';

const fx = useGridRoadmap(5, 50);
const { home } = fx;

/** Topic number of the n-th topic (0-based) of the 5 x 50 grid. */
const numberOf = (n: number): string => `${Math.floor(n / 50) + 1}.${(n % 50) + 1}`;
/** Lock, breaker and temp files anywhere under the home (the parse cache writes through temp files too). */
const leftovers = (): string[] => readdirSync(home.dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(lock|break|tmp)$|\.tmp-/.test(name));

async function doneCount(): Promise<number> {
  const list = await spawnBin(['list', '--json', '--roadmap', fx.roadmap], { home: home.dir });
  expect(list.code, list.stderr).toBe(0);
  return progressOf(list.stdout).done;
}

describe('concurrent use of the progress file', () => {
  it('20 processes each marking 10 different topics at the same time record all 200', async () => {
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, worker) =>
        spawnBin(['done', '--roadmap', fx.roadmap, ...Array.from({ length: 10 }, (_, k) => numberOf(worker * 10 + k))], { home: home.dir, timeoutMs: 60_000 }),
      ),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(await doneCount()).toBe(200);
    const stored = JSON.parse(readFileSync(join(home.dir, 'progress.json'), 'utf8')) as { roadmaps: Array<{ topics: unknown[] }> };
    expect(stored.roadmaps.map((r) => r.topics.length)).toEqual([200]);
    expect(leftovers()).toEqual([]);
  }, 90_000);

  it('waits for a live writer, and goes on as soon as that writer is killed with its lock held', async () => {
    const holder = startBin(['done', '--roadmap', fx.roadmap, '1.1'], { home: home.dir, env: { ROADMAP_TEST_PAUSE_IN_WRITE: 'locked' } });
    await holder.stderrIncludes('test pause (locked)');
    const waiter = startBin(['done', '--roadmap', fx.roadmap, '1.2'], { home: home.dir });
    await waiter.stderrIncludes(`Waiting for process ${String(holder.child.pid)}`);
    // A lock dated an hour ahead is never old enough to break: only seeing its process dead lets the waiter on.
    const anHourAhead = new Date(Date.now() + 3_600_000);
    utimesSync(join(home.dir, 'progress.json.lock'), anHourAhead, anHourAhead);
    holder.child.kill('SIGKILL');
    const result = await waiter.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Marked done: 1.2');
    expect(await doneCount()).toBe(1);
    expect(leftovers()).toEqual([]);
  });

  it('Ctrl+C while waiting for the lock stops the command at once, leaving the holder alone', async () => {
    const holder = startBin(['done', '--roadmap', fx.roadmap, '1.1'], { home: home.dir, env: { ROADMAP_TEST_PAUSE_IN_WRITE: 'locked' } });
    await holder.stderrIncludes('test pause (locked)');
    const waiter = startBin(['done', '--roadmap', fx.roadmap, '1.2'], { home: home.dir });
    await waiter.stderrIncludes('Waiting for process');
    waiter.child.kill('SIGINT');
    const result = await waiter.done;
    // Stopped by the interrupt itself, not by giving up on the lock after its 30 s wait.
    expect(result.signal).toBe('SIGINT');
    expect(result.stderr).not.toContain('stayed locked');
    expect(leftovers()).toEqual(['progress.json.lock']);
    holder.child.kill('SIGKILL');
    await holder.done;
  });

  it('breaks a lock left by a killed process at once', async () => {
    const holder = startBin(['done', '--roadmap', fx.roadmap, '1.1'], { home: home.dir, env: { ROADMAP_TEST_PAUSE_IN_WRITE: 'locked' } });
    await holder.stderrIncludes('test pause (locked)');
    holder.child.kill('SIGKILL');
    await holder.done;
    expect(leftovers()).toEqual(['progress.json.lock']);
    const next = await spawnBin(['done', '--roadmap', fx.roadmap, '1.2'], { home: home.dir });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('Waiting');
    expect(leftovers()).toEqual([]);
  });

  it('breaks a lock older than 15 s even when its pid is alive (a reused pid)', async () => {
    const lock = join(home.dir, 'progress.json.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 'old', at: '2020-01-01T00:00:00Z' }));
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);
    const next = await spawnBin(['done', '--roadmap', fx.roadmap, '2.1'], { home: home.dir });
    expect(next.code, next.stderr).toBe(0);
    expect(await doneCount()).toBe(1);
    expect(leftovers()).toEqual([]);
  });
});
