import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { effectiveStatus, nextTopics, parentStatus, roadmapProgress, sectionProgress, sumProgress } from '../../src/core/progress/status.js';
import type { Status } from '../../src/core/types.js';
import { allTopics } from '../../src/core/tree.js';
import { ID, small } from './fixture.js';

const beta = allTopics(small).find((e) => e.topic.id === ID.beta)!.topic;
const map = (entries: Array<[string, Status]>): Map<string, Status> => new Map(entries);

describe('the counting rule', () => {
  it('ids of the fixture are what the tests assume', () => {
    expect(allTopics(small).map((e) => e.topic.id)).toEqual(Object.values(ID));
  });

  it.each<[string, Array<[string, Status]>, Status]>([
    ['no child started: pending', [], 'pending'],
    ['one child done: in progress', [[ID.beta1, 'done']], 'in-progress'],
    ['one child in progress: in progress', [[ID.beta2, 'in-progress']], 'in-progress'],
    ['all children done: done', [[ID.beta1, 'done'], [ID.beta2, 'done']], 'done'],
    ['done and skipped: done', [[ID.beta1, 'done'], [ID.beta2, 'skipped']], 'done'],
    ['all skipped: skipped', [[ID.beta1, 'skipped'], [ID.beta2, 'skipped']], 'skipped'],
    ['one skipped, one pending: pending', [[ID.beta1, 'skipped']], 'pending'],
    ['parent started by hand: in progress', [[ID.beta, 'in-progress']], 'in-progress'],
    ['parent stored done but a child pending (added later): in progress', [[ID.beta, 'done'], [ID.beta1, 'done']], 'in-progress'],
    ['parent stored skipped but children pending: pending', [[ID.beta, 'skipped']], 'pending'],
  ])('parent: %s', (_case, entries, expected) => {
    expect(effectiveStatus(beta, map(entries))).toBe(expected);
  });

  it.each<[string, Array<[string, Status]>, { done: number; skipped: number; inProgress: number; total: number; percent: number }]>([
    ['nothing stored: 6 leaves count, the parent does not', [], { done: 0, skipped: 0, inProgress: 0, total: 6, percent: 0 }],
    ['a parent finished through its children is 2 done, not 3', [[ID.beta1, 'done'], [ID.beta2, 'done'], [ID.beta, 'done']], { done: 2, skipped: 0, inProgress: 0, total: 6, percent: 33 }],
    ['skipped leave the total', [[ID.alpha, 'done'], [ID.gamma, 'skipped'], [ID.delta, 'skipped']], { done: 1, skipped: 2, inProgress: 0, total: 4, percent: 25 }],
    ['in progress counts in the total, not as done', [[ID.alpha, 'in-progress']], { done: 0, skipped: 0, inProgress: 1, total: 6, percent: 0 }],
    ['5 of 6 is 83, never rounded to 100', [[ID.alpha, 'done'], [ID.beta1, 'done'], [ID.beta2, 'done'], [ID.gamma, 'done'], [ID.delta, 'done']], { done: 5, skipped: 0, inProgress: 0, total: 6, percent: 83 }],
    ['everything done or skipped is 100', Object.values(ID).map((id) => [id, id === ID.epsilon ? 'skipped' : 'done']), { done: 5, skipped: 1, inProgress: 0, total: 5, percent: 100 }],
    ['everything skipped is complete too', Object.values(ID).map((id) => [id, 'skipped']), { done: 0, skipped: 6, inProgress: 0, total: 0, percent: 100 }],
  ])('roadmap: %s', (_case, entries, expected) => {
    expect(roadmapProgress(small, map(entries))).toMatchObject(expected);
    // list --json adds up its sections' progress instead of walking the roadmap again: the same figures.
    expect(sumProgress(small.sections.map((s) => sectionProgress(s, map(entries))))).toEqual(roadmapProgress(small, map(entries)));
  });

  it("a parent's status is the counting rule over its subtopics' statuses, however they are carried", () => {
    // The rule as written above parentStatus: all done or skipped, any done or in progress, else its own.
    const rule = (own: Status, kids: readonly Status[]): Status => {
      if (kids.every((s) => s === 'done' || s === 'skipped')) return kids.includes('done') ? 'done' : 'skipped';
      if (kids.some((s) => s === 'done' || s === 'in-progress')) return 'in-progress';
      return own === 'in-progress' ? 'in-progress' : 'pending';
    };
    const status = fc.constantFrom<Status>('pending', 'in-progress', 'done', 'skipped');
    fc.assert(
      fc.property(status, fc.array(status, { minLength: 1, maxLength: 6 }), (own, kids) => {
        expect(parentStatus(own, kids.map((s) => ({ status: s })), (k) => k.status)).toBe(rule(own, kids));
        expect(parentStatus(own, kids, (s) => s)).toBe(rule(own, kids));
      }),
      { numRuns: 1000 },
    );
  });

  it('a section counts only its own leaves', () => {
    const p = sectionProgress(small.sections[1]!, map([[ID.delta, 'done'], [ID.alpha, 'done']]));
    expect(p).toMatchObject({ done: 1, total: 2, percent: 50 });
  });
});

describe('nextTopics', () => {
  const pick = (entries: Array<[string, Status]>, n: number): Array<[string, string]> =>
    nextTopics(small, map(entries), n).map((p) => [p.topic.id, p.reason]);

  it.each<[string, Array<[string, Status]>, number, Array<[string, string]>]>([
    ['fresh: the first leaf', [], 1, [[ID.alpha, 'first-pending']]],
    ['a parent is never offered, its first child is', [[ID.alpha, 'done']], 2, [[ID.beta1, 'first-pending'], [ID.beta2, 'first-pending']]],
    ['in progress first, even when later in the file', [[ID.delta, 'in-progress']], 2, [[ID.delta, 'in-progress'], [ID.alpha, 'first-pending']]],
    ['a started parent offers its pending children before anything else', [[ID.beta, 'in-progress']], 3, [[ID.beta1, 'started-parent'], [ID.beta2, 'started-parent'], [ID.alpha, 'first-pending']]],
    ['skipped and done are passed by', [[ID.alpha, 'skipped'], [ID.beta1, 'done']], 1, [[ID.beta2, 'first-pending']]],
    ['nothing twice', [[ID.beta, 'in-progress'], [ID.beta1, 'in-progress']], 3, [[ID.beta1, 'in-progress'], [ID.beta2, 'started-parent'], [ID.alpha, 'first-pending']]],
    ['all done: nothing', Object.values(ID).map((id) => [id, 'done']), 3, []],
  ])('%s', (_case, entries, n, expected) => {
    expect(pick(entries, n)).toEqual(expected);
  });
});
