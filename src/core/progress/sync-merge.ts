import { lastChanges, statusOf, type HistoryEvent, type Note, type ProgressState, type StoredStatus } from './history.js';
import { planImport } from './merge.js';
import { sortedJson } from '../text/sorted-json.js';

/** On a tie (the same time on both sides, or no usable time on either) every machine keeps the higher of these. */
const TIE_RANK: Record<StoredStatus | 'pending', number> = { pending: 0, skipped: 1, 'in-progress': 2, done: 3 };

/**
 * Merges two copies of a roadmap's progress the way `import` does (the newer change per topic wins, notes and history
 * are united by id), made symmetric so that every machine computes the same result whichever side it is on:
 * - a tie, which `import` settles for the local side, goes to the higher status on both machines, and the same status on
 *   both sides keeps the later of its two times;
 * - a note stays removed when the newest history entry that touched it removed it (an undone note does not come back
 *   from the other copy);
 * - a history entry both copies hold is one entry: undone when either copy undid it with an undo that neither copy
 *   redid, and marked as brought by an import only when both copies say so; entries brought by an import that was
 *   undone are left out;
 * - a note has the text of the newest history entry that added it (an edit, or the undo of one);
 * - history is in time order, notes by time and id.
 * The inputs are not changed.
 */
export function mergeProgress(local: ProgressState, remote: ProgressState): ProgressState {
  const records = new Map(local.records);
  const plan = planImport(local, remote);
  // A status taken from one side keeps the title that side recorded with it (see TopicRecord.title).
  for (const d of plan.changes) setStatus(records, d.topic, d.to, d.toAt ?? '', remote.records.get(d.topic)?.title);
  const localAt = lastChanges(local);
  const remoteAt = lastChanges(remote);
  for (const topic of plan.keptLocal) {
    const ours = statusOf(local, topic);
    const theirs = statusOf(remote, topic);
    if (localAt.get(topic) !== remoteAt.get(topic) || TIE_RANK[theirs] <= TIE_RANK[ours]) continue;
    setStatus(records, topic, theirs, remote.records.get(topic)?.updatedAt ?? '', remote.records.get(topic)?.title);
  }
  // A topic only one side has no usable time for is taken from the other side by `import`; on a double tie, rank.
  for (const d of plan.changes) {
    if (localAt.has(d.topic) || remoteAt.has(d.topic)) continue;
    const ours = statusOf(local, d.topic);
    if (TIE_RANK[ours] > TIE_RANK[d.to]) setStatus(records, d.topic, ours, local.records.get(d.topic)?.updatedAt ?? '', local.records.get(d.topic)?.title);
  }
  // Both sides with the same status keep the later time (stats date a topic by it), so both machines store the same.
  for (const [topic, theirs] of remote.records) {
    const ours = records.get(topic);
    if (ours?.status !== theirs.status) continue;
    const later = compare(theirs.updatedAt, ours.updatedAt);
    // On the same time too, the greater title, so that both machines store the same record.
    if (later > 0 || (later === 0 && compare(theirs.title ?? '', ours.title ?? '') > 0)) records.set(topic, { ...theirs });
  }
  const events = mergeEvents(local.events, remote.events);
  return { records: new Map([...records].sort(([a], [b]) => compare(a, b))), notes: mergeNotes(local.notes, remote.notes, events), events };
}

function setStatus(records: ProgressState['records'], topic: string, status: StoredStatus | 'pending', updatedAt: string, title: string | undefined): void {
  if (status === 'pending') records.delete(topic);
  else records.set(topic, title === undefined ? { status, updatedAt } : { status, updatedAt, title });
}

function mergeEvents(local: readonly HistoryEvent[], remote: readonly HistoryEvent[]): HistoryEvent[] {
  const byId = new Map<string, HistoryEvent>();
  const candidates = new Map<string, string[]>();
  for (const e of local) byId.set(e.id, structuredClone(e));
  for (const theirs of remote) {
    const ours = byId.get(theirs.id);
    if (!ours) {
      byId.set(theirs.id, structuredClone(theirs));
      continue;
    }
    const undoneBy = [ours.undoneBy, theirs.undoneBy].filter((u) => u !== undefined).sort(compare);
    if (undoneBy.length > 0) candidates.set(ours.id, undoneBy);
    // An undo that either copy redid stays redone.
    const redoneBy = [ours.redoneBy, theirs.redoneBy].filter((r) => r !== undefined).sort(compare)[0];
    if (redoneBy !== undefined) ours.redoneBy = redoneBy;
    if (ours.importedBy !== theirs.importedBy) delete ours.importedBy;
  }
  // An entry is undone by an undo that neither copy redid: a redo on one copy is not lost to the other's older state.
  for (const [id, undos] of candidates) {
    const e = byId.get(id);
    if (!e) continue;
    const live = undos.find((u) => byId.get(u)?.redoneBy === undefined);
    if (live === undefined) delete e.undoneBy;
    else e.undoneBy = live;
  }
  const undone = new Set([...byId.values()].filter((e) => e.undoneBy !== undefined).map((e) => e.id));
  const kept = [...byId.values()].filter((e) => e.importedBy === undefined || !undone.has(e.importedBy));
  return kept.sort(byTime);
}

