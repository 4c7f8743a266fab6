import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { generateRoadmap } from '../../scripts/bench-roadmap.mjs';
import { normalizeText } from '../../src/core/parse/normalize.js';
import { CORPUS_DIR, corpusPath, itWithSharedData } from '../helpers/shared-data.js';

/** Fresh copies of the lexer modules, so that nothing another test lexed has loaded marked yet. */
async function freshLexer(): Promise<{ lex: (text: string) => unknown[]; loaded: () => boolean }> {
  vi.resetModules();
  const { lexMarkdown } = await import('../../src/core/parse/lex/safe-lex.js');
  const { markedLoaded } = await import('../../src/core/parse/lex/marked-lazy.js');
  return { lex: (text) => [...lexMarkdown(text)], loaded: markedLoaded };
}

describe('marked is loaded only when the fast lexer declines something', () => {
  it('is not loaded for roadmaps the fast lexer takes whole, small or in windows', async () => {
    const { lex, loaded } = await freshLexer();
    expect(lex(generateRoadmap(20_000, 1)).length).toBeGreaterThan(10);
    expect(lex(generateRoadmap(400_000, 2)).length).toBeGreaterThan(100);
    expect(loaded()).toBe(false);
  });

  it('is not loaded for the bundled roadmap', async () => {
    const { lex, loaded } = await freshLexer();
    expect(lex(normalizeText(readFileSync(new URL('../../roadmap/go-backend.md', import.meta.url), 'utf8')).text).length).toBeGreaterThan(10);
    expect(loaded()).toBe(false);
  });

  itWithSharedData('is not loaded for any roadmap of the corpus', async () => {
    const { lex, loaded } = await freshLexer();
    const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      expect(lex(normalizeText(readFileSync(corpusPath(file), 'utf8')).text).length, file).toBeGreaterThan(0);
      expect(loaded(), file).toBe(false);
    }
  });

  it('is loaded for a block the fast lexer declines', async () => {
    const { lex, loaded } = await freshLexer();
    lex('# Title\n\n> a block quote\nwith a lazy line\n');
    expect(loaded()).toBe(true);
  });

  it('is loaded for an inline run the fast lexer declines', async () => {
    const { lex, loaded } = await freshLexer();
    lex('# Title\n\ntext with a character reference &#65;\n');
    expect(loaded()).toBe(true);
  });
});
