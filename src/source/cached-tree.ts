import { resolve } from 'node:path';
import type { Roadmap } from '../core/types.js';
import { BUNDLED_TITLE, bundledRoadmapPath, fallbackTitleOf } from './load-roadmap.js';
import { entryPath, parseCacheDir, parseKey, readParseCache } from './parse-cache.js';
import { readFileLimited } from './read-capped.js';

/**
 * The roadmap's tree from the parse cache only, or undefined when it is not cached for the file's current bytes (or
 * comes from stdin). Never parses: shell completion runs at every Tab and must not lex Markdown cold.
 */
export function cachedTree(cwd: string, cacheDir: string, choice: string | undefined): Roadmap | undefined {
  if (choice === '-') return undefined;
  const path = choice === undefined ? bundledRoadmapPath() : resolve(cwd, choice);
  const fallbackTitle = choice === undefined ? BUNDLED_TITLE : fallbackTitleOf(path);
  try {
    const bytes = readFileLimited(path, path);
    return readParseCache(entryPath(parseCacheDir(cacheDir), path), parseKey({ fallbackTitle }), bytes);
  } catch {
    return undefined;
  }
}
