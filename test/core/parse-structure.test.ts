import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import type { Roadmap, Topic } from '../../src/core/types.js';

const md = (...lines: string[]): string => lines.join('\n');
const titles = (topics: readonly Topic[]): unknown => topics.map((t) => (t.children.length ? [t.title, titles(t.children)] : t.title));
const tree = (r: Roadmap): unknown => r.sections.map((s) => [s.title, titles(s.topics)]);

describe('document structure', () => {
  it('several h1s and none titled as the roadmap: the h1s are the sections', () => {
    const r = parseRoadmap(md('# Alpha', '- a1', '- a2', '# Beta', '- b1', '# Gamma', '- c1'));
    expect(tree(r)).toEqual([['Alpha', ['a1', 'a2']], ['Beta', ['b1']], ['Gamma', ['c1']]]);
  });

  it('a skipped heading level attaches to the nearest shallower heading', () => {
    const r = parseRoadmap(md('# Rust', '## Basics', '#### Ownership', '- borrow', '- move', '## Async', '- futures'));
    expect(tree(r)).toEqual([['Basics', [['Ownership', ['borrow', 'move']]]], ['Async', ['futures']]]);
  });

  it('a sub-heading over plain topics is their parent topic; over links it is a category label on them', () => {
    const r = parseRoadmap(
      md('# R', '## Math', '### Calculus', '- Derivatives', '- Integrals', '### Algebra', '- Vectors', '## Tools', '### Editors', '- [Vim](https://vim.org) - modal', '- [Emacs](https://gnu.org/emacs) - extensible'),
    );
    expect(tree(r)).toEqual([['Math', [['Calculus', ['Derivatives', 'Integrals']], ['Algebra', ['Vectors']]]], ['Tools', ['Vim', 'Emacs']]]);
    expect(r.sections[1]!.topics.map((t) => t.group)).toEqual(['Editors', 'Editors']);
  });

  it('a numbered sub-heading is a topic over its tasks, even when they carry links', () => {
    const r = parseRoadmap(md('# R', '## Part A', '### Lesson 1: Basics', '- [ ] [Read](https://a.dev/1)', '- [ ] [Watch](https://a.dev/2)', '## Part B', '### Lesson 2: More', '- [ ] [Do](https://a.dev/3)'));
    expect(tree(r)).toEqual([['Part A', [['Basics', ['Read', 'Watch']]]], ['Part B', [['More', ['Do']]]]]);
    expect(r.sections[0]!.topics[0]!.order).toBe('Lesson 1');
  });

  it('setext headings are headings', () => {
    const r = parseRoadmap(md('Go', '==', '', 'Part one', '--------', '', '- a', '', 'Part two', '--------', '', '- b'));
    expect(r.title).toBe('Go');
    expect(tree(r)).toEqual([['Part one', ['a']], ['Part two', ['b']]]);
  });

  it('a heading inside a list item groups the items below it', () => {
    const r = parseRoadmap(md('# DS', '## Data Structures', '- ### Arrays', '    - [ ] vector', '    - [ ] resize', '- ### Stack', '    - [ ] push', '## Trees', '- [ ] BST'));
    expect(tree(r)).toEqual([['Data Structures', ['vector', 'resize', 'push']], ['Trees', ['BST']]]);
    expect(r.sections[0]!.topics.map((t) => t.group)).toEqual(['Arrays', 'Arrays', 'Stack']);
  });

  it('a list inside a blockquote right after an item gives that item its children, one level per `>`', () => {
    const r = parseRoadmap(md('# Java', '1. Servers', ' >* Web server', ' >* App server', '   >>* Tomcat', '2. Data', ' >* ORM'));
    expect(tree(r)).toEqual([['Servers', ['Web server', ['App server', ['Tomcat']]]], ['Data', ['ORM']]]);
  });

  it('a list inside a blockquote on its own is read as a list', () => {
    const r = parseRoadmap(md('# R', '## A', '> Notes', '> - one', '> - two', '## B', '- three'));
    expect(tree(r)).toEqual([['A', ['one', 'two']], ['B', ['three']]]);
    expect(r.sections[0]!.description).toBe('Notes');
  });

  it('`<details><summary>` is a group named by its summary', () => {
    const r = parseRoadmap(md('# R', '## A', '<details>', '<summary>Extra <b>stuff</b></summary>', '', '- one', '- two', '', '</details>', '', '- three', '## B', '- four'));
    expect(tree(r)).toEqual([['A', [['Extra stuff', ['one', 'two']], 'three']], ['B', ['four']]]);
  });

  it('`<details>` blocks are the sections when they hold the topics, also with Markdown inside one block', () => {
    const r = parseRoadmap(
      md('<h1 align="center">Me</h1>', '', '<details><summary>:fire: Basics</summary>', '', '- Syntax', '- Loops', '', '</details>', '<details><summary><a href="./web">Web</a></summary>', '- HTML', '- CSS', '</details>'),
    );
    expect(r.title).toBe('Me');
    expect(tree(r)).toEqual([['Basics', ['Syntax', 'Loops']], ['Web', ['HTML', 'CSS']]]);
    expect(r.sections[0]!.icon).toBe(':fire:');
    expect(r.sections[1]!.links).toEqual([{ title: 'Web', url: './web' }]);
  });

  it('Markdown inside an HTML wrapper (`<div dir="rtl">` with no blank line) is read as Markdown', () => {
    const r = parseRoadmap(md('<div dir="rtl">', '# نقشه راه', '## مبانی', '- متغیرها', '## وب', '- HTTP', '</div>'));
    expect(r.title).toBe('نقشه راه');
    expect(tree(r)).toEqual([['مبانی', ['متغیرها']], ['وب', ['HTTP']]]);
    expect(r.sections[1]!.topics[0]!.line).toBe(6);
  });

  it('HTML comments and code fences never make structure', () => {
    const r = parseRoadmap(md('# R', '## A', '<!--', '## Hidden', '- hidden', '-->', '- a', '', '```md', '## Not a section', '- not a topic', '```', '## B', '- b'));
    expect(tree(r)).toEqual([['A', ['a']], ['B', ['b']]]);
  });

  it('leading and trailing prose describe the roadmap and the section; labels group, they are not topics', () => {
    const r = parseRoadmap(md('# Plan', '', 'This roadmap will help you learn Go.', '', '## Basics', '', '**Topics covered:**', '', '- Syntax', '- Types', '', 'By the end you write small programs.', '', '## Web', '', '- net/http'));
    expect(r.description).toBe('This roadmap will help you learn Go.');
    expect(tree(r)).toEqual([['Basics', ['Syntax', 'Types']], ['Web', ['net/http']]]);
    expect(r.sections[0]).toMatchObject({ description: 'By the end you write small programs.' });
    expect(r.sections[0]!.topics[0]?.group).toBe('Topics covered');
  });

  it('a list introduced by a sentence ending in ":" under a prose heading explains it', () => {
    const r = parseRoadmap(md('# Ops', '## Servers', '', 'The primary goals of an effective server management strategy are to:', '', '- Minimize downtime.', '- Build secure servers.', '', '**Resources:**', '', '- [Nginx handbook](https://n.dev)', '## Containers', '', '- Docker', '- Podman'));
    expect(tree(r)).toEqual([['Servers', ['Servers']], ['Containers', ['Docker', 'Podman']]]);
    expect(r.sections[0]!.topics[0]!.links).toEqual([{ title: 'Nginx handbook', url: 'https://n.dev' }]);
    expect(r.sections[0]!.description).toContain('Minimize downtime.');
  });
});

