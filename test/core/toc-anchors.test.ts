import { describe, expect, it } from 'vitest';
import { GithubSlugger, githubSlug } from '../../src/core/parse/github-slug.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';

const md = (...lines: string[]): string => lines.join('\n');

describe("GitHub's heading anchors (github-slugger behaviour)", () => {
  it.each([
    ['Foo Bar', 'foo-bar'],
    ['🚀 Recommended tools', '-recommended-tools'],
    [':rocket: Web Hacking', 'rocket-web-hacking'],
    ['C++ & C#', 'c--c'],
    ['Books / Manuals', 'books--manuals'],
    ['snake_case here', 'snake_case-here'],
    ['Привет non-latin 你好', 'привет-non-latin-你好'],
    ['What’s new?', 'whats-new'],
    ['² squared', '-squared'],
    ['Ⅻ roman', 'ⅻ-roman'],
    ['a\tb', 'ab'],
    ['  two  spaces ', '--two--spaces-'],
    ['نقشه‌راه', 'نقشهراه'],
  ])('%j -> %j', (text, anchor) => {
    expect(githubSlug(text)).toBe(anchor);
  });

  it('numbers repeated anchors -1, -2 and skips anchors already taken', () => {
    const slugger = new GithubSlugger();
    expect(['a', 'a', 'a-1', 'a', 'b'].map((t) => slugger.slug(t))).toEqual(['a', 'a-1', 'a-1-1', 'a-2', 'b']);
  });
});

describe('a table of contents', () => {
  it('links to emoji headings resolve, so no heading outside it is dropped and nothing dangles', () => {
    const r = parseRoadmap(
      md('# Guide', '', '## Contents', '- [Modules](#-modules)', '- [Tools](#%EF%B8%8F-recommended-tools)', '- [Again](#-modules-1)', '', '## 📦 Modules', '- one', '## 🛠️ Recommended tools', '- two', '## 📦 Modules', '- three'),
    );
    expect(r.sections.map((s) => s.title)).toEqual(['Modules', 'Recommended tools', 'Modules']);
    expect(r.warnings.filter((w) => w.kind === 'toc-dangling')).toEqual([]);
  });

  it('that mostly fails to resolve is ignored with a warning and removes nothing', () => {
    const toc = ['- [One](#x-one)', '- [Two](#x-two)', '- [Three](#three)', '- [Four](#four)', '- [Five](#x-five)'];
    const r = parseRoadmap(md('# Guide', ...toc, '', '## Intro', '- a', '## Three', '- b', '## Four', '- c'));
    expect(r.sections.map((s) => s.title)).toEqual(['Intro', 'Three', 'Four']);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/3 of the table of contents' 5 entries match no heading, so it is not used/);
  });
});
