import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptedPrompter } from '../helpers/io.js';
import { smallRoadmap, type SmallRoadmap } from '../helpers/small-roadmap.js';

let t: SmallRoadmap;
let clock = 0;
// A clock that moves a minute per command, so the log has a clear order.
const now = () => new Date(Date.UTC(2025, 2, 1, 9, clock++));
const rm = (args: string[]) => t.rm(args, { now });
beforeEach(() => {
  t = smallRoadmap();
  clock = 0;
});
afterEach(() => {
  t.cleanup();
});

interface LogJson { total: number; events: Array<{ action: string; at: string; undone: boolean; changes: Array<{ topic: string; number?: string; from: string; to: string }> }> }

describe('log and undo', () => {
  it('log lists every change newest first; --limit and --json', async () => {
    await rm(['done', '1.1']);
    await rm(['start', '2.1']);
    await rm(['note', '2.1', 'hello']);
    await rm(['skip', '1.3']);
    const log = await rm(['log']);
    expect(log.stdout.split('\n').filter(Boolean).map((l) => l.replace(/^\S+ \S+ {2}/, ''))).toEqual([
      'skip   1.3 Gamma',
      'note   2.1 Delta: "hello"',
      'start  2.1 Delta',
      'done   1.1 Alpha',
    ]);
    const json = JSON.parse((await rm(['log', '--limit', '2', '--json'])).stdout) as LogJson;
    expect(json.total).toBe(4);
    expect(json.events.map((e) => e.action)).toEqual(['skip', 'note']);
    expect(json.events[0]?.changes).toEqual([{ topic: 'basics/gamma', number: '1.3', title: 'Gamma', from: 'pending', to: 'skipped' }]);
    expect(json.events[0]?.at).toBe('2025-03-01T09:03:00.000Z');
  });

  it('undo reverts the last change and says what it reverted', async () => {
    await rm(['done', '1.1']);
    await rm(['done', '1.2']);
    const r = await rm(['undo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Undid 1 change:\n {2}done: 1\.2 Beta \(and 2 subtopics\) {2}\(.+\)\n1\/6 done, 17%\n$/);
    expect(await t.statuses()).toMatchObject({ '1.1': 'done', '1.2': 'pending', '1.2.1': 'pending' });
  });

  it('undo n reverts n changes, a reset --all included, and the log shows both sides', async () => {
    await rm(['done', '1.1', '2.1']);
    await rm(['skip', '2.2']);
    await rm(['reset', '--all', '--yes']);
    expect(await t.statuses()).toMatchObject({ '1.1': 'pending', '2.2': 'pending' });
    const r = await rm(['undo', '2']);
    expect(r.stdout).toContain('reset --all: 3 topics');
    expect(r.stdout).toContain('skip: 2.2 Epsilon');
    expect(await t.statuses()).toMatchObject({ '1.1': 'done', '2.1': 'done', '2.2': 'pending' });
    const json = JSON.parse((await rm(['log', '--json'])).stdout) as LogJson;
    expect(json.events.map((e) => `${e.action}${e.undone ? ' (undone)' : ''}`)).toEqual(['undo', 'undo', 'reset-all (undone)', 'skip (undone)', 'done']);
    const text = (await rm(['log'])).stdout;
    expect(text).toContain('reverted reset --all: 3 topics');
  });

  it('a second undo goes further back instead of redoing', async () => {
    await rm(['done', '1.1']);
    await rm(['done', '1.3']);
    await rm(['undo']);
    await rm(['undo']);
    expect(await t.statuses()).toMatchObject({ '1.1': 'pending', '1.3': 'pending' });
  });

  it('undo keeps the time a topic was finished', async () => {
    await rm(['done', '1.1']);
    await rm(['reset', '1.1']);
    await rm(['undo']);
    const log = JSON.parse((await rm(['export'])).stdout) as { statuses: Array<{ id: string; updatedAt: string }> };
    expect(log.statuses).toEqual([{ id: 'basics/alpha', status: 'done', updatedAt: '2025-03-01T09:00:00.000Z', title: 'Alpha' }]);
  });

  it('nothing to undo: exit 1 with a hint; a bad count: exit 2', async () => {
    const none = await rm(['undo']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('error: there is nothing to undo on this roadmap\nsee what happened with: roadmap log\n');
    const bad = await rm(['undo', 'two']);
    expect(bad.code).toBe(2);
    const limit = await rm(['log', '--limit', '0']);
    expect(limit.code).toBe(2);
  });

  it('asking for more than there is undoes all and says so', async () => {
    await rm(['done', '1.1']);
    const r = await rm(['undo', '5']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Only 1 of the 5 changes asked for could be undone');
  });
});

describe('redo, and undo that never surprises', () => {
  it('redo re-applies what undo took back; log marks undone entries until they are redone', async () => {
    await rm(['done', '1.1']);
    await rm(['done', '1.3']);
    const undo = await rm(['undo', '2']);
    expect(undo.stderr).toBe('To re-apply them: roadmap redo 2\n');
    let log = JSON.parse((await rm(['log', '--json'])).stdout) as LogJson;
    expect(log.events.map((e) => `${e.action}${e.undone ? ' (undone)' : ''}`)).toEqual(['undo', 'undo', 'done (undone)', 'done (undone)']);
    const redo = await rm(['redo']);
    expect(redo.code).toBe(0);
    expect(redo.stdout).toMatch(/^Redid 1 change:\n {2}done: 1\.1 Alpha {2}\(.+\)\n1\/6 done, 17%\n$/);
    expect(await t.statuses()).toMatchObject({ '1.1': 'done', '1.3': 'pending' });
    const text = (await rm(['log'])).stdout.split('\n');
    expect(text[0]).toContain('redo  re-applied done: 1.1 Alpha');
    expect(text[1]).toContain('undo  reverted done: 1.1 Alpha (redone)');
    expect(text.at(-2)).toMatch(/done {2}1\.1 Alpha$/);
    expect(text.find((l) => l.includes('done  1.3 Gamma'))).toMatch(/1\.3 Gamma \(undone\)$/);
    await rm(['redo']);
    expect(await t.statuses()).toMatchObject({ '1.1': 'done', '1.3': 'done' });
    log = JSON.parse((await rm(['log', '--json'])).stdout) as LogJson;
    expect(log.events.filter((e) => e.undone)).toEqual([]);
  });

  it('a new change clears the redo stack', async () => {
    await rm(['done', '1.1']);
    await rm(['undo']);
    await rm(['skip', '2.1']);
    const r = await rm(['redo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: there is nothing to redo on this roadmap\nredo re-applies what undo took back, until you make a new change; see: roadmap log\n');
    expect(await t.statuses()).toMatchObject({ '1.1': 'pending', '2.1': 'skipped' });
  });

  it('a command that changes nothing records nothing, says so and offers no undo; undo then says there is nothing', async () => {
    const reset = await rm(['reset', '--all', '--yes']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toBe('[ ] Already not started: all of Test Roadmap (7 topics)\nNothing changed.\n0/6 done, 0%\n');
    expect(reset.stderr).toBe('');
    const again = await rm(['done', '1.1']);
    expect(again.stderr).toBe('');
    const twice = await rm(['done', '1.1']);
    expect(twice.stdout).toBe('[x] Already done: 1.1 Alpha\nNothing changed.\n1/6 done, 17%\n');
    expect(twice.stderr).toBe('');
    expect((JSON.parse((await rm(['log', '--json'])).stdout) as LogJson).total).toBe(1);
    await rm(['undo']);
    const nothing = await rm(['undo']);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toBe('error: there is nothing to undo on this roadmap\neverything is undone; roadmap redo re-applies what undo took back\n');
  });

  it('the reported bug: reset --all --yes with nothing to reset, then undo, keeps an older note', async () => {
    await rm(['note', '1.1', 'keep me']);
    await rm(['undo']);
    await rm(['note', '1.1', 'keep me too']);
    const reset = await rm(['reset', '--all', '--yes']);
    expect(reset.stdout).toContain('Nothing changed.');
    expect(reset.stderr).not.toContain('undo');
    const show = JSON.parse((await rm(['show', '1.1', '--json'])).stdout) as { notes: Array<{ text: string }> };
    expect(show.notes.map((n) => n.text)).toEqual(['keep me too']);
  });

  it('undo N above 5 names what it reverts: asks on a terminal, needs --yes elsewhere', async () => {
    for (const n of ['1.1', '1.3', '2.1', '2.2', '1.2.1', '1.2.2', '1.2']) await rm(['done', n]);
    const refused = await rm(['undo', '100']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('error: undo 100 would revert 7 changes; pass --yes to do it when not on a terminal:\n  done: 1.2 Beta  (');
    expect(refused.stderr).toContain('  done: 1.1 Alpha');
    expect(refused.stderr).toContain('roadmap undo 100 --yes');
    expect(await t.statuses()).toMatchObject({ '1.1': 'done', '2.2': 'done' });

    const no = scriptedPrompter([{ kind: 'confirm', answer: false }]);
    const declined = await t.rm(['undo', '6'], { now, tty: true, prompter: no });
    expect(declined.code).toBe(1);
    expect(no.asked[0]?.message).toBe('Undo these 6 changes?');
    expect(declined.stderr).toContain('This reverts:\n  done: 1.2 Beta  (');
    expect(declined.stderr).not.toContain('1.1 Alpha');
    expect(await t.statuses()).toMatchObject({ '1.3': 'done' });

    const yes = await rm(['undo', '6', '--yes']);
    expect(yes.code).toBe(0);
    expect(await t.statuses()).toMatchObject({ '1.1': 'done', '1.3': 'pending', '1.2': 'pending' });
    // Up to 5 never asks.
    const redo = await rm(['redo', '5']);
    expect(redo.code).toBe(0);
    expect(redo.stdout).toContain('Redid 5 changes:');
  });
});
