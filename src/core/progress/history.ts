import type { Status } from '../types.js';

/** A status the store keeps; a pending topic has no record. */
export type StoredStatus = Exclude<Status, 'pending'>;

/** One topic's stored state. */
export interface TopicRecord {
  status: StoredStatus;
  /** ISO timestamp of the change that set this status (for `done`: when the topic was finished). */
  updatedAt: string;
  /** The topic's title when the status was set, so `doctor` can tell when a status ended up on another topic. */
  title?: string;
}

/** A note a learner wrote on a topic. */
export interface Note {
  id: string;
  topic: string;
  text: string;
  at: string;
  /** When the text was last edited (`note --edit`); the note keeps its id, place and `at`. */
  edited?: string;
}

export type EventAction =
  | 'done'
  | 'start'
  | 'skip'
  | 'reset'
  | 'reset-section'
  | 'reset-all'
  | 'note'
  | 'note-edit'
  | 'note-delete'
  | 'import'
  | 'doctor'
  | 'undo'
  | 'redo';

export const EVENT_ACTIONS: readonly EventAction[] = ['done', 'start', 'skip', 'reset', 'reset-section', 'reset-all', 'note', 'note-edit', 'note-delete', 'import', 'doctor', 'undo', 'redo'];

/** Actions that move through the history instead of making a new change: they never clear the redo stack. */
export const STACK_ACTIONS: ReadonlySet<EventAction> = new Set(['undo', 'redo']);

/** One topic's status before and after an event; `toAt` is the record's timestamp when it is not the event's. */
export interface StatusDelta {
  topic: string;
  from: Status;
  to: Status;
  fromAt?: string;
  toAt?: string;
}

/** A change the learner made. Everything needed to revert it is inside, so undo never guesses. */
export interface HistoryEvent {
  id: string;
  at: string;
  action: EventAction;
  /** What the user named (topic references, a section), for the log. */
  subject?: string;
  changes: StatusDelta[];
  notesAdded: Note[];
  notesRemoved: Note[];
  /** Set on an event once `undo` reverted it: the id of the undo event. */
  undoneBy?: string;
  /** On an undo event: the event it reverted. */
  reverts?: string;
  /** Set on an undo event once `redo` took it back: the id of the redo event. */
  redoneBy?: string;
  /** On a redo event: the undo event it took back. */
  redoes?: string;
  /** On the undo of an import: the history entries the import brought, kept so that redo can put them back. */
  dropped?: HistoryEvent[];
  /** On an event merged in by `import`: the import event that brought it (undoing the import removes it). */
  importedBy?: string;
}

/** Everything kept for one roadmap. */
export interface ProgressState {
  records: Map<string, TopicRecord>;
  notes: Note[];
  /** In the order they were recorded; `undo` walks it backwards. */
  events: HistoryEvent[];
  /** The topic ids inside were made the old way (before "--n" suffixes) and must be translated before use. */
  legacyIds?: boolean;
}

/** Identity of a new event: a unique id and the time (from the injected clock). */
export interface Stamp {
  id: string;
  at: string;
}

export function emptyState(): ProgressState {
  return { records: new Map(), notes: [], events: [] };
}

/** A topic's stored status, pending when nothing is stored. */
export function statusOf(state: ProgressState, id: string): Status {
  return state.records.get(id)?.status ?? 'pending';
}

/** The deltas that bring `ids` to `status`, leaving out topics already there. */
export function planStatus(state: ProgressState, ids: Iterable<string>, status: Status): StatusDelta[] {
  const out: StatusDelta[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const record = state.records.get(id);
    const from = record?.status ?? 'pending';
    if (from === status) continue;
    const delta: StatusDelta = { topic: id, from, to: status };
    if (record) delta.fromAt = record.updatedAt;
    out.push(delta);
  }
  return out;
}

export interface EventInput {
  action: EventAction;
  subject?: string;
  changes?: StatusDelta[];
  notesAdded?: Note[];
  notesRemoved?: Note[];
}

/** Applies a change and appends it to the history; nothing is recorded when it changes nothing. */
export function recordEvent(state: ProgressState, stamp: Stamp, input: EventInput): HistoryEvent | undefined {
  const event: HistoryEvent = {
    id: stamp.id,
    at: stamp.at,
    action: input.action,
    changes: input.changes ?? [],
    notesAdded: input.notesAdded ?? [],
    notesRemoved: input.notesRemoved ?? [],
  };
  if (input.subject !== undefined) event.subject = input.subject;
  if (event.changes.length === 0 && event.notesAdded.length === 0 && event.notesRemoved.length === 0) return undefined;
  applyEffects(state, event);
  state.events.push(event);
  return event;
}

