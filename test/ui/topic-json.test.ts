import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveStatus } from '../../src/core/progress/status.js';
import type { Status, Topic } from '../../src/core/types.js';
import { topicJson, type TopicJson } from '../../src/ui/topic-json.js';

const STATUSES: Status[] = ['pending', 'in-progress', 'done', 'skipped'];

/** Topic trees up to four levels deep, ids unique by their path. */
function tree(id: string, depth: number): fc.Arbitrary<Topic> {
  const kids = depth === 0 ? fc.constant(0) : fc.integer({ min: 0, max: 4 });
  return kids.chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => tree(`${id}/${i}`, depth - 1))).map((children) => ({ id, number: id, title: id, links: [], children, line: 1 })),
  );
}

function ids(t: Topic): string[] {
  return [t.id, ...t.children.flatMap(ids)];
}

describe('topicJson', () => {
  it('shows at every level the status the counting rule gives, whatever is stored', () => {
    fc.assert(
      fc.property(
        tree('t', 4).chain((t) => fc.tuple(fc.constant(t), fc.array(fc.option(fc.constantFrom(...STATUSES)), { minLength: ids(t).length, maxLength: ids(t).length }))),
        ([topic, stored]) => {
          const statuses = new Map<string, Status>();
          ids(topic).forEach((id, i) => {
            const s = stored[i];
            if (s) statuses.set(id, s);
          });
          const check = (t: Topic, json: TopicJson): void => {
            expect(json.status).toBe(effectiveStatus(t, statuses));
            t.children.forEach((c, i) => {
              check(c, json.children[i] as TopicJson);
            });
          };
          check(topic, topicJson(topic, statuses));
        },
      ),
      { numRuns: 300 },
    );
  });
});
