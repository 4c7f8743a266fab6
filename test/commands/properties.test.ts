import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runCli, tempHome } from '../helpers/io.js';
import { writeGridRoadmap } from '../helpers/roadmaps.js';

let home: ReturnType<typeof tempHome>;

beforeAll(() => {
  home = tempHome();
});
afterAll(() => {
  home.cleanup();
});

const PIECES = ['# T', '## S', '- a', '  - b', '> q', '1. n', '| a | b |', '|---|---|', '```', '<details>', '**x', '_y', '&#27;', '\u001b[2J', '\u202e', '', '[l](#l)', '- [x] c'];

interface ListDoc {
  sections: Array<{ id: string; topics: Array<{ id: string; number: string; status: string; children: unknown[] }> }>;
}

// In-process, with the real store in a temp ROADMAP_HOME (once run through the built bin, now here: a run costs
// milliseconds instead of a process start, so there are more of them).
describe('properties of the CLI (fast-check)', () => {
  it('any Markdown on stdin gives JSON with unique ids, or a typed error without a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), async (lines) => {
        const run = await runCli(['list', '--json', '--roadmap', '-'], { home: home.dir, stdin: lines.join('\n') });
        if (run.code === 0) {
          const doc = JSON.parse(run.stdout) as ListDoc;
          const ids = doc.sections.flatMap((s) => [s.id, ...s.topics.map((t) => t.id)]);
          expect(new Set(ids).size).toBe(ids.length);
        } else {
          expect(run.code).toBe(1);
          expect(run.stderr).toMatch(/^error: /);
          expect(run.stderr).not.toMatch(/^\s+at /m);
        }
      }),
      { numRuns: 24 },
    );
  }, 60_000);

  it('the store gives back exactly the statuses set by any sequence of done and reset', async () => {
    const roadmap = writeGridRoadmap(home.dir, 3, 5);
    const numbers = Array.from({ length: 15 }, (_, i) => `${Math.floor(i / 5) + 1}.${(i % 5) + 1}`);
    const step = fc.record({ verb: fc.constantFrom('done', 'reset'), refs: fc.subarray(numbers, { minLength: 1, maxLength: 6 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        expect((await runCli(['reset', '--all', '--yes', '--roadmap', roadmap], { home: home.dir })).code).toBe(0);
        const expected = new Set<string>();
        for (const { verb, refs } of steps) {
          const run = await runCli([verb, '--roadmap', roadmap, ...refs], { home: home.dir });
          expect(run.code, run.stderr).toBe(0);
          for (const ref of refs) {
            if (verb === 'done') expected.add(ref);
            else expected.delete(ref);
          }
        }
        const list = JSON.parse((await runCli(['list', '--json', '--roadmap', roadmap], { home: home.dir })).stdout) as ListDoc;
        const done = list.sections.flatMap((s) => s.topics.filter((t) => t.status === 'done').map((t) => t.number));
        expect(done.sort()).toEqual([...expected].sort());
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});
