import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import { slugFor, slugify } from '../../src/core/parse/slug.js';
import { allTopics } from '../../src/core/tree.js';

const ids = (markdown: string): string[] => {
  const r = parseRoadmap(markdown);
  return [...r.sections.map((s) => s.id), ...allTopics(r).map((e) => e.topic.id)];
};

describe('topic ids', () => {
  it('are the slugs of the section and ancestor titles', () => {
    expect(ids('# R\n\n## Web & APIs\n\n- HTTP\n  - Status codes\n\n## Data\n\n- SQL\n')).toEqual([
      'web-apis',
      'data',
      'web-apis/http',
      'web-apis/http/status-codes',
      'data/sql',
    ]);
  });

  it('do not change when the file is renumbered or a box is ticked', () => {
    const before = '# R\n\n## 1. Basics\n\n1. [ ] Syntax\n2. [ ] Types\n\n## 2. Web\n\n- [ ] HTTP\n';
    const after = '# R\n\n## 4. Basics\n\n7. [x] Syntax\n8. [ ] Types\n\n## Phase 9: Web\n\n- [x] HTTP\n';
    expect(ids(after)).toEqual(ids(before));
    const r = parseRoadmap(after);
    expect(r.sections.map((s) => s.number)).toEqual(['1', '2']);
    expect(r.sections[0]!.topics.map((t) => t.checked)).toEqual([true, false]);
  });

  it('keep the letters of every script, so a Chinese, Persian or Russian topic gets a readable id', () => {
    expect(ids('# 路线\n\n## 第一阶段：基础概念\n\n- 服务器基础\n\n## 第二阶段：框架\n\n- 数据库 ORM\n')).toEqual([
      '基础概念',
      '框架',
      '基础概念/服务器基础',
      '框架/数据库-orm',
    ]);
    expect(ids('# نقشه راه\n\n## ۱. مبانی برنامه‌نویسی\n\n- متغیرها\n\n## ۲. وب\n\n- HTTP\n')).toEqual([
      'مبانی-برنامه‌نویسی',
      'وب',
      'مبانی-برنامه‌نویسی/متغیرها',
      'وب/http',
    ]);
    expect(ids('# Карта\n\n## Этап 1: Основы\n\n- Переменные\n\n## Этап 2: Веб\n\n- HTTP\n')).toEqual(['основы', 'веб', 'основы/переменные', 'веб/http']);
  });

  it('are unique: a repeated title among siblings gets --2, --3, a form no title takes', () => {
    expect(ids('# R\n\n## A\n\n- Intro\n- Intro\n- Intro\n\n## A\n\n- x\n')).toEqual(['a', 'a--2', 'a/intro', 'a/intro--2', 'a/intro--3', 'a--2/x']);
    expect(ids('# R\n\n## A\n\n- Intro 2\n- Intro\n- Intro\n')).toEqual(['a', 'a/intro-2', 'a/intro', 'a/intro--2']);
  });

  it('of a title that appears once do not depend on the order of its siblings', () => {
    const title = fc.constantFrom('Intro', 'intro', 'Intro 2', 'Intro-2', 'Intro--2', 'intro 2 2', 'Intro 3', '🔥');
    fc.assert(
      fc.property(fc.uniqueArray(title, { minLength: 1, maxLength: 8 }), fc.array(title, { maxLength: 6 }), (once, repeated) => {
        const titles = [...once.filter((t) => !repeated.includes(t)), ...repeated];
        const idOf = (order: string[]): Map<string, string> => {
          const got = ids(`# R\n\n## A\n\n${order.map((t) => `- ${t}`).join('\n')}\n`).slice(1);
          return new Map(order.map((t, i) => [t, got[i] ?? '']));
        };
        const forward = idOf(titles);
        const backward = idOf([...titles].reverse());
        // A title alone with its slug ("Intro" and "INTRO!" share one) keeps its id; "Intro 2" never becomes "Intro".
        const alone = titles.filter((t) => titles.filter((x) => slugFor(x) === slugFor(t)).length === 1);
        for (const t of alone) expect(backward.get(t)).toBe(forward.get(t));
      }),
    );
  });

  it('fall back to the last segment of the url, then to a short hash, when a title has no letters', () => {
    expect(slugFor('🔥', 'https://example.com/guides/fire-safety/')).toBe('fire-safety');
    expect(slugFor('✅')).toMatch(/^t-[0-9a-f]{8}$/);
    expect(slugFor('✅')).toBe(slugFor('✅'));
  });

  it('drop emoji and punctuation, lowercase, and collapse separators', () => {
    expect(slugify('🚀 Node.js: Async / Await -- Deep_Dive!')).toBe('node-js-async-await-deep-dive');
    expect(slugify('ÉCOLE Straße')).toBe('école-straße');
  });

  it('are the same for ASCII titles whichever way they are made (ASCII alone, or with the Unicode classes)', () => {
    // A trailing "’" is dropped by the Unicode path and sends the title there: both paths must give the same slug.
    const ascii = fc.string({ unit: fc.constantFrom(...'aZ09 -_/\\.:,;|+&!?()#\'"`~\t\n\u0001\u007f'.split('')), maxLength: 90 });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({ unit: 'binary-ascii', maxLength: 200 })), (title) => {
        expect(slugify(title)).toBe(slugify(`${title}’`));
      }),
      { numRuns: 500 },
    );
    expect(slugify('C++ & Rust: (the) Basics!')).toBe(slugify('C++ & Rust: (the) Basics!’'));
  });

  it('keep whole words up to 64 characters, or a first word alone cut at 128, the same on both paths', () => {
    const word = (n: number): string => 'w'.repeat(n);
    const cases: Array<[string, string]> = [
      [`${word(61)} abc`, word(61)],
      [`${word(60)} abc`.slice(0, 64), `${word(60)}-abc`],
      [`${word(30)} ${word(33)} x`, `${word(30)}-${word(33)}`],
      [`${word(30)} ${word(34)} x`, word(30)],
      [`${word(70)} b c`, word(70)],
      [`${word(200)} b`, word(128)],
      [`-- ${word(64)} --`, word(64)],
      [`.. ${word(65)}.`, word(65)],
    ];
    for (const [title, slug] of cases) {
      expect(slugify(title)).toBe(slug);
      expect(slugify(`${title}’`)).toBe(slug);
    }
    const long = fc.string({ unit: fc.constantFrom('a', 'b', 'a', 'b', 'a', ' ', '-', '!'), minLength: 50, maxLength: 300 });
    fc.assert(
      fc.property(long, (title) => {
        expect(slugify(title)).toBe(slugify(`${title}’`));
      }),
      { numRuns: 500 },
    );
  });

  it('are unique across every generated roadmap, however titles repeat', () => {
    const title = fc.constantFrom('Intro', 'intro', 'INTRO!', 'Intro 2', '🔥', '数据', 'Intro-2');
    fc.assert(
      fc.property(fc.array(fc.tuple(title, fc.array(title, { maxLength: 4 })), { minLength: 1, maxLength: 6 }), (sections) => {
        const markdown = `# R\n\n${sections.map(([s, topics]) => `## ${s}\n\n${topics.map((t) => `- ${t}\n  - ${t}`).join('\n')}\n`).join('\n')}`;
        const all = ids(markdown);
        expect(new Set(all).size).toBe(all.length);
      }),
    );
  });
});
