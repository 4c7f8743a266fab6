import { describe, expect, it } from 'vitest';
import { emptyState, lastChanges, planStatus, recordEvent, undoLast, undoable, type ProgressState } from '../../src/core/progress/history.js';
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