describe('tables of contents and boilerplate', () => {
  it('leaves out a table of contents in several languages, with boilerplate, and reports both with lines', () => {
    for (const toc of ['Table of Contents', '目录', 'فهرست مطالب', 'Содержание', '📚 Contents']) {
      const r = parseRoadmap(md('# R', `## ${toc}`, '- [A](#a)', '- [B](#b)', '## A', '- a', '## B', '- b', '## License', 'MIT', '## 贡献', 'PRs welcome'));
      expect(r.sections.map((s) => s.title), toc).toEqual(['A', 'B']);
      expect(r.warnings.map((w) => [w.kind, w.line])).toEqual([['dropped-toc', 2], ['dropped-boilerplate', 9], ['dropped-boilerplate', 11]]);
    }
  });

  it('reports table-of-contents entries that point to no heading', () => {
    const r = parseRoadmap(md('# R', '- [Alpha](#alpha)', '- [Gone](#gone)', '## Alpha', '- a', '## Beta', '- b'));
    expect(r.warnings.filter((w) => w.kind === 'toc-dangling')).toEqual([
      { kind: 'toc-dangling', line: 3, message: 'table of contents entry "Gone" points to #gone, which is no heading in this file' },
    ]);
  });

  it('headings before the first entry of the table of contents are a preface, kept in the overview', () => {
    const r = parseRoadmap(md('# R', '## Why', 'Because.', '- a reason', '- another', '## Index', '- [One](#one)', '- [Two](#two)', '## One', '- x', '## Two', '- y'));
    expect(r.sections.map((s) => s.title)).toEqual(['One', 'Two']);
    expect(r.overview.map((p) => p.title)).toContain('Why');
    expect(r.warnings.map((w) => w.kind)).toContain('content-skipped');
  });
});

