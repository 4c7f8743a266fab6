import { allTopics, subtree, type TopicEntry } from '../tree.js';
import type { Roadmap, Section, Status, Topic } from '../types.js';
import { planStatus, statusOf, type EventAction, type EventInput, type ProgressState } from './history.js';
import { effectiveStatus, type StatusMap } from './status.js';
import { appendAll } from '../append.js';

/** The history action that setting each status records. */
export const STATUS_ACTION: Record<Status, EventAction> = { done: 'done', pending: 'reset', skipped: 'skip', 'in-progress': 'start' };

/** Which ids a status applies to when the user names `topic`. */
const SCOPE: Record<Status, (topic: Topic, state: ProgressState) => string[]> = {
  // Finishing or resetting a parent finishes or resets everything under it.
  done: (t) => subtree(t).map((x) => x.id),
  pending: (t) => subtree(t).map((x) => x.id),
  // Skipping a parent skips what is left under it, never turning finished work into skipped work.
  skipped: (t, state) => [t.id, ...subtree(t).slice(1).filter((x) => state.records.get(x.id)?.status !== 'done').map((x) => x.id)],
  // Starting a parent marks the parent only: `next` then offers its first pending subtopic.
  'in-progress': (t) => [t.id],
};

/** What a status command acts on: a topic, a whole section, or (reset --all) the whole roadmap. */
export type Target = { kind: 'topic'; topic: Topic } | { kind: 'section'; section: Section } | { kind: 'all'; roadmap: Roadmap };

/** Why a topic in a command's scope kept its status. */
export type UnchangedReason = 'already' | 'kept-done' | 'kept-skipped';

/** A few words for each reason, for counts in text ("5 kept done"). */
export const UNCHANGED_LABEL: Record<UnchangedReason, (status: Status) => string> = {
  already: (status) => `already ${status === 'pending' ? 'not started' : status}`,
  'kept-done': () => 'kept done',
  'kept-skipped': () => 'kept skipped',
};

/** A sentence for each reason, for `--json` (`why`). */
export const UNCHANGED_TEXT: Record<UnchangedReason, (status: Status) => string> = {
  already: UNCHANGED_LABEL.already,
  'kept-done': () => 'kept done: skip, and start on a section, leave finished topics as they are',
  'kept-skipped': () => 'kept skipped: start on a section leaves skipped topics as they are',
};

export interface Unchanged {
  topic: string;
  /** The topic's stored status, which stays. */
  status: Status;
  reason: UnchangedReason;
}

/** A status change before it is recorded: the history entry, and what in its scope stays as it is and why. */
export interface ChangePlan {
  input: EventInput;
  unchanged: Unchanged[];
}

/** The ids a section target covers and, apart, the ones its rule leaves alone (see the README, "Whole sections"). */
function sectionScope(section: Section, state: ProgressState, status: Status): { ids: string[]; kept: Unchanged[] } {
  const all = section.topics.flatMap(subtree);
  if (status === 'done' || status === 'pending') return { ids: all.map((t) => t.id), kept: [] };
  const statuses: StatusMap = new Map([...state.records].map(([id, r]) => [id, r.status]));
  const kept: Unchanged[] = [];
  const keep = (t: Topic): boolean => {
    const shown = effectiveStatus(t, statuses);
    const reason = shown === 'done' ? 'kept-done' : shown === 'skipped' && status === 'in-progress' ? 'kept-skipped' : undefined;
    if (reason) for (const x of subtree(t)) kept.push({ topic: x.id, status: statuses.get(x.id) ?? 'pending', reason });
    return reason !== undefined;
  };
  // Skipping a section skips what is left of it; starting one starts its topics that are still open.
  const ids = status === 'skipped' ? all.filter((t) => !keep(t)).map((t) => t.id) : section.topics.filter((t) => !keep(t)).flatMap((t) => SCOPE[status](t, state));
  return { ids, kept };
}

/** What the history calls a change to these targets, and the subject the log shows. */
function actionOf(targets: readonly Target[], status: Status): { action: EventAction; subject?: string } {
  const only = targets.length === 1 ? targets[0] : undefined;
  if (status === 'pending' && only?.kind === 'all') return { action: 'reset-all' };
  if (status === 'pending' && only?.kind === 'section') return { action: 'reset-section', subject: only.section.id };
  const subject = targets.map((t) => (t.kind === 'topic' ? t.topic.id : t.kind === 'section' ? t.section.id : '')).filter(Boolean).join(' ');
  return { action: STATUS_ACTION[status], subject };
}

/**
 * The history entry for setting `status` on topics, sections or the whole roadmap, with every topic in scope that
 * keeps its status and why. The whole roadmap includes progress kept for topics the file no longer has; notes are
 * never touched.
 */
export function planChange(state: ProgressState, targets: readonly Target[], status: Status): ChangePlan {
  const ids: string[] = [];
  const kept: Unchanged[] = [];
  for (const t of targets) {
    if (t.kind === 'topic') {
      const scope = SCOPE[status](t.topic, state);
      appendAll(ids, scope);
      // Skipping a parent leaves its finished subtopics done: say so.
      for (const x of subtree(t.topic)) if (!scope.includes(x.id)) kept.push({ topic: x.id, status: statusOf(state, x.id), reason: 'kept-done' });
    }    else if (t.kind === 'section') {
      const scope = sectionScope(t.section, state, status);
      appendAll(ids, scope.ids);
      appendAll(kept, scope.kept);
    } else appendAll(ids, [...allTopics(t.roadmap).map((e) => e.topic.id), ...state.records.keys()]);
  }
  const changes = planStatus(state, ids, status);
  const changed = new Set(changes.map((d) => d.topic));
  const seen = new Set<string>();
  const unchanged: Unchanged[] = [];
  for (const u of [...ids.map((topic): Unchanged => ({ topic, status, reason: 'already' })), ...kept]) {
    if (changed.has(u.topic) || seen.has(u.topic)) continue;
    seen.add(u.topic);
    unchanged.push(u);
  }
  return { input: { ...actionOf(targets, status), changes }, unchanged };
}

/** The history entry for setting `status` on the named topics (and, per SCOPE, their subtopics). */
export function planStatusChange(state: ProgressState, named: readonly Topic[], status: Status): EventInput {
  return planChange(
    state,
    named.map((topic) => ({ kind: 'topic', topic })),
    status,
  ).input;
}

/**
 * The history entry for resetting a whole section, or with no section the whole roadmap (progress kept for topics
 * the file no longer has included); notes are kept either way.
 */
export function planBulkReset(state: ProgressState, section: Section | undefined): EventInput {
  if (!section) return { action: 'reset-all', changes: planStatus(state, [...state.records.keys()], 'pending') };
  return planChange(state, [{ kind: 'section', section }], 'pending').input;
}

/** Whether a picker for `status` should start on a topic showing `shown`: the topics that action is for. */
const WORTH_CHANGING: Record<Status, (shown: Status) => boolean> = {
  done: (s) => s === 'pending' || s === 'in-progress',
  'in-progress': (s) => s === 'pending',
  skipped: (s) => s === 'pending' || s === 'in-progress',
  pending: (s) => s !== 'pending',
};

/** Index of the first entry the action would change (the first open topic for `done`), 0 when there is none. */
export function firstToChange(entries: readonly TopicEntry[], statuses: StatusMap, status: Status): number {
  const worth = WORTH_CHANGING[status];
  const i = entries.findIndex((e) => worth(effectiveStatus(e.topic, statuses)));
  return i < 0 ? 0 : i;
}
