import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyState, planStatus, recordEvent, undoLast, type ProgressState } from '../../src/core/progress/history.js';
import { applyImport, planImport } from '../../src/core/progress/merge.js';
import { planNoteDelete, planNoteEdit } from '../../src/core/progress/notes.js';
import { countChanges, describeCounts, mergeProgress, sameProgress } from '../../src/core/progress/sync-merge.js';
import { redoLast } from '../../src/core/progress/undo-stack.js';
import type { Status } from '../../src/core/types.js';

let seq = 0;
const stamp = (at: string) => ({ id: `e${String(++seq).padStart(4, '0')}`, at });
const at = (minute: number): string => new Date(Date.UTC(2025, 0, 1, 10, minute)).toISOString();
function mark(s: ProgressState, ids: string[], status: Status, minute: number): void {
  recordEvent(s, stamp(at(minute)), { action: status === 'pending' ? 'reset' : 'done', changes: planStatus(s, ids, status) });
}
function note(s: ProgressState, id: string, text: string, minute: number): void {
  recordEvent(s, stamp(at(minute)), { action: 'note', notesAdded: [{ id, topic: 't', text, at: at(minute) }] });
}
const statuses = (s: ProgressState): Record<string, string> => Object.fromEntries([...s.records].map(([id, r]) => [id, r.status]));

describe('mergeProgress: the import rule, the same on every machine', () => {
  it('each machine marked different topics: the merge has all of them, and both orders agree', () => {
    const laptop = emptyState();
    mark(laptop, ['a', 'b'], 'done', 1);
    const work = emptyState();
    mark(work, ['c'], 'in-progress', 2);
    const merged = mergeProgress(laptop, work);
    expect(statuses(merged)).toEqual({ a: 'done', b: 'done', c: 'in-progress' });
    expect(sameProgress(merged, mergeProgress(work, laptop))).toBe(true);
    expect(merged.events).toHaveLength(2);
  });

  it.each([
    ['done then skip', 'done', 'skipped', 'skipped'],
    ['skip then done', 'skipped', 'done', 'done'],
    ['done then reset', 'done', 'pending', undefined],
  ] as const)('the same topic changed on both (%s): the newer change wins on both', (_name, first, second, expected) => {
    const early = emptyState();
    const late = emptyState();
    if (second === 'pending') mark(late, ['a'], 'done', 1);
    mark(early, ['a'], first, 2);
    mark(late, ['a'], second, 3);
    expect(statuses(mergeProgress(early, late)).a).toBe(expected);
    expect(statuses(mergeProgress(late, early)).a).toBe(expected);
  });

  it('a tie (the same minute on both) goes to the same side on both machines, unlike import which keeps its own', () => {
    const one = emptyState();
    mark(one, ['a'], 'done', 5);
    const two = emptyState();
    mark(two, ['a'], 'skipped', 5);
    expect(planImport(two, one).keptLocal).toEqual(['a']);
    expect(statuses(mergeProgress(one, two)).a).toBe('done');
    expect(statuses(mergeProgress(two, one)).a).toBe('done');
  });

  it('a note on each machine: both survive, in time order', () => {
    const laptop = emptyState();
    note(laptop, 'n1', 'from the laptop', 1);
    const work = emptyState();
    note(work, 'n2', 'from work', 2);
    expect(mergeProgress(work, laptop).notes.map((n) => n.text)).toEqual(['from the laptop', 'from work']);
  });

  it('an undo after a sync wins over the copy that still has the change, and carries over', () => {
    const laptop = emptyState();
    mark(laptop, ['a'], 'done', 1);
    note(laptop, 'n1', 'keep?', 2);
    const synced = mergeProgress(emptyState(), laptop);
    undoLast(laptop, 2, (i) => stamp(at(10 + i)));
    const merged = mergeProgress(synced, laptop);
    expect(statuses(merged)).toEqual({});
    expect(merged.notes).toEqual([]);
    expect(merged.events.filter((e) => e.action !== 'undo').every((e) => e.undoneBy !== undefined)).toBe(true);
    expect(sameProgress(merged, mergeProgress(laptop, synced))).toBe(true);
  });

  it('a redo after a sync wins over the copy that still has the change undone', () => {
    const laptop = emptyState();
    mark(laptop, ['a'], 'done', 1);
    undoLast(laptop, 1, () => stamp(at(2)));
    const synced = mergeProgress(emptyState(), laptop);
    redoLast(laptop, 1, () => stamp(at(3)));
    const merged = mergeProgress(synced, laptop);
    expect(statuses(merged)).toEqual({ a: 'done' });
    expect(merged.events.map((e) => `${e.action}${e.undoneBy ? ' (undone)' : ''}${e.redoneBy ? ' (redone)' : ''}`)).toEqual(['done', 'undo (redone)', 'redo']);
    expect(sameProgress(merged, mergeProgress(laptop, synced))).toBe(true);
  });

  it('an edited note carries its new text over, and the undo of the edit its old text', () => {
    const laptop = emptyState();
    note(laptop, 'n1', 'first words', 1);
    const synced = mergeProgress(emptyState(), laptop);
    recordEvent(laptop, stamp(at(2)), planNoteEdit(laptop.notes[0]!, 'better words', at(2)));
    const edited = mergeProgress(synced, laptop);
    expect(edited.notes.map((n) => n.text)).toEqual(['better words']);
    undoLast(laptop, 1, () => stamp(at(3)));
    expect(mergeProgress(edited, laptop).notes.map((n) => n.text)).toEqual(['first words']);
    expect(mergeProgress(laptop, edited).notes.map((n) => n.text)).toEqual(['first words']);
  });

  it('history brought by an import that was undone stays out, whichever copy still has it', () => {
    const here = emptyState();
    const file = emptyState();
    mark(file, ['x'], 'done', 1);
    applyImport(here, planImport(here, file), stamp(at(2)), 'x.json');
    const synced = mergeProgress(emptyState(), here);
    undoLast(here, 1, () => stamp(at(3)));
    const merged = mergeProgress(synced, here);
    expect(merged.events.map((e) => e.action)).toEqual(['import', 'undo']);
    expect(statuses(merged)).toEqual({});
  });

  it('counts what changed for the commit message', () => {
    const before = emptyState();
    note(before, 'gone', 'old', 0);
    const after = structuredClone(before);
    mark(after, ['a', 'b', 'c'], 'done', 1);
    mark(after, ['d'], 'in-progress', 1);
    note(after, 'n', 'new', 2);
    recordEvent(after, stamp(at(3)), { action: 'note', notesRemoved: [{ id: 'gone', topic: 't', text: 'old', at: at(0) }] });
    expect(describeCounts(countChanges(before, after))).toBe('3 done, 1 started, 1 note, 1 note removed');
    expect(describeCounts(countChanges(after, after))).toBe('');
  });
});

