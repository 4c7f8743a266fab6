import { applyEffects, inverseOf, STACK_ACTIONS, undoable, type HistoryEvent, type ProgressState, type Stamp, type StatusDelta } from './history.js';
import { insertAll } from '../append.js';

/**
 * Undo and redo as a stack over the recorded history (history.ts keeps each change and each undo as events):
 *
 * - `undo` reverts the newest change that is not undone yet and records an `undo` event (undoLast in history.ts).
 * - `redo` takes back the newest `undo` whose change is still undone, and records a `redo` event.
 * - A new change (anything but undo and redo) closes the redo stack: undos recorded before it can no longer be redone,
 *   even when that change is undone in turn.
 *
 * Nothing is deleted, so the log tells the whole story, and stores written before redo existed read as they are.
 */

/** The changes the next `undo <count>` would revert, newest first. */
export function nextToUndo(state: ProgressState, count: number): HistoryEvent[] {
  return undoable(state).slice(-count).reverse();
}

/** Undo events `redo` may take back, oldest first: the last one is redone first. */
export function redoable(state: ProgressState): HistoryEvent[] {
  const byId = new Map(state.events.map((e) => [e.id, e]));
  const out: HistoryEvent[] = [];
  for (let i = state.events.length - 1; i >= 0; i--) {
    const e = state.events[i];
    if (!e) continue;
    // History an import brought in sits after the import; it is the import that counts as the change.
    if (e.importedBy !== undefined) continue;
    if (!STACK_ACTIONS.has(e.action)) break;
    if (e.action !== 'undo' || e.redoneBy !== undefined || e.reverts === undefined) continue;
    if (byId.get(e.reverts)?.undoneBy === e.id) out.push(e);
  }
  return out.reverse();
}

/** The undo events the next `redo <count>` would take back, most recent undo first, each with the change it undid. */
export function nextToRedo(state: ProgressState, count: number): Array<{ undo: HistoryEvent; original: HistoryEvent }> {
  const byId = new Map(state.events.map((e) => [e.id, e]));
  return redoable(state)
    .slice(-count)
    .reverse()
    .flatMap((undo) => {
      const original = undo.reverts === undefined ? undefined : byId.get(undo.reverts);
      return original ? [{ undo, original }] : [];
    });
}

/**
 * Re-applies what the last `count` undos took back, the most recent undo first, recording one `redo` event each.
 * The change is live again afterwards (undo may revert it again). Returns the changes re-applied.
 */
export function redoLast(state: ProgressState, count: number, stamp: (i: number) => Stamp): HistoryEvent[] {
  return nextToRedo(state, count).map(({ undo, original }, i) => {
    const s = stamp(i);
    const redo = inverseOf(undo, s, { action: 'redo', redoes: undo.id, reverts: original.id });
    if (original.subject !== undefined) redo.subject = original.subject;
    applyEffects(state, redo);
    delete original.undoneBy;
    undo.redoneBy = redo.id;
    if (undo.dropped) {
      // The import's own history goes back where applyImport put it: just before the import.
      const at = state.events.indexOf(original);
      insertAll(state.events, at < 0 ? state.events.length : at, undo.dropped.map((e) => ({ ...e, importedBy: original.id })));
      delete undo.dropped;
    }
    state.events.push(redo);
    return original;
  });
}

/** What several events did together, per topic: the status before the first and after the last (no-ops left out). */
export function netChanges(events: readonly HistoryEvent[]): StatusDelta[] {
  const byTopic = new Map<string, StatusDelta>();
  for (const e of events) {
    for (const d of e.changes) {
      const seen = byTopic.get(d.topic);
      byTopic.set(d.topic, seen ? { ...seen, to: d.to, ...(d.toAt === undefined ? {} : { toAt: d.toAt }) } : { ...d });
    }
  }
  return [...byTopic.values()].filter((d) => d.from !== d.to);
}
