import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateRoadmap } from '../../scripts/bench-roadmap.mjs';
import { lexInPieces } from '../../src/core/parse/lex/lex-windows.js';
import { decodeBytes, normalizeText } from '../../src/core/parse/normalize.js';
import { corpusFiles, hasSharedData, readCorpusBytes } from '../helpers/shared-data.js';

/** Blocks that can hold a blank line followed by a line that looks like a heading, and other awkward neighbours. */
const TRICKY = [
  '# Title', '', 'Intro paragraph.', '',
  '## Fenced', '', '```bash', 'echo hi', '', '# not a heading: a shell comment', '', '## nor this', '```', '',
  '## Tilde fence', '', '~~~~', '', '# still code', '~~~', '', '# still code too', '~~~~', '',
  '## Comment', '', '<!--', '', '# commented out', '', '-->', '',
  '## Pre', '', '<pre>', '', '# preformatted', '', '</pre>', '',
  '<details>', '<summary>More</summary>', '', '- hidden item', '', '</details>', '',
  'Setext heading', '==============', '', '- item', '  - child', '', '  continued', '# heading after a list', '',
  '| Topic | Link |', '|---|---|', '| [A](https://a.example) | x |', '# heading after a table', '',
  '> quote', '> # heading in a quote', '', '    # indented code, not a heading', '', '#', '', '###### six', '',
].join('\n');

afterEach(() => {
  vi.restoreAllMocks();
});

function same(text: string, window: number): void {
  const whole = JSON.stringify(Lexer.lex(text, { gfm: true }));
  expect(JSON.stringify([...lexInPieces(text, undefined, window, 0)])).toBe(whole);
}

describe('lexInPieces gives exactly the tokens of lexing the whole text', () => {
  it.skipIf(!hasSharedData).each(corpusFiles())('%s, cut into small windows', (file) => {
    const text = normalizeText(decodeBytes(readCorpusBytes(file), file)).text;
    for (const window of [300, 2_000, 16_384]) same(text, window);
  });

  it('a generated roadmap, cut into windows of many sizes', () => {
    const text = generateRoadmap(200_000, 3);
    for (const window of [100, 1_000, 5_000, 65_536]) same(text, window);
  });

  it.each([50, 120, 400, 1_000])('code fences, HTML blocks, setext headings and tables, window %i', (window) => {
    same(Array.from({ length: 40 }, () => TRICKY).join('\n\n'), window);
  });

  it('an unclosed fence swallows the rest, as in the whole text', () => {
    same(`${generateRoadmap(20_000, 5)}\n\`\`\`\n\n# code\n\n${generateRoadmap(20_000, 6)}`, 1_000);
  });

  it('really works a window at a time: marked never sees much more than a window of a big roadmap, and little twice', () => {
    const lex = vi.spyOn(Lexer, 'lex');
    const text = generateRoadmap(100_000, 4);
    const tokens = [...lexInPieces(text, undefined, 4_000, 0)];
    const sizes = lex.mock.calls.map(([src]) => src.length);
    // A window reaches at most another window's length further, to the end of a line that looks like a heading.
    const longestLine = Math.max(...text.split('\n').map((line) => line.length));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * 4_000 + longestLine);
    expect(sizes.length).toBeGreaterThan(15);
    // Windows end with the heading they are cut at, so what is lexed twice is about a heading line per window.
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(1.02 * text.length);
    expect(tokens.map((t) => t.raw).join('')).toBe(text);
  });

  it('tells the lexer of each piece how many lines come before it', () => {
    const text = generateRoadmap(60_000, 5);
    const seen: Array<[string, number]> = [];
    const tokens = [...lexInPieces(text, (piece, lineOffset) => (seen.push([piece, lineOffset]), Lexer.lex(piece, { gfm: true })), 3_000, 0)];
    expect(tokens.map((t) => t.raw).join('')).toBe(text);
    expect(seen.length).toBeGreaterThan(10);
    for (const [piece, lineOffset] of seen) {
      const at = text.indexOf(piece);
      expect(lineOffset).toBe(text.slice(0, at).split('\n').length - 1);
    }
  });

  it('reference definitions anywhere: lexed whole, so links resolve across the document', () => {
    const text = `${generateRoadmap(30_000, 8)}\n\n- [Go][go]\n\n${generateRoadmap(30_000, 9)}\n\n[go]: https://go.dev\n`;
    same(text, 1_000);
  });
});
