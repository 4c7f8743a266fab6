import { subtree } from '../tree.js';
import type { Section, Status, Topic } from '../types.js';
import { planStatus, type EventAction, type EventInput, type ProgressState } from './history.js';

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

/** The history entry for setting `status` on the named topics (and, per SCOPE, their subtopics). */
export function planStatusChange(state: ProgressState, named: readonly Topic[], status: Status): EventInput {
  const ids = named.flatMap((t) => SCOPE[status](t, state));
  return { action: STATUS_ACTION[status], subject: named.map((t) => t.id).join(' '), changes: planStatus(state, ids, status) };
}

/**
 * The history entry for resetting a whole section, or with no section the whole roadmap. The whole roadmap includes
 * progress kept for topics the file no longer has; notes are kept either way.
 */
export function planBulkReset(state: ProgressState, section: Section | undefined): EventInput {
  if (!section) return { action: 'reset-all', changes: planStatus(state, [...state.records.keys()], 'pending') };
  const ids = section.topics.flatMap(subtree).map((t) => t.id);
  return { action: 'reset-section', subject: section.id, changes: planStatus(state, ids, 'pending') };
}
