import { describe, expect, it } from 'vitest';
import type { TopicRecord } from '../../src/core/progress/history.js';
import { computeStats } from '../../src/core/progress/stats.js';
import type { Status } from '../../src/core/types.js';
import { ID, small } from './fixture.js';

// A Wednesday, mid-afternoon UTC.
const NOW = new Date('2025-03-12T15:00:00.000Z');
const day = (offset: number, hour = 12): string => new Date(Date.UTC(2025, 2, 12 + offset, hour)).toISOString();

function stats(done: Array<[string, string]>, extra: Array<[string, Status]> = [], utcOffsetMinutes = 0) {
  const records = new Map<string, TopicRecord>(done.map(([id, at]) => [id, { status: 'done', updatedAt: at }]));
  const statuses = new Map<string, Status>([...done.map(([id]) => [id, 'done'] as [string, Status]), ...extra]);
  return computeStats({ roadmap: small, statuses, records, now: NOW, utcOffsetMinutes });
}

describe('computeStats', () => {
  it('an empty roadmap history: zeros, 12 weeks, no projection', () => {
    const s = stats([]);
    expect(s.weeks).toHaveLength(12);
    expect(s.weeks.at(-1)).toEqual({ start: '2025-03-10', finished: 0 });
    expect(s.weeks[0]!.start).toBe('2024-12-23');
    expect(s.streak).toEqual({ current: 0, longest: 0, lastDay: null });
    expect(s.pace).toEqual({ perWeek: 0, windowDays: 28, remaining: 6, projectedFinish: null });
  });

  it('counts finished topics in their calendar week (Monday first) and leaves parents out', () => {
    const s = stats([[ID.alpha, day(0)], [ID.beta1, day(-2)], [ID.beta2, day(-3)], [ID.gamma, day(-9)]], [[ID.beta, 'done']]);
    // Mar 10-16 holds today (12th) and the 10th; Mar 9 (Sunday) falls in the week before, with Mar 3.
    expect(s.weeks.at(-1)).toEqual({ start: '2025-03-10', finished: 2 });
    expect(s.weeks.at(-2)).toEqual({ start: '2025-03-03', finished: 2 });
    expect(s.progress).toMatchObject({ done: 4, total: 6 });
  });

  it.each<[string, number[], { current: number; longest: number }]>([
    ['today and the two days before', [0, -1, -2], { current: 3, longest: 3 }],
    ['nothing yet today: the streak up to yesterday still stands', [-1, -2], { current: 2, longest: 2 }],
    ['a whole day missed breaks it', [-2, -3, -4], { current: 0, longest: 3 }],
    ['two topics on one day are one day', [0, 0], { current: 1, longest: 1 }],
    ['the longest is kept from the past', [0, -5, -6, -7, -8], { current: 1, longest: 4 }],
  ])('streak: %s', (_case, offsets, expected) => {
    const ids = Object.values(ID).filter((id) => id !== ID.beta);
    expect(stats(offsets.map((o, i) => [ids[i]!, day(o)]))).toMatchObject({ streak: expected });
  });

  it('uses the local day: 23:30 UTC is the next day at UTC+2', () => {
    const late = new Date(Date.UTC(2025, 2, 11, 23, 30)).toISOString();
    expect(stats([[ID.alpha, late]], [], 0).streak.lastDay).toBe('2025-03-11');
    expect(stats([[ID.alpha, late]], [], 120).streak.lastDay).toBe('2025-03-12');
  });

  it('pace over the last 28 days and the finish date it gives', () => {
    // 4 finished in the last 28 days, 2 left: 1 a week, so 2 weeks (14 days) from today.
    const s = stats([[ID.alpha, day(-1)], [ID.beta1, day(-8)], [ID.beta2, day(-15)], [ID.gamma, day(-27)]]);
    expect(s.pace).toEqual({ perWeek: 1, windowDays: 28, remaining: 2, projectedFinish: '2025-03-26' });
  });

  it('a learner who began three days ago is measured over a week, not 28 days', () => {
    const s = stats([[ID.alpha, day(-2)], [ID.beta1, day(-1)]]);
    expect(s.pace.windowDays).toBe(7);
    expect(s.pace.perWeek).toBe(2);
  });

  it('no projection once everything is done', () => {
    const all = Object.values(ID).filter((id) => id !== ID.beta).map((id): [string, string] => [id, day(-1)]);
    expect(stats(all).pace).toMatchObject({ remaining: 0, projectedFinish: null });
  });
});
