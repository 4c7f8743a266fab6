import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { RoadmapInputError } from '../../src/core/errors.js';
import { scanBlocks } from '../../src/core/parse/lex/block-scan.js';
import { LEX_WHOLE } from '../../src/core/parse/lex/lex-windows.js';
import { LIMITS } from '../../src/core/parse/lex/limits.js';
import { lexMarkdown, newLexBudget } from '../../src/core/parse/lex/safe-lex.js';
import { parseRoadmap } from '../../src/core/parse/parse.js';
import { countTopics } from '../../src/core/tree.js';
import { HOSTILE_TEXT } from '../helpers/hostile-markdown.js';

/** Emphasis work as LIMITS counts it: the square of the `*` and `_` marks in one inline run. */
function emphasisWork(run: string): number {
  let marks = 0;
  for (let i = 0; i < run.length; i++) if (run[i] === '*' || run[i] === '_') marks++;
  return marks * marks;
}

/**
 * The work marked is given while `fn` runs: the characters its block lexer reads (nested content is read again at
 * every level, which is what makes deep nesting quadratic) and the emphasis work of the runs its inline pass reads.
 * Counted by wrapping the two Lexer methods; nothing they return is kept, so counting a 10 MB input stays cheap.
 */
function markedWork(fn: () => void): { blockChars: number; emphasisWork: number } {
  const work = { blockChars: 0, emphasisWork: 0 };
  const restoreBlock = countCalls('blockTokens', (src) => (work.blockChars += src.length));
  const restoreInline = countCalls('inlineTokens', (src) => (work.emphasisWork += emphasisWork(src)));
  try {
    fn();
  } finally {
    restoreBlock();
    restoreInline();
  }
  return work;
}

type LexerMethod = (this: Lexer, src: string, ...rest: unknown[]) => unknown;

/** Wraps a Lexer method so `count` sees each source it is given; returns what puts the method back. */
function countCalls(name: 'blockTokens' | 'inlineTokens', count: (src: string) => void): () => void {
  const proto = Lexer.prototype as unknown as Record<typeof name, LexerMethod>;
  const original = proto[name];
  proto[name] = function (this: Lexer, src: string, ...rest: unknown[]) {
    count(src);
    return original.call(this, src, ...rest);
  };
  return () => {
    proto[name] = original;
  };
}

// How long these take belongs to `npm run bench`; here the work is bounded by what marked is given.
describe('hostile Markdown is refused before marked does more than linear work on it', () => {
  it.each(HOSTILE_TEXT)('%s', (_name, make, message) => {
    const text = make();
    let thrown: unknown;
    const work = markedWork(() => {
      try {
        parseRoadmap(text);
      } catch (error) {
        thrown = error;
      }
    });
    expect(thrown).toBeInstanceOf(RoadmapInputError);
    expect((thrown as RoadmapInputError).message).toMatch(message);
    expect(work.blockChars).toBeLessThanOrEqual(3 * text.length);
    expect(work.emphasisWork).toBeLessThanOrEqual(LIMITS.emphasisWork);
  });
});

/** A roadmap as people write big ones: areas of linked topics, subtopics and a level below, with some emphasis. */
function legitimateRoadmap(bytes: number): { text: string; sections: number } {
  const parts = ['# A very large roadmap\n\nAn introduction with *emphasis* and a [link](https://example.com).\n'];
  let size = 0;
  let sections = 0;
  while (size < bytes) {
    sections++;
    let section = `\n## Area ${sections}\n\nThis area covers **important** things, with \`code\` and snake_case_words.\n\n`;
    for (let t = 1; t <= 20; t++) {
      section += `- [Topic ${t} of area ${sections}](https://example.com/${sections}/${t}) - what topic ${t} is about\n`;
      for (let c = 1; c <= 3; c++) section += `  - Subtopic ${c} with _some_ detail\n${c === 1 ? `    - [Deeper](https://example.org/${sections}/${t}) *optional*\n` : ''}`;
    }
    parts.push(section);
    size += section.length;
  }
  return { text: parts.join(''), sections };
}

describe('a legitimate big roadmap', () => {
  it('is read in full, and one of this shape as large as the size and line limits allow would stay within every budget', () => {
    const { text, sections } = legitimateRoadmap(2_000_000);
    const budget = newLexBudget();
    expect([...lexMarkdown(text, 0, budget)].length).toBeGreaterThan(0);
    // The budgets are sums over the text: scaled to the largest roadmap the size and line limits let through, each
    // must still fit.
    const scale = Math.min(LIMITS.size / text.length, LIMITS.lines / budget.checked.lines);
    for (const work of [budget.checked, budget.lexed]) {
      expect(work.nestingWork * scale).toBeLessThan(LIMITS.nestingWork);
      expect(work.listParagraphWork * scale).toBeLessThan(LIMITS.listParagraphWork);
      expect(work.emphasisWork * scale).toBeLessThan(LIMITS.emphasisWork);
    }
    const roadmap = parseRoadmap(text);
    expect(roadmap.sections).toHaveLength(sections);
    // Per area: 20 topics, each with 3 subtopics, the first of which has one more below it.
    expect(roadmap.sections.reduce((n, s) => n + countTopics(s.topics), 0)).toBe(sections * 20 * 5);
    expect(roadmap.sections.at(-1)?.topics.at(-1)?.children.at(-1)?.title).toBe('Subtopic 3 with some detail');
  });
});

describe('the work counted for what marked lexes', () => {
  it('is, for a text lexed in one piece, what a scan of that piece counts (the whole-text scan is not repeated)', () => {
    const { text } = legitimateRoadmap(200_000);
    expect(text.length).toBeLessThan(LEX_WHOLE);
    const budget = newLexBudget();
    expect([...lexMarkdown(text, 0, budget)].length).toBeGreaterThan(0);
    const window = { lines: 0, nestingWork: 0, listParagraphWork: 0, emphasisWork: 0 };
    scanBlocks(text, 0, window);
    expect(window.nestingWork).toBeGreaterThan(0);
    expect(window.listParagraphWork).toBeGreaterThan(0);
    expect(budget.lexed.nestingWork).toBe(window.nestingWork);
    expect(budget.lexed.listParagraphWork).toBe(window.listParagraphWork);
    // On top of the scan's estimate, the exact count of the inline runs marked was given.
    expect(budget.lexed.emphasisWork).toBeGreaterThan(window.emphasisWork);
  });
});