/** Two machines start from a common copy and each applies its own random changes, undos included. */
const TOPICS = ['a', 'b', 'c', 'd'];
const step = fc.oneof(
  fc.record({ kind: fc.constant('mark' as const), topic: fc.constantFrom(...TOPICS), status: fc.constantFrom<Status>('done', 'in-progress', 'skipped', 'pending') }),
  fc.record({ kind: fc.constant('note' as const), topic: fc.constantFrom(...TOPICS) }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('redo' as const) }),
  fc.record({ kind: fc.constant('edit' as const) }),
  fc.record({ kind: fc.constant('delete' as const) }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function play(state: ProgressState, steps: readonly Step[], machine: string, minutes: number[]): void {
  steps.forEach((s, i) => {
    const when = at(minutes[i] ?? i);
    if (s.kind === 'mark') recordEvent(state, { id: `${machine}-${String(i)}`, at: when }, { action: 'done', changes: planStatus(state, [s.topic], s.status) });
    else if (s.kind === 'note') recordEvent(state, { id: `${machine}-${String(i)}`, at: when }, { action: 'note', notesAdded: [{ id: `${machine}-n${String(i)}`, topic: s.topic, text: 'x', at: when }] });
    else if (s.kind === 'undo') undoLast(state, 1, () => ({ id: `${machine}-u${String(i)}`, at: when }));
    else if (s.kind === 'redo') redoLast(state, 1, () => ({ id: `${machine}-r${String(i)}`, at: when }));
    else {
      const first = state.notes[0];
      if (!first) return;
      const input = s.kind === 'edit' ? planNoteEdit(first, `${machine} ${String(i)}`, when) : planNoteDelete(first);
      recordEvent(state, { id: `${machine}-${String(i)}`, at: when }, input);
    }
  });
}

describe('mergeProgress properties (fast-check)', () => {
  it('is the same in both orders, and syncing again changes nothing', () => {
    const steps = fc.array(step, { maxLength: 8 });
    const minutes = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 8, maxLength: 8 }).map((m) => m.sort((x, y) => x - y));
    fc.assert(
      fc.property(steps, steps, steps, minutes, minutes, (common, left, right, leftAt, rightAt) => {
        const base = emptyState();
        play(base, common, 'base', []);
        const one = structuredClone(base);
        const two = structuredClone(base);
        play(one, left, 'one', leftAt.map((m) => m + 40));
        play(two, right, 'two', rightAt.map((m) => m + 40));
        const merged = mergeProgress(one, two);
        expect(sameProgress(merged, mergeProgress(two, one))).toBe(true);
        expect(sameProgress(mergeProgress(merged, one), merged)).toBe(true);
        expect(sameProgress(mergeProgress(two, merged), merged)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
