import { describe, expect, it } from 'vitest';
import { emptyState, planStatus, recordEvent, type ProgressState } from '../../src/core/progress/history.js';
import { diagnoseOrphans, idSimilarity, orphanIds, planFix } from '../../src/core/progress/orphans.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import { ID, SMALL_MD } from './fixture.js';

const edited = parseRoadmap(SMALL_MD.replace('- Alpha', '- Alpha basics').replace('- Delta', '- Something else entirely'));

function stateWith(ids: string[]): ProgressState {
  const s = emptyState();
  recordEvent(s, { id: 'e1', at: '2025-01-01T00:00:00.000Z' }, { action: 'done', changes: planStatus(s, ids, 'done') });
  return s;
}

describe('orphans', () => {
  it('finds stored ids (statuses and notes) the roadmap no longer has', () => {
    const s = stateWith([ID.alpha, ID.gamma]);
    s.notes.push({ id: 'n', topic: ID.delta, text: 'x', at: 'x' });
    expect(orphanIds(edited, s)).toEqual([ID.delta, ID.alpha]);
  });

  it('a renamed topic is matched unambiguously and --fix moves status and notes', () => {
    const s = stateWith([ID.alpha]);
    s.notes.push({ id: 'n', topic: ID.alpha, text: 'x', at: 'x' });
    const [o] = diagnoseOrphans(edited, s);
    expect(o?.fixTo?.topic.id).toBe('basics/alpha-basics');
    const plan = planFix([o!], s);
    expect(plan.changes).toEqual([
      { topic: ID.alpha, from: 'done', to: 'pending', fromAt: '2025-01-01T00:00:00.000Z' },
      { topic: 'basics/alpha-basics', from: 'pending', to: 'done', toAt: '2025-01-01T00:00:00.000Z' },
    ]);
    expect(plan.notesAdded.map((n) => n.topic)).toEqual(['basics/alpha-basics']);
  });

  it('a topic renamed beyond recognition is listed with no fix', () => {
    const [o] = diagnoseOrphans(edited, stateWith([ID.delta]));
    expect(o?.fixTo).toBeUndefined();
    expect(o?.why).toBe('no current topic is similar enough');
  });

  it('does not move progress onto a topic that has its own', () => {
    const [o] = diagnoseOrphans(edited, stateWith([ID.alpha, 'basics/alpha-basics']));
    expect(o?.fixTo).toBeUndefined();
    expect(o?.why).toBe('the matching topic has progress of its own');
  });

  it('two equally close topics are ambiguous', () => {
    const twins = parseRoadmap('# R\n\n## Basics\n- Alpha one\n- Alpha two\n');
    const [o] = diagnoseOrphans(twins, stateWith([ID.alpha]));
    expect(o?.candidates).toHaveLength(2);
    expect(o?.fixTo).toBeUndefined();
    expect(o?.why).toBe('several topics are about as similar');
  });

  it.each([
    ['a/learn-the-net-http-package', 'a/learn-net-http-package', 0.8],
    ['moved/section-same-topic', 'other/section-same-topic', 0.75],
  ])('idSimilarity(%s, %s) >= %s', (a, b, min) => {
    expect(idSimilarity(a, b)).toBeGreaterThanOrEqual(min);
  });
});
