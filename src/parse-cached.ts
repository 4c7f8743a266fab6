import { entryPath, parseCacheDir, parseKey, readParseCache, writeParseCache } from './cache.js';
import type { Context } from './context.js';
import { decodeBytes } from './core/normalize.js';
import type { ParseOptions } from './core/parse.js';
import type { StructureChoice } from './core/structure.js';
import type { Roadmap } from './core/types.js';
import { inert } from './ui/sanitize.js';
import { startSpinner } from './ui/spinner.js';

/** Roadmaps at least this big take a noticeable moment to parse the first time: a spinner says what is happening. */
export const SPINNER_MIN_BYTES = 256 * 1024;

/** From this size a first parse makes hundreds of MB of short-lived objects: see boundHeapGrowth. */
const BIG_PARSE_BYTES = 1024 * 1024;

/**
 * V8 lets the heap grow to about four times what survived the last full collection before it collects again. While a
 * 10 MB roadmap is parsed that means 370 MB of memory for about 150 MB of live objects; growing at most 2x keeps the
 * peak near 300 MB for about 9 % more time. Left on for the rest of the run, which prints the big tree.
 */
async function boundHeapGrowth(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--heap-growing-percent=100');
}

export interface ParseInput {
  /** Names the cache entry: the file's path, "-" for stdin. */
  source: string;
  /** How the input is named in messages. */
  shown: string;
  fallbackTitle: string;
  structure?: StructureChoice;
  explain?: boolean;
}

/**
 * Parses roadmap bytes, or returns the tree cached from the same bytes by the same parser build. The parser (and the
 * Markdown lexer under it) is imported only on a cache miss, so a repeated command never loads it.
 */
export async function parseCached(ctx: Context, bytes: Uint8Array, input: ParseInput): Promise<Roadmap> {
  // Everything that changes the tree is in the options, and so in the cache key.
  const options: ParseOptions = { fallbackTitle: input.fallbackTitle };
  if (input.structure && (input.structure.sections !== undefined || input.structure.topics !== undefined)) options.structure = input.structure;
  if (input.explain) options.explain = true;
  const key = parseKey(options);
  const file = entryPath(parseCacheDir(ctx.paths.cache), input.source);
  const cached = readParseCache(file, key, bytes);
  if (cached) return cached;
  const spinner = bytes.length >= SPINNER_MIN_BYTES ? await startSpinner(ctx, `Reading ${inert(input.shown)} (${megabytes(bytes.length)}) for the first time…`) : undefined;
  try {
    const text = decodeBytes(bytes, input.shown);
    const { parseRoadmap } = await import('./core/parse.js');
    if (bytes.length >= BIG_PARSE_BYTES) await boundHeapGrowth();
    const roadmap = parseRoadmap(text, options);
    writeParseCache(file, key, bytes, roadmap);
    return roadmap;
  } finally {
    await spinner?.stop();
  }
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
