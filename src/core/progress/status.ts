import type { Roadmap, Section, Status, Topic } from '../types.js';
import { countsUnread, sectionPosition, type TopicEntry } from '../tree.js';

/** What the store knows: a status per topic id. Missing ids are pending. */
export type StatusMap = ReadonlyMap<string, Status>;

/**
 * THE COUNTING RULE, used by list, info, next, stats and export alike.
 *
 * - What counts is the topics you study: topics without subtopics ("leaves"). A topic with subtopics is a heading
 *   for them; it adds nothing to the count itself, so finishing a parent's three subtopics is 3 done, not 4.
 * - A parent's status is derived from its subtopics: done when all are done or skipped (at least one done),
 *   skipped when all are skipped, in progress when any is done or in progress (or when you `start`ed the parent
 *   itself), else pending. A status stored on the parent itself is not trusted over its subtopics, so a subtopic
 *   added to the file later reopens a finished parent instead of being silently ticked.
 * - Skipped topics leave the total: percent = done / (leaves - skipped). When every leaf is skipped or done the
 *   roadmap is complete (100%); 100 is shown only when nothing is left, never rounded up from 99.5.
 */
export interface Progress {
  done: number;
  skipped: number;
  inProgress: number;
  pending: number;
  /** Topics that count towards the percentage: leaves less the skipped ones. */
  total: number;
  percent: number;
}

/** The status a topic shows; see THE COUNTING RULE above. */
export function effectiveStatus(topic: Topic, statuses: StatusMap): Status {
  const own = statuses.get(topic.id) ?? 'pending';
  if (topic.children.length === 0) return own;
  return parentStatus(own, topic.children, (c) => effectiveStatus(c, statuses));
}

/**
 * The status of a parent that has `own` stored, from its subtopics' (`statusOf` each); see THE COUNTING RULE above.
 * One pass, with no array of their statuses: `topicJson` asks it of every parent, each subtopic already made.
 */
export function parentStatus<T>(own: Status, kids: readonly T[], statusOf: (kid: T) => Status): Status {
  let finished = true;
  let done = false;
  let active = false;
  for (let i = 0; i < kids.length; i++) {
    const s = statusOf(kids[i] as T);
    if (s === 'done') done = true;
    else if (s === 'in-progress') active = true;
    else if (s !== 'skipped') finished = false;
  }
  // Every subtopic done or skipped: done if any is done, else skipped.
  if (finished && !active) return done ? 'done' : 'skipped';
  if (done || active) return 'in-progress';
  return own === 'in-progress' ? 'in-progress' : 'pending';
}

/** Progress over a set of topic trees: leaves only, skipped ones out of the total. */
export function progressOf(topics: readonly Topic[], statuses: StatusMap): Progress {
  const p: Progress = { done: 0, skipped: 0, inProgress: 0, pending: 0, total: 0, percent: 0 };
  const visit = (t: Topic): void => {
    if (t.children.length > 0) {
      t.children.forEach(visit);
      return;
    }
    const s = statuses.get(t.id) ?? 'pending';
    if (s === 'skipped') p.skipped++;
    else if (s === 'done') p.done++;
    else if (s === 'in-progress') p.inProgress++;
    else p.pending++;
  };
  topics.forEach(visit);
  return withTotal(p);
}

/** Sets the total (skipped leaves out) and the percent of `p` from its counts; everything skipped is complete. */
function withTotal(p: Progress): Progress {
  p.total = p.done + p.inProgress + p.pending;
  p.percent = p.total === 0 ? (p.skipped > 0 ? 100 : 0) : percentOf(p.done, p.total);
  return p;
}

export function sectionProgress(section: Section, statuses: StatusMap): Progress {
  return progressOf(section.topics, statuses);
}

/**
 * Progress over the whole roadmap: the sum of its sections'. A section whose topics are not read yet (a cached one,
 * see tree.ts) and that no stored status names is all pending, and is counted without reading it: `done` on a big
 * roadmap reads the section it changes, not every one.
 */
export function roadmapProgress(roadmap: Roadmap, statuses: StatusMap): Progress {
  return sumProgress(progressBySection(roadmap, statuses));
}

/** Each section's progress, in order; a section counted as roadmapProgress counts it (unread when it can be). */
export function progressBySection(roadmap: Roadmap, statuses: StatusMap): Progress[] {
  const named = sectionsNamed(statuses);
  return roadmap.sections.map((section) => {
    const leaves = unread(section, named);
    if (leaves === undefined) return sectionProgress(section, statuses);
    return withTotal({ done: 0, skipped: 0, inProgress: 0, pending: leaves, total: 0, percent: 0 });
  });
}

/**
 * The ids of the sections the stored statuses name (only those of status `only`, when given): a topic's id is its
 * section's id, "/", and more.
 */
