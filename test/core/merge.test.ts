import { describe, expect, it } from 'vitest';
import { emptyState, planStatus, recordEvent, undoLast, type ProgressState } from '../../src/core/progress/history.js';
import { applyImport, planImport } from '../../src/core/progress/merge.js';

let seq = 0;
const stamp = (at: string) => ({ id: `m${++seq}`, at });
const set = (s: ProgressState, ids: string[], status: 'done' | 'pending' | 'skipped' | 'in-progress', at: string): void => {
  recordEvent(s, stamp(at), { action: status === 'pending' ? 'reset' : 'done', changes: planStatus(s, ids, status) });
};
const T1 = '2025-01-01T10:00:00.000Z';
const T2 = '2025-01-02T10:00:00.000Z';
const T3 = '2025-01-03T10:00:00.000Z';

describe('planImport: the newer change per topic wins', () => {
  it('takes topics only the export has, with their own timestamps', () => {
    const theirs = emptyState();
    set(theirs, ['a'], 'done', T1);
    const plan = planImport(emptyState(), theirs);
    expect(plan.changes).toEqual([{ topic: 'a', from: 'pending', to: 'done', toAt: T1 }]);
  });

  it('a later reset on their side beats an earlier done here', () => {
    const ours = emptyState();
    set(ours, ['a'], 'done', T1);
    const theirs = emptyState();
    set(theirs, ['a'], 'done', T1);
    set(theirs, ['a'], 'pending', T3);
    expect(planImport(ours, theirs).changes).toEqual([{ topic: 'a', from: 'done', to: 'pending', fromAt: T1 }]);
  });

  it('keeps our status when ours changed later, and reports it', () => {
    const ours = emptyState();
    set(ours, ['a'], 'skipped', T3);
    const theirs = emptyState();
    set(theirs, ['a'], 'done', T2);
    const plan = planImport(ours, theirs);
    expect(plan.changes).toEqual([]);
    expect(plan.keptLocal).toEqual(['a']);
  });

  it('unites notes and history by id, and a second import of the same export changes nothing', () => {
    const ours = emptyState();
    recordEvent(ours, stamp(T1), { action: 'note', notesAdded: [{ id: 'n-ours', topic: 'a', text: 'mine', at: T1 }] });
    const theirs = emptyState();
    recordEvent(theirs, stamp(T2), { action: 'note', notesAdded: [{ id: 'n-theirs', topic: 'a', text: 'theirs', at: T2 }] });
    set(theirs, ['b'], 'done', T2);
    const first = applyImport(ours, planImport(ours, theirs), stamp(T3), 'x.json');
    expect(first?.action).toBe('import');
    expect(ours.notes.map((n) => n.text)).toEqual(['mine', 'theirs']);
    expect(ours.events.map((e) => e.action)).toEqual(['note', 'note', 'done', 'import']);
    const again = planImport(ours, theirs);
    expect(again).toEqual({ changes: [], notesAdded: [], events: [], keptLocal: [] });
  });

  it('undoing an import takes back its statuses, notes and the history it brought', () => {
    const ours = emptyState();
    set(ours, ['a'], 'done', T1);
    const theirs = emptyState();
    set(theirs, ['b'], 'done', T2);
    recordEvent(theirs, stamp(T2), { action: 'note', notesAdded: [{ id: 'n', topic: 'b', text: 't', at: T2 }] });
    applyImport(ours, planImport(ours, theirs), stamp(T3), 'x.json');
    expect([...ours.records.keys()].sort()).toEqual(['a', 'b']);
    const reverted = undoLast(ours, 1, () => stamp(T3));
    expect(reverted.map((e) => e.action)).toEqual(['import']);
    expect([...ours.records.keys()]).toEqual(['a']);
    expect(ours.notes).toEqual([]);
    expect(ours.events.map((e) => e.action)).toEqual(['done', 'import', 'undo']);
  });
});

describe('planImport with records that carry no time', () => {
  it('a topic this copy never touched is taken even without a timestamp (old version-1 data)', () => {
    const theirs = emptyState();
    theirs.records.set('a', { status: 'done', updatedAt: '' });
    expect(planImport(emptyState(), theirs).changes).toEqual([{ topic: 'a', from: 'pending', to: 'done', toAt: '' }]);
  });
});
