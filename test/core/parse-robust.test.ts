import { countTopics } from '../../src/core/tree.js';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import { allTopics } from '../../src/core/tree.js';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const files = readFileSync(new URL('MANIFEST.tsv', CORPUS), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0] ?? '');
const corpusLines = files.flatMap((f) => readFileSync(new URL(f, CORPUS), 'utf8').split('\n'));

/** Lines people write in roadmaps, including the awkward ones. */
const fragment = fc.oneof(
  fc.constantFrom(
    '# Title', '## Section', '### Group', '###### Deep', '- item', '  - child', '    - grandchild', '* star', '+ plus', '1. one', '10) ten',
    '- [ ] task', '- [x] done', ' >* quoted', '   >>* deeper', '> quote', '```', '```md', '~~~', '    indented code', '<details>',
    '<summary>S</summary>', '</details>', '<!--', '-->', '<div align="center">', '</div>', '| a | b |', '|---|---|', '| [x](y) | z |',
    'Topic | Day', '--- | ---', '---', '+++', 'title: x', '**Label:**', 'Prose that ends with a colon:', '[toc](#nowhere)', '- [A](#a)',
    '<a href="u">N</a> - d<br>', 'Name      [✔️] [ ]', '', '\t- tab', 'â€™ damaged', '第一阶段：基础', '## ۱. مبانی', '\u0000', '\u001b[31m',
  ),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...corpusLines.slice(0, 4000)),
);

describe('parsing never fails and always gives a consistent tree', () => {
  it('for any sequence of roadmap-like lines', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (lines) => {
        const r = parseRoadmap(lines.join('\n'));
        const ids = [...r.sections.map((s) => s.id), ...allTopics(r).map((e) => e.topic.id)];
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of allTopics(r)) {
          expect(e.topic.id.startsWith(`${e.section.id}/`)).toBe(true);
          expect(e.topic.number.startsWith(`${e.section.number}.`)).toBe(true);
          expect(e.topic.line).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('for any text at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(() => parseRoadmap(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('for every corpus file cut at any line', () => {
    for (const file of files) {
      const lines = readFileSync(new URL(file, CORPUS), 'utf8').split('\n');
      for (let cut = 1; cut < lines.length; cut += Math.max(1, Math.floor(lines.length / 12))) {
        expect(() => parseRoadmap(lines.slice(0, cut).join('\n')), `${file} cut at line ${cut}`).not.toThrow();
      }
    }
  });

  it('parses a 1 MB roadmap made of the corpus files (its speed is measured by npm run bench, not here)', () => {
    const big = files.map((f) => readFileSync(new URL(f, CORPUS), 'utf8')).join('\n\n');
    const text = big.repeat(Math.ceil(1_000_000 / big.length)).slice(0, 1_000_000);
    const r = parseRoadmap(text);
    expect(r.sections.length).toBeGreaterThanOrEqual(10);
    expect(r.sections.reduce((n, sec) => n + countTopics(sec.topics), 0)).toBeGreaterThan(1000);
  });
});