/**
 * Applies an event's statuses and notes. A note both removed and added (same id) is an edit: it keeps its place, so
 * the numbers `note --list` shows do not move when a note is edited, deleted and brought back, or an edit is undone.
 */
export function applyEffects(state: ProgressState, event: HistoryEvent): void {
  for (const d of event.changes) {
    if (d.to === 'pending') state.records.delete(d.topic);
    else state.records.set(d.topic, { status: d.to, updatedAt: d.toAt ?? event.at });
  }
  const added = new Map(event.notesAdded.map((n) => [n.id, n]));
  const removed = new Set(event.notesRemoved.map((n) => n.id));
  const notes: Note[] = [];
  for (const n of state.notes) {
    if (!removed.has(n.id)) notes.push(n);
    else {
      const replacement = added.get(n.id);
      if (replacement) notes.push({ ...replacement });
      added.delete(n.id);
    }
  }
  const present = new Set(notes.map((n) => n.id));
  for (const n of added.values()) {
    if (present.has(n.id)) continue;
    // A note that comes back (undo of a delete) goes back among its topic's notes by the time it was written.
    const later = notes.findIndex((x) => x.topic === n.topic && x.at > n.at);
    notes.splice(later < 0 ? notes.length : later, 0, { ...n });
  }
  state.notes = notes;
}

/** Events `undo` may revert: the learner's own, not yet undone, newest last. */
export function undoable(state: ProgressState): HistoryEvent[] {
  return state.events.filter((e) => !STACK_ACTIONS.has(e.action) && e.undoneBy === undefined && e.importedBy === undefined);
}

/**
 * The event that takes `source` back: its changes inverted, newest first, and its added and removed notes swapped.
 * Undo builds one from the event it reverts, redo from the undo it takes back; `head` says which.
 */
export function inverseOf(
  source: HistoryEvent,
  s: Stamp,
  head: { action: 'undo'; reverts: string } | { action: 'redo'; redoes: string; reverts: string },
): HistoryEvent {
  return {
    id: s.id,
    at: s.at,
    ...head,
    changes: [...source.changes].reverse().map((d) => invert(d, source.at)),
    notesAdded: source.notesRemoved.map((n) => ({ ...n })),
    notesRemoved: source.notesAdded.map((n) => ({ ...n })),
  };
}

/**
 * Reverts the last `count` undoable events, newest first. Each revert is itself recorded (action `undo`) so the log
 * tells the whole story; undo events are never undone. Returns the reverted events.
 */
export function undoLast(state: ProgressState, count: number, stamp: (i: number) => Stamp): HistoryEvent[] {
  const targets = undoable(state).slice(-count).reverse();
  targets.forEach((target, i) => {
    const s = stamp(i);
    const inverse = inverseOf(target, s, { action: 'undo', reverts: target.id });
    if (target.subject !== undefined) inverse.subject = target.subject;
    applyEffects(state, inverse);
    target.undoneBy = inverse.id;
    // Undoing an import also takes back the history it brought in (kept on the undo entry for redo).
    if (target.action === 'import') {
      const dropped = state.events.filter((e) => e.importedBy === target.id);
      if (dropped.length > 0) inverse.dropped = dropped;
      state.events = state.events.filter((e) => e.importedBy !== target.id);
    }
    state.events.push(inverse);
  });
  return targets;
}

/** The delta that takes `d` back; `eventAt` is the time of the event `d` belongs to. */
export function invert(d: StatusDelta, eventAt: string): StatusDelta {
  const out: StatusDelta = { topic: d.topic, from: d.to, to: d.from, fromAt: d.toAt ?? eventAt };
  if (d.fromAt !== undefined) out.toAt = d.fromAt;
  return out;
}

/** When each topic last changed: its record's time or the latest event that touched it, whichever is later. */
export function lastChanges(state: ProgressState): Map<string, number> {
  const out = new Map<string, number>();
  const bump = (id: string, iso: string): void => {
    const t = Date.parse(iso);
    if (!Number.isNaN(t) && t > (out.get(id) ?? -Infinity)) out.set(id, t);
  };
  for (const [id, r] of state.records) bump(id, r.updatedAt);
  for (const e of state.events) for (const d of e.changes) bump(d.topic, e.at);
  return out;
}