/** Time order; at the same instant an undo comes after what it reverts, then ids decide. */
function byTime(a: HistoryEvent, b: HistoryEvent): number {
  if (a.at !== b.at) return compare(a.at, b.at);
  if (a.reverts === b.id) return 1;
  if (b.reverts === a.id) return -1;
  return compare(a.id, b.id);
}

function mergeNotes(local: readonly Note[], remote: readonly Note[], events: readonly HistoryEvent[]): Note[] {
  const byId = new Map<string, Note>();
  for (const n of [...local, ...remote]) if (!byId.has(n.id)) byId.set(n.id, { ...n });
  // The newest entry that added or removed each note says whether it is there, and the newest that added it which
  // text it has: an edit (and the undo of one) removes the note and adds it back with its other text.
  const removed = new Set<string>();
  for (const e of events) {
    for (const n of e.notesRemoved) removed.add(n.id);
    for (const n of e.notesAdded) {
      removed.delete(n.id);
      if (byId.has(n.id)) byId.set(n.id, { ...n });
    }
  }
  return [...byId.values()].filter((n) => !removed.has(n.id)).sort((a, b) => compare(a.at, b.at) || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What changed from one copy of a roadmap's progress to another, in counts (for commit messages and reports). */
export interface ChangeCounts {
  done: number;
  started: number;
  skipped: number;
  reset: number;
  notesAdded: number;
  notesRemoved: number;
  /** History entries that are new, whether or not they changed a status or a note. */
  events: number;
}

export function emptyCounts(): ChangeCounts {
  return { done: 0, started: 0, skipped: 0, reset: 0, notesAdded: 0, notesRemoved: 0, events: 0 };
}

/** Counts what `after` has that `before` did not: statuses by their new value, notes added and removed, new history. */
export function countChanges(before: ProgressState, after: ProgressState, into: ChangeCounts = emptyCounts()): ChangeCounts {
  const topics = new Set([...before.records.keys(), ...after.records.keys()]);
  for (const topic of topics) {
    const was = statusOf(before, topic);
    const now = statusOf(after, topic);
    if (was === now) continue;
    if (now === 'done') into.done++;
    else if (now === 'in-progress') into.started++;
    else if (now === 'skipped') into.skipped++;
    else into.reset++;
  }
  const hadNotes = new Set(before.notes.map((n) => n.id));
  const hasNotes = new Set(after.notes.map((n) => n.id));
  into.notesAdded += after.notes.filter((n) => !hadNotes.has(n.id)).length;
  into.notesRemoved += before.notes.filter((n) => !hasNotes.has(n.id)).length;
  const hadEvents = new Set(before.events.map((e) => e.id));
  into.events += after.events.filter((e) => !hadEvents.has(e.id)).length;
  return into;
}

/** "3 done, 1 reset, 1 note"; "history only" when only history entries are new; "" for no change. */
export function describeCounts(c: ChangeCounts): string {
  const parts: string[] = [];
  if (c.done) parts.push(`${c.done} done`);
  if (c.started) parts.push(`${c.started} started`);
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  if (c.reset) parts.push(`${c.reset} reset`);
  if (c.notesAdded) parts.push(`${c.notesAdded} ${c.notesAdded === 1 ? 'note' : 'notes'}`);
  if (c.notesRemoved) parts.push(`${c.notesRemoved} ${c.notesRemoved === 1 ? 'note' : 'notes'} removed`);
  if (parts.length === 0 && c.events) parts.push(c.events === 1 ? '1 history entry' : `${c.events} history entries`);
  return parts.join(', ');
}

/** Whether two copies hold the same statuses, notes and history (order included). */
export function sameProgress(a: ProgressState, b: ProgressState): boolean {
  const plain = (s: ProgressState): string => sortedJson([[...s.records].sort(([x], [y]) => compare(x, y)), s.notes, s.events]);
  return plain(a) === plain(b);
}
