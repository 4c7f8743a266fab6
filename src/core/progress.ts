import type { Roadmap, Section, Status, Topic } from './types.js';
import { allTopics, type TopicEntry } from './walk.js';

/** What the store knows: a status per topic id. Missing ids are pending. */
export type StatusMap = ReadonlyMap<string, Status>;

export interface Progress {
  done: number;
  skipped: number;
  inProgress: number;
  /** Topics that count towards the percentage: every topic at every depth, less the skipped ones. */
  total: number;
  percent: number;
}

/**
 * The status a topic shows. A parent with children is done once every child is done or skipped (and at least
 * one is done); its own stored status counts when set.
 */
export function effectiveStatus(topic: Topic, statuses: StatusMap): Status {
  const own = statuses.get(topic.id);
  if (own && own !== 'pending') return own;
  if (topic.children.length === 0) return 'pending';
  const kids = topic.children.map((c) => effectiveStatus(c, statuses));
  if (kids.every((s) => s === 'done' || s === 'skipped')) return kids.includes('done') ? 'done' : 'skipped';
  return kids.some((s) => s !== 'pending') ? 'in-progress' : 'pending';
}

/** Progress over a set of topics (every depth); skipped topics leave the total. */
export function progressOf(topics: readonly Topic[], statuses: StatusMap): Progress {
  const p = { done: 0, skipped: 0, inProgress: 0, total: 0, percent: 0 };
  const visit = (t: Topic): void => {
    const s = effectiveStatus(t, statuses);
    if (s === 'skipped') p.skipped++;
    else {
      p.total++;
      if (s === 'done') p.done++;
      if (s === 'in-progress') p.inProgress++;
    }
    t.children.forEach(visit);
  };
  topics.forEach(visit);
  p.percent = percentOf(p.done, p.total);
  return p;
}

export function sectionProgress(section: Section, statuses: StatusMap): Progress {
  return progressOf(section.topics, statuses);
}

export function roadmapProgress(roadmap: Roadmap, statuses: StatusMap): Progress {
  return progressOf(roadmap.sections.flatMap((s) => s.topics), statuses);
}

export interface NextPick extends TopicEntry {
  reason: 'in-progress' | 'first-pending';
}

/**
 * What to study now: topics in progress first, then the first pending topics in document order. Only topics a
 * learner can study directly are offered: leaves, or parents whose own box is the thing to tick.
 */
export function nextTopics(roadmap: Roadmap, statuses: StatusMap, count: number): NextPick[] {
  const entries = allTopics(roadmap).filter((e) => e.topic.children.length === 0);
  const blocked = (e: TopicEntry): boolean =>
    e.ancestors.some((a) => {
      const s = statuses.get(a.id);
      return s === 'done' || s === 'skipped';
    });
  const picks: NextPick[] = [];
  for (const e of entries) {
    if (picks.length >= count) break;
    if (statuses.get(e.topic.id) === 'in-progress' && !blocked(e)) picks.push({ ...e, reason: 'in-progress' });
  }
  for (const e of entries) {
    if (picks.length >= count) break;
    const s = statuses.get(e.topic.id) ?? 'pending';
    if (s === 'pending' && !blocked(e)) picks.push({ ...e, reason: 'first-pending' });
  }
  return picks;
}

/** Rounded percentage that only reads 100 when everything is done. */
export function percentOf(done: number, total: number): number {
  if (total === 0) return 0;
  const rounded = Math.round((done / total) * 100);
  return done < total ? Math.min(rounded, 99) : 100;
}
