import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import type { Topic } from '../../src/core/types.js';

const titles = (topics: Topic[]): unknown => topics.map((t) => (t.children.length ? [t.title, titles(t.children)] : t.title));

describe('nested lists', () => {
  it('reads three levels with *, + and 1. markers as topics and subtopics', () => {
    const md = [
      '# Rust Roadmap',
      '',
      '## Basics',
      '',
      '* Ownership',
      '  + Borrowing',
      '    1. Lifetimes',
      '    2. Elision',
      '  + Moves',
      '* Traits',
      '',
      '## Async',
      '',
      '1. Futures',
      '2. Tokio',
      '   * Runtime',
    ].join('\n');
    const r = parseRoadmap(md);
    expect(r.sections.map((s) => s.title)).toEqual(['Basics', 'Async']);
    expect(titles(r.sections[0]!.topics)).toEqual([['Ownership', [['Borrowing', ['Lifetimes', 'Elision']], 'Moves']], 'Traits']);
    expect(titles(r.sections[1]!.topics)).toEqual(['Futures', ['Tokio', ['Runtime']]]);
    const lifetimes = r.sections[0]!.topics[0]!.children[0]!.children[0]!;
    expect(lifetimes.number).toBe('1.1.1.1');
    expect(lifetimes.id).toBe('basics/ownership/borrowing/lifetimes');
  });
});

describe('boilerplate', () => {
  const md = [
    '# Kotlin Roadmap',
    '',
    '## Table of Contents',
    '',
    '- [Basics](#basics)',
    '- [Coroutines](#coroutines)',
    '',
    '## Basics',
    '',
    '- Variables',
    '- Functions',
    '',
    '## Coroutines',
    '',
    '- Scopes',
    '',
    '## License',
    '',
    '- MIT, see LICENSE',
    '',
  ].join('\n');

  it('leaves out the table of contents and the License section, and reports them', () => {
    const r = parseRoadmap(md);
    expect(r.sections.map((s) => s.title)).toEqual(['Basics', 'Coroutines']);
    expect(r.warnings.filter((w) => w.kind === 'dropped-toc').map((w) => w.line)).toEqual([3]);
    expect(r.warnings.filter((w) => w.kind === 'dropped-boilerplate').map((w) => w.line)).toEqual([17]);
  });

  it('leaves out a table of contents list that has no heading', () => {
    const r = parseRoadmap(md.replace('## Table of Contents\n\n', ''));
    expect(r.sections.map((s) => s.title)).toEqual(['Basics', 'Coroutines']);
    expect(r.warnings.map((w) => w.kind)).toContain('dropped-toc');
  });
});

describe('titles', () => {
  it.each([
    ['## **1. Web Development & APIs**', 'Web Development & APIs', '1', undefined],
    ['## 🚀 Getting started', 'Getting started', undefined, '🚀'],
    ['## Phase 2: Databases', 'Databases', 'Phase 2', undefined],
    ['## 3.1 `net/http`', 'net/http', '3.1', undefined],
    ['## Tom &amp; Jerry', 'Tom & Jerry', undefined, undefined],
  ])('%s -> %s', (heading, title, order, icon) => {
    const r = parseRoadmap(`# R\n\n${heading}\n\n- a\n\n## Other\n\n- b\n`);
    const s = r.sections[0]!;
    expect(s.title).toBe(title);
    expect(s.order).toBe(order);
    expect(s.icon).toBe(icon);
  });

  it('keeps links as links of the topic, and task boxes as a checked flag', () => {
    const r = parseRoadmap('# R\n\n## A\n\n- [x] Learn [Go](https://go.dev) well\n- [ ] Write tests\n\n## B\n\n- c\n');
    const [first, second] = r.sections[0]!.topics;
    expect(first).toMatchObject({ title: 'Learn Go well', checked: true, url: 'https://go.dev' });
    expect(second).toMatchObject({ title: 'Write tests', checked: false });
  });

  it('never lets code fences make structure', () => {
    const r = parseRoadmap('# R\n\n## A\n\n```md\n## Not a section\n- not a topic\n```\n\n- real\n\n## B\n\n- b\n');
    expect(r.sections.map((s) => s.title)).toEqual(['A', 'B']);
    expect(titles(r.sections[0]!.topics)).toEqual(['real']);
  });
});

describe('a resources label written as a list item', () => {
  it('gives its links to the enclosing section instead of becoming a topic', () => {
    const md = [
      '## Week 1: Basics',
      '- Variables',
      '- Resources:',
      '  - [The Book](https://example.com/book)',
      '  - [Exercises](https://example.com/ex)',
      '',
      '## Week 2: Traits',
      '- Generics',
      '- Further reading',
      '  - [Traits in depth](https://example.com/traits)',
      '',
    ].join('\n');
    const r = parseRoadmap(md);
    expect(r.sections.map((s) => [s.order, s.title, s.topics.map((t) => t.title)])).toEqual([
      ['Week 1', 'Basics', ['Variables']],
      ['Week 2', 'Traits', ['Generics']],
    ]);
    expect(r.sections[0]!.links.map((l) => l.url)).toEqual(['https://example.com/book', 'https://example.com/ex']);
    expect(r.sections[1]!.links.map((l) => l.title)).toEqual(['Traits in depth']);
  });
});
