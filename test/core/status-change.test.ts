import { describe, expect, it } from 'vitest';
import { emptyState, planStatus, recordEvent, type ProgressState } from '../../src/core/progress/history.js';
import { noteFileHeader, stripNoteHeader } from '../../src/core/progress/notes.js';
import { firstToChange, planChange, type Target } from '../../src/core/progress/status-change.js';
import { walkActions } from '../../src/core/progress/walk-actions.js';
import { allTopics } from '../../src/core/tree.js';
import type { Status } from '../../src/core/types.js';
import { ID, small } from './fixture.js';

const basics = small.sections[0]!;
const section: Target = { kind: 'section', section: basics };
const stateWith = (marks: Array<[string, Status]>): ProgressState => {
  const s = emptyState();
  for (const [id, status] of marks) recordEvent(s, { id: id, at: '2025-01-01T00:00:00.000Z' }, { action: 'done', changes: planStatus(s, [id], status) });
  return s;
};
const short = (id: string) => id.split('/').pop();

describe('a status change on a whole section', () => {
  it.each([
    // [stored before, status, changed, unchanged with reason]
    [[], 'done', ['alpha', 'beta', 'beta-one', 'beta-two', 'gamma'], []],
    [[[ID.alpha, 'done']], 'done', ['beta', 'beta-one', 'beta-two', 'gamma'], ['alpha:already']],
    [[[ID.alpha, 'done'], [ID.gamma, 'skipped']], 'skipped', ['beta', 'beta-one', 'beta-two'], ['gamma:already', 'alpha:kept-done']],
    [[[ID.alpha, 'done'], [ID.gamma, 'skipped']], 'in-progress', ['beta'], ['alpha:kept-done', 'gamma:kept-skipped']],
    [[[ID.alpha, 'done'], [ID.beta1, 'in-progress']], 'pending', ['alpha', 'beta-one'], ['beta:already', 'beta-two:already', 'gamma:already']],
  ] as Array<[Array<[string, Status]>, Status, string[], string[]]>)('%j then %s: changes %j', (before, status, changed, unchanged) => {
    const plan = planChange(stateWith(before), [section], status);
    expect(plan.input.changes?.map((d) => short(d.topic))).toEqual(changed);
    expect(plan.unchanged.map((u) => `${short(u.topic)}:${u.reason}`)).toEqual(unchanged);
  });

  it('reset of a section is recorded as reset-section; other statuses by their verb, naming the section', () => {
    expect(planChange(emptyState(), [section], 'pending').input).toMatchObject({ action: 'reset-section', subject: 'basics' });
    expect(planChange(emptyState(), [section], 'done').input).toMatchObject({ action: 'done', subject: 'basics' });
  });

  it('the whole roadmap: every stored status (topics the file lost included) reset, every pending topic unchanged', () => {
    const plan = planChange(stateWith([[ID.alpha, 'done'], ['gone/topic', 'done']]), [{ kind: 'all', roadmap: small }], 'pending');
    expect(plan.input.action).toBe('reset-all');
    expect(plan.input.changes?.map((d) => d.topic)).toEqual([ID.alpha, 'gone/topic']);
    expect(plan.unchanged).toHaveLength(allTopics(small).length - 1);
  });

  it('skipping a parent topic keeps its done subtopics and says so', () => {
    const plan = planChange(stateWith([[ID.beta1, 'done']]), [{ kind: 'topic', topic: basics.topics[1]! }], 'skipped');
    expect(plan.input.changes?.map((d) => short(d.topic))).toEqual(['beta', 'beta-two']);
    expect(plan.unchanged).toEqual([{ topic: ID.beta1, status: 'done', reason: 'kept-done' }]);
  });
});

describe('where a picker starts', () => {
  const entries = allTopics(small);
  const at = (marks: Array<[string, Status]>, status: Status) => entries[firstToChange(entries, new Map(marks), status)]?.topic.number;
  it.each([
    [[], 'done', '1.1'],
    [[[ID.alpha, 'done']], 'done', '1.2'],
    [[[ID.alpha, 'skipped']], 'done', '1.2'],
    [[[ID.alpha, 'in-progress']], 'in-progress', '1.2'],
    [[[ID.alpha, 'in-progress']], 'done', '1.1'],
    [[[ID.gamma, 'done']], 'pending', '1.3'],
    [[], 'pending', '1.1'],
  ] as Array<[Array<[string, Status]>, Status, string]>)('%j, %s: %s', (marks, status, expected) => {
    expect(at(marks, status)).toBe(expected);
  });
});

describe('the walk menu', () => {
  it.each([
    ['pending', true, ['done', 'start', 'skip', 'note', 'link', 'pick', 'quit']],
    ['in-progress', true, ['done', 'skip', 'reset', 'note', 'link', 'pick', 'quit']],
    ['done', false, ['next', 'reset', 'note', 'pick', 'quit']],
    ['skipped', false, ['done', 'next', 'reset', 'note', 'pick', 'quit']],
  ] as Array<[Status, boolean, string[]]>)('%s (links: %s)', (status, links, expected) => {
    expect(walkActions(status, links)).toEqual(expected);
  });
});

describe('the note file header', () => {
  it.each([
    ['written below', 'written below'],
    ['\n\n  kept  \n', 'kept'],
    ['', ''],
  ])('is removed on save: %j', (body, expected) => {
    expect(stripNoteHeader(noteFileHeader('2.2 GORM', false) + body)).toBe(expected);
  });

  it('a title that would end the comment early cannot, and a header whose end was deleted loses its first line only', () => {
    const header = noteFileHeader('1.1 Arrows --> and <!-- comments', true);
    expect(header.match(/-->/g)).toHaveLength(1);
    expect(stripNoteHeader(`${header}text`)).toBe('text');
    expect(stripNoteHeader('<!-- roadmap: a new note on 1.1\nmy note')).toBe('my note');
    expect(stripNoteHeader('no header at all\r\nsecond')).toBe('no header at all\nsecond');
  });
});