describe('topics and what hangs on them', () => {
  it('`- [ ]` and `- [x]` become a checked flag and leave the title', () => {
    const r = parseRoadmap(md('# R', '## A', '- [x] Learn [Go](https://go.dev) well', '- [ ] Write tests', '## B', '- c'));
    expect(r.sections[0]!.topics.map((t) => [t.title, t.checked, t.url])).toEqual([
      ['Learn Go well', true, 'https://go.dev'],
      ['Write tests', false, undefined],
    ]);
  });

  it('a checklist section in an otherwise plain roadmap: boxes are its topics, the other sections keep their items', () => {
    const r = parseRoadmap(md('# R', '## Basics', '- Variables', '- Functions', '  - Closures', '## Project checklist', '- [ ] Write a CLI', '  - use commander', '- [x] Add tests', '- [ ] Publish'));
    expect(tree(r)).toEqual([['Basics', ['Variables', ['Functions', ['Closures']]]], ['Project checklist', ['Write a CLI', 'Add tests', 'Publish']]]);
    expect(r.sections[1]!.topics[0]!.description).toBe('use commander');
  });

  it('links that teach a topic become its links: type markers, resource labels, bare links under a heading', () => {
    const r = parseRoadmap(md(
      '# R', '## Git', '- Branching', '  - 📖 [Pro Git](https://git-scm.com/book)', '  - [Learn Branching](https://lgb.dev) (video)',
      '- Frameworks', '  - [Gin](https://gin.dev)', '  - [Echo](https://echo.dev)',
      '## Docker', '### Images', 'Layers and caching.', '- [Docker docs](https://docs.docker.com)', '- [Best practices](https://bp.dev)',
      '### Compose', 'Visit the following resources:', '- [Compose file](https://c.dev)',
    ));
    const [branching, frameworks] = r.sections[0]!.topics;
    expect(branching).toMatchObject({ title: 'Branching', children: [], links: [{ title: 'Pro Git', url: 'https://git-scm.com/book' }, { title: 'Learn Branching', url: 'https://lgb.dev' }] });
    expect(frameworks!.children.map((c) => [c.title, c.url])).toEqual([['Gin', 'https://gin.dev'], ['Echo', 'https://echo.dev']]);
    expect(r.sections[1]!.topics.map((t) => [t.title, t.description, t.links.map((l) => l.url)])).toEqual([
      ['Images', 'Layers and caching.', ['https://docs.docker.com', 'https://bp.dev']],
      ['Compose', undefined, ['https://c.dev']],
    ]);
  });

  it('table rows are topics with the other columns in attrs; tables without outer pipes too; comparison tables are not', () => {
    const r = parseRoadmap(md('# R', '## Courses', 'Course | Duration | Effort', '--- | --- | ---', '[SQL](https://sql.org) | 2 weeks | 3h', 'NoSQL | 1 week |', '',
      '|  | Go | Rust |', '|---|---|---|', '| Speed | fast | fast |', '## Other', '- x'));
    expect(r.sections[0]!.topics.map((t) => [t.title, t.url, t.attrs, t.line])).toEqual([
      ['SQL', 'https://sql.org', { Duration: '2 weeks', Effort: '3h' }, 5],
      ['NoSQL', undefined, { Duration: '1 week' }, 6],
    ]);
  });

  it('a Day column dates a row; the Topic column names it', () => {
    const r = parseRoadmap(md('# 30 Days', '| Day | Topic | Link |', '|---|---|---|', '| 01 | [Introduction](./01/README.md) | x |', '| 02 | Data Types | y |'));
    expect(r.sections[0]!.topics.map((t) => [t.title, t.attrs?.Day])).toEqual([['Introduction', '01'], ['Data Types', '02']]);
  });

  it('leading numbering goes to order and leading emoji to icon, in many forms', () => {
    const cases: Array<[string, string, string | undefined, string | undefined]> = [
      ['1. Basics', 'Basics', '1', undefined],
      ['1.2 Basics', 'Basics', '1.2', undefined],
      ['Phase 3: Web', 'Web', 'Phase 3', undefined],
      ['Day 05 - Testing', 'Testing', 'Day 05', undefined],
      ['Week 1-2: Core', 'Core', 'Week 1-2', undefined],
      ['第一阶段：基础', '基础', '第一阶段', undefined],
      ['Этап 2: Веб', 'Веб', 'Этап 2', undefined],
      ['۳. وب', 'وب', '۳', undefined],
      ['🚀 3. Deploy', 'Deploy', '3', '🚀'],
      [':rocket: Deploy:', 'Deploy', undefined, ':rocket:'],
      ['99.9% availability', '99.9% availability', undefined, undefined],
      ['二、进阶', '进阶', '二', undefined],
      ['Docker ✅', 'Docker', undefined, '✅'],
    ];
    for (const [raw, title, order, icon] of cases) {
      const r = parseRoadmap(md('# R', `## ${raw}`, '- a', '## Other', '- b'));
      expect({ title: r.sections[0]!.title, order: r.sections[0]!.order, icon: r.sections[0]!.icon }, raw).toEqual({ title, order, icon });
    }
  });

  it('awesome lines written in HTML (`<a href>Name</a> - desc<br>`) are topics', () => {
    const r = parseRoadmap(md('# R', '## Tools', '<a href="https://a.dev"><b>Alpha</b></a> - first tool<br>', '<a href="https://b.dev">Beta</a> - second tool<br>', '## More', '- x'));
    expect(r.sections[0]!.topics.map((t) => [t.title, t.url, t.description])).toEqual([
      ['Alpha', 'https://a.dev', 'first tool'],
      ['Beta', 'https://b.dev', 'second tool'],
    ]);
  });

  it('reads HTML lists and tables as the Markdown they stand for', () => {
    const r = parseRoadmap(
      md('# R', '## A', '<ul>', '<li>One<ul><li>One.1</li></ul></li>', '<li><a href="https://two.dev"><b>Two</b></a></li>', '</ul>', '', '- real', '## B', '<table>', '<tr><th>Topic</th><th>Notes</th></tr>', '<tr><td>Closures</td><td>read <i>twice</i></td></tr>', '<tr><td>Generics</td><td></td></tr>', '</table>'),
    );
    expect(tree(r)).toEqual([['A', [['One', ['One.1']], 'Two', 'real']], ['B', ['Closures', 'Generics']]]);
    expect(r.sections[0]!.topics[1]!.url).toBe('https://two.dev');
    expect(r.sections[1]!.topics[0]!.attrs).toEqual({ Notes: 'read twice' });
    expect(r.warnings).toEqual([]);
  });

  it('reports empty sections and duplicate titles with their lines', () => {
    const r = parseRoadmap(md('# R', '## X', '- a', '- a', '## X', '- b', '## Empty', 'Just words.'));
    expect(r.warnings.map((w) => [w.kind, w.line])).toEqual([['duplicate-title', 4], ['duplicate-title', 5], ['empty-section', 7]]);
  });
});
