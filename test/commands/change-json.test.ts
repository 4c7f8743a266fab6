import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smallRoadmap, type SmallRoadmap } from '../helpers/small-roadmap.js';

let t: SmallRoadmap;
const now = () => new Date('2025-03-01T09:00:00.000Z');
beforeEach(() => {
  t = smallRoadmap();
});
afterEach(() => {
  t.cleanup();
});
const json = async (args: string[]): Promise<Record<string, unknown>> => {
  const r = await t.rm([...args, '--json'], { now });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};
const KEYS = ['schemaVersion', 'roadmap', 'action', 'changed', 'unchanged', 'notes', 'recorded', 'progress'];
const ALPHA = { id: 'basics/alpha', number: '1.1', title: 'Alpha', section: { id: 'basics', number: '1', title: 'Basics' } };
const progress = (done: number) => ({ done, total: 6, percent: Math.round((done / 6) * 100), skipped: 0, inProgress: 0, pending: 6 - done });

describe('one --json shape for every command that changes progress', () => {
  it('every such command prints an object with the same keys, in the same order', async () => {
    const runs: Array<[string, string[]]> = [
      ['done', ['done', '1.1']],
      ['start', ['start', '1.3']],
      ['skip', ['skip', '2', '--yes']],
      ['reset', ['reset', '1.3']],
      ['reset-section', ['reset', '--section', '2', '--yes']],
      ['note', ['note', '1.1', 'hello']],
      ['note-edit', ['note', '1.1', '--edit', '1', 'hello again']],
      ['note-delete', ['note', '1.1', '--delete', '1']],
      ['undo', ['undo']],
      ['redo', ['redo']],
      ['reset-all', ['reset', '--all', '--yes']],
    ];
    for (const [action, args] of runs) {
      const doc = await json(args);
      expect(Object.keys(doc), action).toEqual(KEYS);
      expect(doc.action, args.join(' ')).toBe(action);
    }
  });

  it('pinned: reset 1.1 and reset --all agree', async () => {
    await t.rm(['done', '1.1'], { now });
    const one = await json(['reset', '1.1']);
    expect(one).toEqual({
      schemaVersion: 1,
      // A file not on the shelf: no name, and its path as the source.
      roadmap: { id: expect.stringMatching(/^small-[0-9a-f]+$/) as unknown, name: null, title: 'Test Roadmap', source: expect.stringMatching(/small\.md$/) as unknown },
      action: 'reset',
      changed: [{ ...ALPHA, from: 'done', to: 'pending' }],
      unchanged: [],
      notes: { added: [], removed: [] },
      recorded: [{ id: expect.any(String) as unknown, at: '2025-03-01T09:00:00.000Z', action: 'reset' }],
      progress: progress(0),
    });
    await t.rm(['undo'], { now });
    const all = await json(['reset', '--all', '--yes']);
    expect(Object.keys(all)).toEqual(Object.keys(one));
    expect(all).toMatchObject({ action: 'reset-all', changed: [{ ...ALPHA, from: 'done', to: 'pending' }], progress: progress(0) });
    expect((all.unchanged as unknown[])[0]).toEqual({ id: 'basics/beta', number: '1.2', title: 'Beta', section: ALPHA.section, status: 'pending', reason: 'already', why: 'already not started' });
  });

  it('nothing changed: empty changed and recorded, unchanged says why', async () => {
    await t.rm(['done', '1.1'], { now });
    const doc = await json(['done', '1.1']);
    expect(doc).toMatchObject({ changed: [], recorded: [], unchanged: [{ id: 'basics/alpha', status: 'done', reason: 'already', why: 'already done' }], progress: progress(1) });
  });

  it('undo: recorded holds the undo entries with what they revert; changed is the net change', async () => {
    await t.rm(['done', '1.1'], { now });
    await t.rm(['done', '1.1', '1.3'], { now });
    const doc = await json(['undo', '2']);
    expect(doc.changed).toEqual([
      { id: 'basics/gamma', number: '1.3', title: 'Gamma', section: ALPHA.section, from: 'done', to: 'pending' },
      { ...ALPHA, from: 'done', to: 'pending' },
    ]);
    expect((doc.recorded as Array<{ action: string; reverts: string }>).map((e) => e.action)).toEqual(['undo', 'undo']);
  });
});
