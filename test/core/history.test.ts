import { describe, expect, it } from 'vitest';
import { emptyState, lastChanges, planStatus, recordEvent, undoLast, undoable, type ProgressState } from '../../src/core/progress/history.js';
import { nextToRedo, nextToUndo, redoable, redoLast } from '../../src/core/progress/undo-stack.js';
import { checkStoredData } from '../../src/store/check-data.js';
import { emptyData, stateOf, withState, type StoredData } from '../../src/store/progress-store.js';

/** The file's JSON as the store reads it: every entry checked, the file damaged when one is wrong. */
function parseStored(raw: unknown): StoredData {
  const checked = checkStoredData(raw);
  if (!checked.ok) throw new Error(checked.problem);
  return checked.value;
}

let seq = 0;
const stamp = (at: string) => ({ id: `e${++seq}`, at });
const statuses = (s: ProgressState): Record<string, string> => Object.fromEntries([...s.records].map(([id, r]) => [id, `${r.status}@${r.updatedAt}`]));

describe('history events', () => {
  it('records a change with its before and after, and skips a change that changes nothing', () => {
    const s = emptyState();
    const e = recordEvent(s, stamp('2025-01-01T10:00:00.000Z'), { action: 'done', changes: planStatus(s, ['a', 'b'], 'done') });
    expect(e?.changes).toEqual([{ topic: 'a', from: 'pending', to: 'done' }, { topic: 'b', from: 'pending', to: 'done' }]);
    expect(recordEvent(s, stamp('2025-01-01T11:00:00.000Z'), { action: 'done', changes: planStatus(s, ['a'], 'done') })).toBeUndefined();
    expect(s.events).toHaveLength(1);
  });

  it('undo restores statuses with their original timestamps, newest change first', () => {
    const s = emptyState();
    recordEvent(s, stamp('2025-01-01T10:00:00.000Z'), { action: 'done', changes: planStatus(s, ['a'], 'done') });
    recordEvent(s, stamp('2025-01-02T10:00:00.000Z'), { action: 'skip', changes: planStatus(s, ['a', 'b'], 'skipped') });
    recordEvent(s, stamp('2025-01-03T10:00:00.000Z'), { action: 'reset-all', changes: planStatus(s, [...s.records.keys()], 'pending') });
    expect(s.records.size).toBe(0);
    const reverted = undoLast(s, 1, () => stamp('2025-01-04T10:00:00.000Z'));
    expect(reverted.map((e) => e.action)).toEqual(['reset-all']);
    expect(statuses(s)).toEqual({ a: 'skipped@2025-01-02T10:00:00.000Z', b: 'skipped@2025-01-02T10:00:00.000Z' });
    undoLast(s, 1, () => stamp('2025-01-04T10:01:00.000Z'));
    expect(statuses(s)).toEqual({ a: 'done@2025-01-01T10:00:00.000Z' });
    expect(s.events.map((e) => `${e.action}${e.undoneBy ? '(undone)' : ''}`)).toEqual(['done', 'skip(undone)', 'reset-all(undone)', 'undo', 'undo']);
    expect(undoable(s).map((e) => e.action)).toEqual(['done']);
  });

  it('undo n reverts n changes at once and never undoes an undo', () => {
    const s = emptyState();
    for (const id of ['a', 'b', 'c']) recordEvent(s, stamp('2025-01-01T10:00:00.000Z'), { action: 'done', changes: planStatus(s, [id], 'done') });
    expect(undoLast(s, 5, () => stamp('2025-01-02T00:00:00.000Z'))).toHaveLength(3);
    expect(s.records.size).toBe(0);
    expect(undoLast(s, 1, () => stamp('2025-01-02T00:00:00.000Z'))).toEqual([]);
  });

  it('undo of a note removes the note', () => {
    const s = emptyState();
    const note = { id: 'n1', topic: 'a', text: 'hello', at: '2025-01-01T10:00:00.000Z' };
    recordEvent(s, stamp(note.at), { action: 'note', notesAdded: [note] });
    expect(s.notes).toEqual([note]);
    undoLast(s, 1, () => stamp('2025-01-02T00:00:00.000Z'));
    expect(s.notes).toEqual([]);
  });

  it('lastChanges sees a reset even though it leaves no record', () => {
    const s = emptyState();
    recordEvent(s, stamp('2025-01-01T10:00:00.000Z'), { action: 'done', changes: planStatus(s, ['a'], 'done') });
    recordEvent(s, stamp('2025-01-05T10:00:00.000Z'), { action: 'reset', changes: planStatus(s, ['a'], 'pending') });
    expect(lastChanges(s).get('a')).toBe(Date.parse('2025-01-05T10:00:00.000Z'));
  });
});

