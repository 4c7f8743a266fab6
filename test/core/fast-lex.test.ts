import { readdirSync, readFileSync } from 'node:fs';
import { Lexer, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../scripts/bench-roadmap.mjs';
import { fastLexStats, lexFast } from '../../src/core/parse/lex/safe-lex.js';
import { CORPUS_DIR, corpusPath, describeWithSharedData } from '../helpers/shared-data.js';

/** marked's tokens of a piece, lexed the way lexChecked lexes it (block pass, then each queued inline run). */
function markedTokens(text: string): Token[] {
  const lexer = new Lexer({ gfm: true });
  lexer.blockTokens(text, lexer.tokens);
  for (const run of lexer.inlineQueue) {
    lexer.state.inRawBlock = false;
    lexer.inlineTokens(run.src, run.tokens);
  }
  return [...lexer.tokens];
}

/** The fast path's tokens, or undefined when it declines the piece; throws when they differ from marked's. */
function compare(text: string): boolean {
  const fast = lexFast(text);
  if (fast === undefined) return false;
  expect(JSON.stringify(fast, null, 1)).toBe(JSON.stringify(markedTokens(text), null, 1));
  return true;
}

function statsDelta<T>(run: () => T): { result: T; pieces: number; declinedPieces: number; runs: number; declinedRuns: number } {
  const before = { ...fastLexStats };
  const result = run();
  return { result, pieces: fastLexStats.pieces - before.pieces, declinedPieces: fastLexStats.declinedPieces - before.declinedPieces, runs: fastLexStats.runs - before.runs, declinedRuns: fastLexStats.declinedRuns - before.declinedRuns };
}

describe('fast lexer', () => {
  it('takes the bundled roadmap and lexes it as marked does', () => {
    const text = readFileSync(new URL('../../roadmap/go-backend.md', import.meta.url), 'utf8');
    const { result, declinedRuns, runs } = statsDelta(() => compare(text));
    expect(result).toBe(true);
    expect(declinedRuns).toBeLessThan(runs / 10);
  });

  it('takes generated roadmaps and lexes them as marked does', () => {
    for (const [bytes, seed] of [[2_000, 1], [20_000, 2], [60_000, 3], [120_000, 4]] as const) {
      const text = generateRoadmap(bytes, seed);
      const { result, declinedRuns } = statsDelta(() => compare(text));
      expect(result).toBe(true);
      expect(declinedRuns).toBe(0);
    }
  });
});

describeWithSharedData('fast lexer on the corpus', () => {
  it('lexes every corpus file it takes as marked does', () => {
    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md'));
    let taken = 0;
    for (const file of files) {
      const text = readFileSync(corpusPath(file), 'utf8');
      if (compare(text)) taken++;
    }
    expect(taken).toBeGreaterThan(0);
  });
});
