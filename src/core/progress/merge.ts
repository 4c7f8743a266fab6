import { lastChanges, recordEvent, statusOf, type HistoryEvent, type Note, type ProgressState, type Stamp, type StatusDelta } from './history.js';
import { appendAll } from '../append.js';

/** The `kind` of the document `export` writes and `import` reads. */
export const EXPORT_KIND = 'roadmap-progress';

/** What an import would change. */
export interface ImportPlan {
  changes: StatusDelta[];
  notesAdded: Note[];
  /** History entries the local store does not have yet. */
  events: HistoryEvent[];
  /** Topics where both sides differ and the local side is newer, so it was kept. */
  keptLocal: string[];
}

/**
 * Merges another copy of a roadmap's progress into this one. Per topic, the side whose last change is newer wins
 * (a later reset beats an earlier done); on a tie the local side stays. Notes and history are united by id, never
 * dropped.
 */
export function planImport(local: ProgressState, incoming: ProgressState): ImportPlan {
  const localAt = lastChanges(local);
  const incomingAt = lastChanges(incoming);
  const changes: StatusDelta[] = [];
  const keptLocal: string[] = [];
  const topics = new Set([...incomingAt.keys(), ...incoming.records.keys()].sort());
  for (const topic of topics) {
    const theirs = statusOf(incoming, topic);
    const ours = statusOf(local, topic);
    if (theirs === ours) continue;
    const oursAt = localAt.get(topic);
    // A topic this copy never touched takes the other side's status even when that one has no usable time.
    if (oursAt !== undefined && (incomingAt.get(topic) ?? -Infinity) <= oursAt) {
      keptLocal.push(topic);
      continue;
    }
    const delta: StatusDelta = { topic, from: ours, to: theirs };
    const ourRecord = local.records.get(topic);
    if (ourRecord) delta.fromAt = ourRecord.updatedAt;
    const theirRecord = incoming.records.get(topic);
    // Keep the other side's own timestamp so stats date a finished topic to when it was finished.
    if (theirRecord) delta.toAt = theirRecord.updatedAt;
    changes.push(delta);
  }
  const haveNotes = new Set(local.notes.map((n) => n.id));
  const notesAdded = incoming.notes.filter((n) => !haveNotes.has(n.id)).map((n) => ({ ...n }));
  const haveEvents = new Set(local.events.map((e) => e.id));
  const events = incoming.events.filter((e) => !haveEvents.has(e.id)).map((e) => structuredClone(e));
  return { changes, notesAdded, events, keptLocal };
}

/** Applies a plan as one `import` event (so one `undo` takes it all back); returns it, or undefined for no change. */
export function applyImport(state: ProgressState, plan: ImportPlan, stamp: Stamp, subject: string): HistoryEvent | undefined {
  if (plan.changes.length === 0 && plan.notesAdded.length === 0 && plan.events.length === 0) return undefined;
  const foreign = plan.events.map((e) => ({ ...e, importedBy: stamp.id }));
  const event = recordEvent(state, stamp, { action: 'import', subject, changes: plan.changes, notesAdded: plan.notesAdded });
  if (event) {
    // The imported history goes before the import event, so `undo` sees the import as the newest action.
    state.events = appendAll(appendAll(state.events.slice(0, -1), foreign), state.events.slice(-1));
    return event;
  }
  // Only history was new: still record the import so it can be undone and is visible in the log.
  appendAll(state.events, foreign);
  const marker: HistoryEvent = { id: stamp.id, at: stamp.at, action: 'import', subject, changes: [], notesAdded: [], notesRemoved: [] };
  state.events.push(marker);
  return marker;
}

/**
 * Sets every time in `state` that is later than `now` to `now`: an export dated in the future (a wrong clock, an edited
 * file, `9999-12-31`) would otherwise win over every later local change, at every import. Returns how many times
 * changed and the latest of them as it was.
 */
export function clampFutureTimes(state: ProgressState, now: string): { count: number; latest: string | undefined } {
  const limit = Date.parse(now);
  let count = 0;
  let latest: string | undefined;
  const clamp = (at: string): string => {
    const t = Date.parse(at);
    if (Number.isNaN(t) || t <= limit) return at;
    count++;
    if (latest === undefined || t > Date.parse(latest)) latest = at;
    return now;
  };
  const note = (n: Note): void => {
    n.at = clamp(n.at);
  };
  for (const r of state.records.values()) r.updatedAt = clamp(r.updatedAt);
  state.notes.forEach(note);
  for (const e of state.events) {
    e.at = clamp(e.at);
    for (const d of e.changes) {
      if (d.fromAt !== undefined) d.fromAt = clamp(d.fromAt);
      if (d.toAt !== undefined) d.toAt = clamp(d.toAt);
    }
    e.notesAdded.forEach(note);
    e.notesRemoved.forEach(note);
  }
  return { count, latest };
}