describe('stored data', () => {
  it.each(['__proto__', 'constructor', 'toString', '0', '1000000', 'a.b.c', 'x/y'])('any string is a safe topic id: %s', (id) => {
    const s = emptyState();
    recordEvent(s, stamp('2025-01-01T10:00:00.000Z'), { action: 'done', changes: planStatus(s, [id], 'done'), notesAdded: [{ id: 'n', topic: id, text: 't', at: 'x' }] });
    const text = JSON.stringify(withState(emptyData(), id, s));
    expect(text.length).toBeLessThan(1000);
    const back = stateOf(parseStored(JSON.parse(text)), id);
    expect(back.records.get(id)?.status).toBe('done');
    expect(back.notes[0]?.topic).toBe(id);
    expect(back.events[0]?.changes[0]?.topic).toBe(id);
  });

  it('reads a version 1 file (roadmaps keyed by id, statuses only), its ids marked as made the old way', () => {
    const v1 = { schemaVersion: 1, roadmaps: { 'go-backend': { topics: [{ id: 'a', status: 'done', updatedAt: '2025-01-01T00:00:00.000Z' }] } } };
    const s = stateOf(parseStored(v1), 'go-backend');
    expect(statuses(s)).toEqual({ a: 'done@2025-01-01T00:00:00.000Z' });
    expect(s.events).toEqual([]);
    expect(s.legacyIds).toBe(true);
  });

  it.each([
    ['a status that does not exist', { schemaVersion: 1, roadmaps: { r: { topics: [{ id: 'b', status: 'bogus' }] } } }, 'roadmaps["r"].topics[0].status is "bogus"'],
    ['an entry that is not an object', { schemaVersion: 2, roadmaps: [{ id: 'r', topics: [null] }] }, 'roadmaps[0].topics[0] is null, not an object'],
    ['a note with a number for its id', { schemaVersion: 2, roadmaps: [{ id: 'r', notes: [{ id: 1 }] }] }, 'roadmaps[0].notes[0].id is 1, not text'],
    ['an action that does not exist', { schemaVersion: 2, roadmaps: [{ id: 'r', events: [{ id: 'e', at: 'x', action: 'explode' }] }] }, 'roadmaps[0].events[0].action is "explode"'],
    ['a roadmap that is not an object', { schemaVersion: 2, roadmaps: ['junk'] }, 'roadmaps[0] is "junk", not an object'],
  ])('refuses %s, naming where it is, instead of leaving it out', (_name, raw, problem) => {
    const checked = checkStoredData(raw);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.problem).toContain(problem);
  });

  it('an empty state removes the roadmap from the file', () => {
    const s = emptyState();
    recordEvent(s, stamp('2025-01-01T10:00:00.000Z'), { action: 'done', changes: planStatus(s, ['a'], 'done') });
    const data = withState(emptyData(), 'r', s);
    expect(withState(data, 'r', emptyState()).roadmaps).toEqual([]);
  });
});