function sectionsNamed(statuses: StatusMap, only?: Status): Set<string> {
  const named = new Set<string>();
  for (const [id, status] of statuses) {
    if (only !== undefined && status !== only) continue;
    const slash = id.indexOf('/');
    if (slash > 0) named.add(id.slice(0, slash));
  }
  return named;
}

/**
 * The leaf count of a section not read yet that `named` does not hold, known without reading it (tree.ts,
 * countsUnread); undefined for any other section. The count is kept only for sections whose topic ids all start with
 * the section's id, so no status outside `named` can be one of its topics'.
 */
function unread(section: Section, named: ReadonlySet<string>): number | undefined {
  const counts = countsUnread(section);
  return counts === undefined || named.has(section.id) ? undefined : counts.leaves;
}

/** The progress of several sections together, from theirs: what progressOf over all their topics gives, without the walk. */
export function sumProgress(parts: readonly Progress[]): Progress {
  const p: Progress = { done: 0, skipped: 0, inProgress: 0, pending: 0, total: 0, percent: 0 };
  for (const part of parts) {
    p.done += part.done;
    p.skipped += part.skipped;
    p.inProgress += part.inProgress;
    p.pending += part.pending;
  }
  return withTotal(p);
}

/** Why `next` offered a topic. */
export type NextReason = 'in-progress' | 'started-parent' | 'first-pending';

export interface NextPick extends TopicEntry {
  reason: NextReason;
}

/**
 * What to study now, leaves only (the topics that count): first the ones you started, then the first pending
 * subtopics of parents you started, then the first pending topics in document order. No topic is offered twice.
 */
export function nextTopics(roadmap: Roadmap, statuses: StatusMap, count: number): NextPick[] {
  const picks: NextPick[] = [];
  const taken = new Set<string>();
  const status = (id: string): Status => statuses.get(id) ?? 'pending';
  // Each pass walks the leaves in document order and stops once enough are picked. It makes no entry per topic, only
  // per pick: `next` runs on every roadmap, and a big one has tens of thousands of topics.
  // `within`: the sections that can hold a pick; one not read yet (from the parse cache) that it does not hold is
  // passed over unread.
  const pass = (reason: NextReason, wanted: (leaf: Topic, ancestors: readonly Topic[]) => boolean, within?: ReadonlySet<string>): void => {
    const ancestors: Topic[] = [];
    const visit = (topics: readonly Topic[], section: Section): boolean => {
      for (const topic of topics) {
        if (picks.length >= count) return false;
        if (topic.children.length > 0) {
          ancestors.push(topic);
          const more = visit(topic.children, section);
          ancestors.pop();
          if (!more) return false;
        } else if (!taken.has(topic.id) && wanted(topic, ancestors)) {
          taken.add(topic.id);
          picks.push({ topic, section, ancestors: [...ancestors], reason });
        }
      }
      return true;
    };
    for (const section of roadmap.sections) {
      if (within && unread(section, within) !== undefined) continue;
      if (!visit(section.topics, section)) return;
    }
  };
  // The first two passes can only pick something when a topic is in progress (most runs skip them), and only in a
  // section an in-progress status names.
  if ([...statuses.values()].includes('in-progress')) {
    const started = sectionsNamed(statuses, 'in-progress');
    pass('in-progress', (t) => status(t.id) === 'in-progress', started);
    pass('started-parent', (t, ancestors) => status(t.id) === 'pending' && ancestors.some((a) => status(a.id) === 'in-progress'), started);
  }
  pass('first-pending', (t) => status(t.id) === 'pending');
  return picks;
}

/** A sentence for each reason, for people and for `next --json`. */
export const NEXT_REASON_TEXT: Record<NextReason, string> = {
  'in-progress': 'you started it and have not finished it',
  'started-parent': 'the first pending subtopic of a topic you started',
  'first-pending': 'the first pending topic in roadmap order',
};

/** Rounded percentage that only reads 100 when everything is done. */
export function percentOf(done: number, total: number): number {
  if (total === 0) return 0;
  const rounded = Math.round((done / total) * 100);
  return done < total ? Math.min(rounded, 99) : 100;
}

/** "topic 2 of 5": its place among the topics of its section that count, as list shows them (see countLeaves). */
export function positionOf(entry: Pick<TopicEntry, 'topic' | 'section'>): { index: number; of: number } {
  return sectionPosition(entry.section, entry.topic);
}

/** True when `next` found nothing because everything is done or skipped (not because the roadmap has no topics). */
export function isFinished(roadmap: Roadmap, statuses: StatusMap, picks: readonly NextPick[]): boolean {
  const p = roadmapProgress(roadmap, statuses);
  return picks.length === 0 && p.total + p.skipped > 0;
}
