import type { TopicRecord } from './history.js';
import { progressBySection, sumProgress, type Progress, type StatusMap } from './status.js';
import type { Roadmap } from '../types.js';
import { entryLookup } from '../tree.js';
import { minOf } from '../append.js';

const DAY = 86_400_000;
export const WEEKS = 12;
/** Pace looks at the last four weeks: recent enough to reflect how you study now, long enough to smooth a week off. */
export const PACE_WINDOW_DAYS = 28;

export interface WeekCount {
  /** First day (Monday) of the week, YYYY-MM-DD. */
  start: string;
  finished: number;
}

export interface Stats {
  progress: Progress;
  sections: Array<{ id: string; number: string; title: string; progress: Progress }>;
  /** Oldest first; the last is the current week. */
  weeks: WeekCount[];
  streak: { current: number; longest: number; lastDay: string | null };
  pace: {
    /** Topics finished per week over the pace window. */
    perWeek: number;
    windowDays: number;
    remaining: number;
    /** The day you finish at this pace, YYYY-MM-DD; null when finished or with no pace yet. */
    projectedFinish: string | null;
  };
}

export interface StatsInput {
  roadmap: Roadmap;
  statuses: StatusMap;
  records: ReadonlyMap<string, TopicRecord>;
  now: Date;
  /** Minutes to add to UTC for the learner's local day (what `-Date#getTimezoneOffset()` gives). */
  utcOffsetMinutes: number;
}

/**
 * Progress and rhythm. A topic counts as finished on the day its current `done` status was set, so an undone or
 * reset topic leaves the chart; only topics that count (leaves, see progress.ts) are charted. Days are local days.
 */
export function computeStats(input: StatsInput): Stats {
  const { roadmap, statuses, records, now, utcOffsetMinutes } = input;
  const offset = utcOffsetMinutes * 60_000;
  const dayOf = (ms: number): number => Math.floor((ms + offset) / DAY);
  const today = dayOf(now.getTime());
  const finishedDays: number[] = [];
  for (const r of doneLeafRecords(roadmap, records)) {
    const t = Date.parse(r.updatedAt);
    if (!Number.isNaN(t)) finishedDays.push(Math.min(dayOf(t), today));
  }
  const bySection = progressBySection(roadmap, statuses);
  const progress = sumProgress(bySection);
  return {
    progress,
    sections: roadmap.sections.map((s, i) => ({ id: s.id, number: s.number, title: s.title, progress: bySection[i] as Progress })),
    weeks: weekly(finishedDays, today),
    streak: streaks(finishedDays, today),
    pace: pace(finishedDays, today, progress.total - progress.done),
  };
}

/**
 * The records that say done, of leaves (topics that count) the roadmap has. Each is found along its id, so only the
 * sections the records are in are read (see tree.ts, entryLookup).
 */
function doneLeafRecords(roadmap: Roadmap, records: ReadonlyMap<string, TopicRecord>): TopicRecord[] {
  const find = entryLookup(roadmap);
  const done: TopicRecord[] = [];
  for (const [id, r] of records) {
    if (r.status !== 'done') continue;
    const topic = find(id)?.topic;
    if (topic && topic.children.length === 0) done.push(r);
  }
  return done;
}

/** Calendar weeks starting on Monday; day 0 (1970-01-01) was a Thursday. */
function weekly(days: readonly number[], today: number): WeekCount[] {
  const thisMonday = today - ((today + 3) % 7);
  const weeks: WeekCount[] = [];
  for (let i = WEEKS - 1; i >= 0; i--) {
    const start = thisMonday - 7 * i;
    weeks.push({ start: isoDay(start), finished: days.filter((d) => d >= start && d < start + 7).length });
  }
  return weeks;
}

/** The current streak is alive until a whole day passes without a finished topic: it may end today or yesterday. */
function streaks(days: readonly number[], today: number): Stats['streak'] {
  const set = new Set(days);
  const sorted = [...set].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let prev = Number.NaN;
  for (const d of sorted) {
    run = d === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = d;
  }
  let current = 0;
  let d = set.has(today) ? today : today - 1;
  while (set.has(d)) {
    current++;
    d--;
  }
  const last = sorted[sorted.length - 1];
  return { current, longest, lastDay: last === undefined ? null : isoDay(last) };
}

/** A learner who began less than four weeks ago is measured over the days since the first finish (a week at least). */
function pace(days: readonly number[], today: number, remaining: number): Stats['pace'] {
  const first = minOf(days);
  const windowDays = days.length === 0 ? PACE_WINDOW_DAYS : Math.max(7, Math.min(PACE_WINDOW_DAYS, today - first + 1));
  const recent = days.filter((d) => d > today - windowDays).length;
  const perWeek = Math.round((recent / windowDays) * 7 * 10) / 10;
  const projectedFinish = remaining > 0 && recent > 0 ? isoDay(today + Math.ceil((remaining / recent) * windowDays)) : null;
  return { perWeek, windowDays, remaining, projectedFinish };
}

export function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