describe('undo and redo as a stack', () => {
  const done = (s: ProgressState, id: string, at: string) => recordEvent(s, stamp(at), { action: 'done', changes: planStatus(s, [id], 'done') });
  const ids = (s: ProgressState) => [...s.records.keys()].sort();
  const at = '2025-02-01T00:00:00.000Z';

  it('redo re-applies what undo took back, the latest undo first, with the original finish times', () => {
    const s = emptyState();
    done(s, 'a', '2025-01-01T10:00:00.000Z');
    done(s, 'b', '2025-01-02T10:00:00.000Z');
    undoLast(s, 2, () => stamp(at));
    expect(ids(s)).toEqual([]);
    expect(redoable(s).map((u) => s.events.find((e) => e.id === u.reverts)?.changes[0]?.topic)).toEqual(['b', 'a']);
    expect(redoLast(s, 1, () => stamp(at)).map((e) => e.changes[0]?.topic)).toEqual(['a']);
    expect(statuses(s)).toEqual({ a: 'done@2025-01-01T10:00:00.000Z' });
    redoLast(s, 1, () => stamp(at));
    expect(statuses(s)).toEqual({ a: 'done@2025-01-01T10:00:00.000Z', b: 'done@2025-01-02T10:00:00.000Z' });
    expect(redoable(s)).toEqual([]);
    // Redone changes can be undone again.
    expect(nextToUndo(s, 1).map((e) => e.changes[0]?.topic)).toEqual(['b']);
  });

  it('a new change clears the redo stack, even once that change is undone in turn', () => {
    const s = emptyState();
    done(s, 'a', at);
    undoLast(s, 1, () => stamp(at));
    expect(redoable(s)).toHaveLength(1);
    done(s, 'b', at);
    expect(redoable(s)).toEqual([]);
    undoLast(s, 1, () => stamp(at));
    // Only the undo of b can be redone: the undo of a came before a new change.
    expect(nextToRedo(s, 5).map((x) => x.original.changes[0]?.topic)).toEqual(['b']);
    expect(ids(s)).toEqual([]);
  });

  it('redo of a deleted note and of an edit keep the note list in order', () => {
    const s = emptyState();
    const n1 = { id: 'n1', topic: 't', text: 'one', at: '2025-01-01T00:00:00.000Z' };
    const n2 = { id: 'n2', topic: 't', text: 'two', at: '2025-01-02T00:00:00.000Z' };
    recordEvent(s, stamp(n1.at), { action: 'note', notesAdded: [n1] });
    recordEvent(s, stamp(n2.at), { action: 'note', notesAdded: [n2] });
    recordEvent(s, stamp(at), { action: 'note-edit', notesRemoved: [n1], notesAdded: [{ ...n1, text: 'ONE', edited: at }] });
    recordEvent(s, stamp(at), { action: 'note-delete', notesRemoved: [{ ...n1, text: 'ONE', edited: at }] });
    expect(s.notes.map((n) => n.text)).toEqual(['two']);
    undoLast(s, 2, () => stamp(at));
    expect(s.notes.map((n) => n.text)).toEqual(['one', 'two']);
    redoLast(s, 1, () => stamp(at));
    expect(s.notes.map((n) => n.text)).toEqual(['ONE', 'two']);
  });

  it('redo of an undone import puts its history back', () => {
    const s = emptyState();
    const imported = { id: 'x1', at: '2024-12-01T00:00:00.000Z', action: 'done' as const, changes: [{ topic: 'z', from: 'pending' as const, to: 'done' as const }], notesAdded: [], notesRemoved: [] };
    recordEvent(s, stamp(at), { action: 'import', changes: planStatus(s, ['z'], 'done') });
    const importEvent = s.events[0]!;
    s.events.unshift({ ...imported, importedBy: importEvent.id });
    undoLast(s, 1, () => stamp(at));
    expect(s.events.some((e) => e.id === 'x1')).toBe(false);
    redoLast(s, 1, () => stamp(at));
    expect(s.events.map((e) => e.id).indexOf('x1')).toBe(s.events.indexOf(importEvent) - 1);
    expect(ids(s)).toEqual(['z']);
  });

  it('a store written before redo existed reads as it was and can be redone from its undo', () => {
    // Version 2 as older builds wrote it: a done, then an undo of it, no redo fields anywhere.
    const old = {
      schemaVersion: 2,
      roadmaps: [
        {
          id: 'r',
          topics: [],
          notes: [],
          events: [
            { id: 'e1', at: '2025-01-01T00:00:00.000Z', action: 'done', changes: [{ topic: 'a', from: 'pending', to: 'done' }], notesAdded: [], notesRemoved: [], undoneBy: 'u1' },
            { id: 'u1', at: '2025-01-02T00:00:00.000Z', action: 'undo', reverts: 'e1', changes: [{ topic: 'a', from: 'done', to: 'pending', fromAt: '2025-01-01T00:00:00.000Z' }], notesAdded: [], notesRemoved: [] },
          ],
        },
      ],
    };
    const s = stateOf(parseStored(old), 'r');
    expect(s.events.map((e) => e.action)).toEqual(['done', 'undo']);
    expect(redoable(s).map((e) => e.id)).toEqual(['u1']);
    redoLast(s, 1, () => stamp(at));
    expect(statuses(s)).toEqual({ a: 'done@2025-01-01T00:00:00.000Z' });
    const back = stateOf(parseStored(JSON.parse(JSON.stringify(withState(emptyData(), 'r', s)))), 'r');
    expect(back.events.map((e) => [e.action, e.undoneBy ?? '', e.redoneBy ?? '', e.redoes ?? ''])).toEqual([
      ['done', '', '', ''],
      ['undo', '', back.events[2]?.id, ''],
      ['redo', '', '', 'u1'],
    ]);
  });
});
