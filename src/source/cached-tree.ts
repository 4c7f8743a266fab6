import type { Roadmap } from '../core/types.js';
import { entryPath, parseCacheDir, parseKeys, readParseCache } from './parse-cache.js';
import { readFileLimited } from './read-capped.js';

/**
 * The tree of the file at `path` parsed with `fallbackTitle` from the parse cache only, or undefined when it is not
 * cached for the file's current bytes. Never parses: shell completion runs at every Tab and must not lex Markdown
 * cold. Which file and title is app/shelf-choice.ts's cacheTarget (the current roadmap, a shelf name, a file).
 */
export function cachedTreeAt(cacheDir: string, path: string, fallbackTitle: string): Roadmap | undefined {
  try {
    const bytes = readFileLimited(path, path);
    return readParseCache(entryPath(parseCacheDir(cacheDir), path), parseKeys({ fallbackTitle }), bytes);
  } catch {
    return undefined;
  }
}
