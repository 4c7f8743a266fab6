import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexMarkdown } from '../../src/core/parse/lex/safe-lex.js';
import { LIMITS } from '../../src/core/parse/lex/limits.js';
import { normalizeText } from '../../src/core/parse/normalize.js';
import { RoadmapInputError } from '../../src/core/errors.js';

/** Lexes everything: tokens come lazily, a window at a time. */
const lex = (text: string, lineOffset?: number): unknown[] => [...lexMarkdown(text, lineOffset)];

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const nested = (depth: number, indent = 2): string => Array.from({ length: depth }, (_, i) => `${' '.repeat(indent * i)}- level ${i + 1}`).join('\n');

const ACCEPTED: Array<[string, string]> = [
  ['lists nested exactly to the limit', nested(LIMITS.depth)],
  ['lists nested to the limit with 4-space indents', nested(LIMITS.depth, 4)],
  ['quotes nested to the limit', `${'>'.repeat(LIMITS.depth)} deep`],
  ['a line of exactly the longest length', 'x'.repeat(LIMITS.lineLength)],
  ['deeply indented code inside a fence', `- item\n\n  \`\`\`yaml\n${Array.from({ length: 60 }, (_, i) => `  ${' '.repeat(2 * i)}- key: ${i}`).join('\n')}\n  \`\`\``],
  ['a long list without blank lines', Array.from({ length: 20_000 }, (_, i) => `- [topic ${i}](https://e.x/${i}) with *some* _emphasis_`).join('\n')],
  ['a long table', `| Topic | Notes |\n|---|---|\n${'| a_b | *c* |\n'.repeat(20_000)}`],
  ['underscores in many short paragraphs', Array.from({ length: 5000 }, () => 'snake_case_name and __init__').join('\n\n')],
];

const REJECTED: Array<[string, string, RegExp]> = [
  ['lists one level deeper than the limit', nested(LIMITS.depth + 1), /33 levels deep; the limit is 32 \(line 33\)/],
  ['quotes one level deeper than the limit', `a\n\n${'>'.repeat(LIMITS.depth + 1)} deep`, /33 levels deep.*\(line 3\)/],
  ['list markers on one line', `${'- '.repeat(40)}x`, /40 levels deep/],
  ['nested <details>', '<details>\n'.repeat(40), /33 levels deep/],
  ['a line one character too long', 'x'.repeat(LIMITS.lineLength + 1), /has a line of 1,048,577 characters/],
  ['unmatched underscores in one paragraph', 'a_'.repeat(25_000), /25,000 in the paragraph at line 1/],
  ['a list item paragraph of 4,000 lines', `- a\n${'word word word word word\n'.repeat(4000)}`, /runs on for too many lines/],
  ['text under deep quotes', `${'>'.repeat(30)} a\n${'lazy words here\n'.repeat(100_000)}`, /too much deeply nested text/],
];

describe('lexMarkdown limits', () => {
  it.each(ACCEPTED)('accepts %s', (_name, text) => {
    expect(() => lex(text)).not.toThrow();
  });

  it.each(REJECTED)('rejects %s with an RoadmapInputError', (_name, text, message) => {
    let thrown: unknown;
    try {
      lex(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RoadmapInputError);
    expect((thrown as RoadmapInputError).message).toMatch(message);
    expect((thrown as RoadmapInputError).hint).toBeTruthy();
  });

  it('reports lines as they are in the file, after front matter', () => {
    expect(() => lex(`x\n${'>'.repeat(40)} a`, 3)).toThrow(/\(line 5\)/);
  });

  it.each(readdirSync(CORPUS).filter((f) => f.endsWith('.md')))('accepts the real roadmap %s', (name) => {
    expect(() => lex(normalizeText(readFileSync(new URL(name, CORPUS), 'utf8')).text)).not.toThrow();
  });
});
