import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planStatus, recordEvent } from '../../src/core/progress/history.js';
import { ConfStore } from '../../src/store/conf-store.js';
import { smallRoadmap, type SmallRoadmap } from '../helpers/small-roadmap.js';

let t: SmallRoadmap;
beforeEach(() => {
  t = smallRoadmap();
});
afterEach(() => {
  t.cleanup();
});

// Wednesday 2025-03-12, 15:00 UTC. Finishes are written at noon UTC so any time zone within ±11 h keeps their day.
const NOW = new Date('2025-03-12T15:00:00.000Z');
const noon = (daysAgo: number): string => new Date(Date.UTC(2025, 2, 12 - daysAgo, 12)).toISOString();

/** Writes `done` events with chosen timestamps through the real store, as the CLI would have. */
async function finish(ids: Array<[string, number]>): Promise<void> {
  const store = new ConfStore(t.home);
  const id = JSON.parse((await t.rm(['info', '--json'])).stdout) as { roadmap: { id: string } };
  let n = 0;
  await store.update(id.roadmap.id, (state) => {
    for (const [topic, daysAgo] of ids) recordEvent(state, { id: `e${++n}`, at: noon(daysAgo) }, { action: 'done', changes: planStatus(state, [topic], 'done') });
  });
}

interface StatsJson {
  at: string;
  progress: { done: number; total: number; percent: number };
  sections: Array<{ number: string; progress: { done: number; total: number } }>;
  weeks: Array<{ start: string; finished: number }>;
  streak: { current: number; longest: number; lastDay: string | null };
  pace: { perWeek: number; windowDays: number; remaining: number; projectedFinish: string | null };
}

describe('stats', () => {
  it('JSON: progress per section, 12 weeks, streaks and pace at the injected time', async () => {
    await finish([['basics/alpha', 0], ['basics/beta/beta-one', 1], ['basics/beta/beta-two', 2], ['advanced/delta', 20]]);
    const r = await t.rm(['stats', '--json'], { now: () => NOW });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as StatsJson;
    expect(s.at).toBe(NOW.toISOString());
    expect(s.progress).toMatchObject({ done: 4, total: 6, percent: 67 });
    expect(s.sections.map((x) => [x.number, x.progress.done, x.progress.total])).toEqual([['1', 3, 4], ['2', 1, 2]]);
    expect(s.weeks).toHaveLength(12);
    expect(s.weeks.at(-1)).toEqual({ start: '2025-03-10', finished: 3 });
    expect(s.weeks.reduce((n, w) => n + w.finished, 0)).toBe(4);
    expect(s.streak).toEqual({ current: 3, longest: 3, lastDay: '2025-03-12' });
    // 4 finished over the 21 days since the first: 1.3 a week; 2 left -> 11 days.
    expect(s.pace).toEqual({ perWeek: 1.3, windowDays: 21, remaining: 2, projectedFinish: '2025-03-23' });
  });

  it('text: bars, a chart line per week, streak and finish date', async () => {
    await finish([['basics/alpha', 0], ['basics/gamma', 0], ['advanced/delta', 8]]);
    const r = await t.rm(['stats'], { now: () => NOW });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Test Roadmap');
    expect(lines[1]).toBe('[###############---------------] 3/6 done, 50%');
    expect(r.stdout).toContain('  1. Basics    [########-------]  50%  2/4');
    expect(r.stdout).toContain(`  Mar 10  ${'#'.repeat(30)} 2\n`);
    expect(r.stdout).toContain(`  Mar 03  ${'#'.repeat(15)} 1\n`);
    expect(r.stdout).toContain('  Feb 24  0\n');
    expect(r.stdout).toContain('  Current streak: 1 day');
    expect(r.stdout).toMatch(/Finish: {9}2025-03-\d\d at this pace \(3 topics left\)/);
  });

  it('one topic a week is said in the singular', async () => {
    await finish([['basics/alpha', 0]]);
    const r = await t.rm(['stats'], { now: () => NOW });
    expect(r.stdout).toContain('  Pace:           1 topic a week (over the last 7 days)\n');
  });

  it('with nothing finished: no pace yet, said plainly', async () => {
    const r = await t.rm(['stats'], { now: () => NOW });
    expect(r.stdout).toContain('no pace yet: finish a topic to see a date (6 topics left)');
    expect(r.stdout).toContain('Current streak: 0 days');
  });

  it('an undone finish leaves the chart', async () => {
    await t.rm(['done', '1.1'], { now: () => NOW });
    await t.rm(['undo'], { now: () => NOW });
    const s = JSON.parse((await t.rm(['stats', '--json'], { now: () => NOW })).stdout) as StatsJson;
    expect(s.weeks.at(-1)?.finished).toBe(0);
    expect(s.streak.current).toBe(0);
  });
});
