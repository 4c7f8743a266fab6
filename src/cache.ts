import { isAscii } from 'node:buffer';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from './content-hash.js';
import type { Roadmap } from './core/types.js';
import { jsonPieces, WRITE_BATCH } from './json-pieces.js';

/** Set by scripts/build.mjs from the sources and the Markdown lexer's version; absent when running from src/. */
declare const __ROADMAP_PARSER_FINGERPRINT__: string | undefined;

/** Changes whenever the parser may produce a different tree, so an upgrade never reads an old tree. */
export const PARSER_FINGERPRINT = typeof __ROADMAP_PARSER_FINGERPRINT__ === 'string' ? __ROADMAP_PARSER_FINGERPRINT__ : 'source';

/** Bumped when the layout of a cache file changes (2: ASCII only). */
const FORMAT = 2;
/** More entries than this and the least recently written go: each file can be tens of MB for a huge roadmap. */
const MAX_ENTRIES = 32;

interface Entry {
  format: number;
  key: string;
  roadmap: Roadmap;
}

/** How every entry file starts; the key is checked on this prefix before the rest is parsed. */
function head(key: string): string {
  return `{"format":${FORMAT},"key":"${key}","roadmap":`;
}

/** The parse-cache folder under the tool's cache folder. */
export function parseCacheDir(cacheRoot: string): string {
  return join(cacheRoot, 'parsed');
}

/** Below this size a JavaScript hash is quicker than loading node:crypto; above it SHA-256 is much quicker. */
const SMALL = 64 * 1024;

/**
 * What a cached tree must match: the exact bytes, the parser build and the parse options. Any change to the file
 * changes its hash, so an edited roadmap is parsed again.
 */
export async function parseKey(bytes: Uint8Array, options: unknown): Promise<string> {
  let digest: string;
  if (bytes.length < SMALL) digest = contentHash(bytes);
  else {
    const { createHash } = await import('node:crypto');
    digest = createHash('sha256').update(bytes).digest('hex');
  }
  return `${FORMAT}-${PARSER_FINGERPRINT}-${contentHash(JSON.stringify(options))}-${digest}`;
}

/** One file per source (path, stdin, bundled): editing a roadmap replaces its entry instead of adding one. */
export function entryPath(dir: string, source: string): string {
  return join(dir, `${contentHash(source)}.json`);
}

/** The cached tree for `key`, or undefined when there is none, it is stale, or the file is damaged in any way. */
export function readParseCache(file: string, key: string): Roadmap | undefined {
  let text: string;
  try {
    const bytes = readFileSync(file);
    // Entries are written in ASCII (see writeParseCache), which decodes byte for byte; anything else is damage.
    if (!isAscii(bytes)) return undefined;
    text = bytes.toString('latin1');
  } catch {
    return undefined;
  }
  // Compare the key before parsing the whole tree: a stale entry of a huge roadmap costs no JSON.parse.
  if (!text.startsWith(head(key))) return undefined;
  try {
    const entry = JSON.parse(text) as Partial<Entry> | null;
    return entry && entry.key === key && looksLikeRoadmap(entry.roadmap) ? entry.roadmap : undefined;
  } catch {
    return undefined;
  }
}

function looksLikeRoadmap(value: unknown): value is Roadmap {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Record<keyof Roadmap, unknown>>;
  return typeof r.title === 'string' && Array.isArray(r.sections) && Array.isArray(r.overview) && Array.isArray(r.warnings);
}

/**
 * Stores a tree atomically (a temp file renamed over the entry), so a reader sees the old entry or the new one, never
 * half of one. The cache is only an optimisation: any failure is ignored.
 */
export function writeParseCache(file: string, key: string, roadmap: Roadmap): void {
  const dir = join(file, '..');
  const temp = `${file}.${process.pid}-${String(Date.now())}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, 'w');
    try {
      // In slices: the tree of a 10 MB roadmap is 30 MB of JSON, which need not exist as one string.
      let batch = head(key);
      for (const piece of jsonPieces(roadmap)) {
        batch += piece;
        if (batch.length >= WRITE_BATCH) {
          writeSync(fd, ascii(batch));
          batch = '';
        }
      }
      writeSync(fd, ascii(`${batch}}`));
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    prune(dir);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more to do: a stray temp file is harmless and never read.
    }
  }
}

/** JSON text with every non-ASCII character as a \uXXXX escape: the same JSON, read back faster (see readParseCache). */
function ascii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function prune(dir: string): void {
  const entries = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries
    .map((name) => ({ name, mtime: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => a.mtime - b.mtime);
  for (const { name } of byAge.slice(0, entries.length - MAX_ENTRIES)) rmSync(join(dir, name), { force: true });
}
