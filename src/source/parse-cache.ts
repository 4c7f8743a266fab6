import { isAscii } from 'node:buffer';
import type { ParseOptions } from '../core/parse/parse.js';
import type { StructureChoice } from '../core/parse/structure/structure.js';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../core/parse/normalize.js';
import { longHash } from '../core/text/hash.js';
import type { Roadmap } from '../core/types.js';
import { jsonPieces, WRITE_BATCH } from '../core/text/json-pieces.js';

/** Set by scripts/build.mjs from the sources and the Markdown lexer's version; absent when running from src/. */
declare const __ROADMAP_PARSER_FINGERPRINT__: string | undefined;

/** Changes whenever the parser may produce a different tree, so an upgrade never reads an old tree. */
export const PARSER_FINGERPRINT = typeof __ROADMAP_PARSER_FINGERPRINT__ === 'string' ? __ROADMAP_PARSER_FINGERPRINT__ : 'source';

/**
 * Bumped when the layout of a cache file changes (5: the header holds the content hash; 4: named by the FNV-1a hash;
 * 3: the source bytes, then the tree in ASCII JSON).
 */
const FORMAT = 5;
/** More entries than this and the least recently written go: each file can be tens of MB for a huge roadmap. */
const MAX_ENTRIES = 32;

/**
 * An entry is one line of header, then the exact bytes the tree was parsed from, then the tree as JSON. The header
 * names the format, the parser build and the parse options (`key`), how many source bytes follow and their content
 * hash: `{"format":5,"key":"…","source":1234,"hash":"<16 hex digits>"}`. A reader knows all but the hash beforehand.
 */
function headerStart(key: string, sourceBytes: number): Buffer {
  return Buffer.from(`{"format":${FORMAT},"key":"${key}","source":${sourceBytes},"hash":"`);
}

const HASH_LENGTH = 16;
/** What follows the hash: the end of the header line. */
const HEADER_END = '"}\n';

/** Content hashes known without hashing: of bytes just parsed, or whose cache entry holds their hash. */
const knownHashes = new WeakMap<Uint8Array, string>();

/**
 * The one hash of a roadmap's bytes: what tells two roadmaps from standard input apart, and a moved file from a new
 * one. Hashing a big roadmap takes a while in JavaScript, so a parse-cache entry keeps the hash of its bytes: a
 * cached run does not hash at all.
 */
export function contentHash(bytes: Uint8Array): string {
  let hash = knownHashes.get(bytes);
  if (hash === undefined) {
    hash = longHash(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
    knownHashes.set(bytes, hash);
  }
  return hash;
}

/** The parse-cache folder under the tool's cache folder. */
export function parseCacheDir(cacheRoot: string): string {
  return join(cacheRoot, 'parsed');
}

/** What else a cached tree must match besides the bytes: the parser build and the parse options. */
export function parseKey(options: unknown): string {
  return `${PARSER_FINGERPRINT}-${longHash(JSON.stringify(options))}`;
}

/** One file per source (path, stdin, bundled): editing a roadmap replaces its entry instead of adding one. */
export function entryPath(dir: string, source: string): string {
  return join(dir, `${longHash(source)}.json`);
}

/**
 * The tree cached from exactly these bytes with this key, or undefined when there is none, the file changed in any
 * way (the stored bytes are compared, which is stronger than a hash and quicker than loading node:crypto to make
 * one), or the entry is damaged.
 */
export function readParseCache(file: string, key: string, source: Uint8Array): Roadmap | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = headerStart(key, source.length);
  const start = head.length + HASH_LENGTH + HEADER_END.length;
  if (data.length < start + source.length || Buffer.compare(data.subarray(0, head.length), head) !== 0) return undefined;
  if (Buffer.compare(data.subarray(start, start + source.length), source) !== 0) return undefined;
  const hash = data.toString('latin1', head.length, head.length + HASH_LENGTH);
  if (!/^[0-9a-f]{16}$/.test(hash) || data.toString('latin1', start - HEADER_END.length, start) !== HEADER_END) return undefined;
  const json = data.subarray(start + source.length);
  // The tree is written in ASCII (see writeParseCache), which decodes byte for byte; anything else is damage.
  if (!isAscii(json)) return undefined;
  try {
    const roadmap = JSON.parse(json.toString('latin1')) as unknown;
    if (!looksLikeRoadmap(roadmap)) return undefined;
    knownHashes.set(source, hash);
    return roadmap;
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
export function writeParseCache(file: string, key: string, source: Uint8Array, roadmap: Roadmap): void {
  const dir = join(file, '..');
  const temp = `${file}.${process.pid}-${String(Date.now())}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, Buffer.concat([headerStart(key, source.length), Buffer.from(`${contentHash(source)}${HEADER_END}`)]));
      writeSync(fd, source);
      // In slices: the tree of a 10 MB roadmap is 30 MB of JSON, which need not exist as one string.
      let batch = '';
      for (const piece of jsonPieces(roadmap)) {
        batch += piece;
        if (batch.length >= WRITE_BATCH) {
          writeSync(fd, ascii(batch));
          batch = '';
        }
      }
      writeSync(fd, ascii(batch));
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

/** A temp file this old belongs to no writer still at work, whatever its pid says (a pid can be reused). */
const STALE_TEMP_MS = 10 * 60_000;

/** Whether process `pid` exists (EPERM: it does, and belongs to someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Keeps the folder at MAX_ENTRIES entries, and removes the temp files of writers that were killed mid-write (SIGTERM,
 * SIGKILL, a power cut): a temp file is `<entry>.<pid>-<ms>.tmp`, left behind when its process is gone or, in any
 * case, after STALE_TEMP_MS.
 */
function prune(dir: string): void {
  const names = readdirSync(dir);
  for (const name of names) {
    const temp = /\.(\d+)-\d+\.tmp$/.exec(name);
    if (!temp) continue;
    const path = join(dir, name);
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (!isAlive(Number(temp[1])) || age > STALE_TEMP_MS) rmSync(path, { force: true });
  }
  const entries = names.filter((name) => name.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries
    .map((name) => ({ name, mtime: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => a.mtime - b.mtime);
  for (const { name } of byAge.slice(0, entries.length - MAX_ENTRIES)) rmSync(join(dir, name), { force: true });
}

/** Roadmaps at least this big take a noticeable moment to parse the first time: the caller may show a spinner. */
export const SLOW_PARSE_BYTES = 256 * 1024;

/** From this size a first parse makes hundreds of MB of short-lived objects: see boundHeapGrowth. */
const BIG_PARSE_BYTES = 1024 * 1024;

/**
 * V8 lets the heap grow to about four times what survived the last full collection before it collects again. While a
 * 10 MB roadmap is parsed that means 370 MB of memory for about 150 MB of live objects; growing at most 2x keeps the
 * peak near 300 MB for about 9 % more time. Left on for the rest of the run, which prints the big tree.
 *
 * Why a flag change after start-up is safe here: Node's documentation calls changing V8 flags after the VM started
 * undefined behaviour because most flags are read once, when V8 sets up a subsystem or compiles code, so a late
 * change is ignored or leaves parts disagreeing. --heap-growing-percent is different: it is a plain number that V8's
 * heap controller reads each time it computes the next heap limit after a full collection, and nothing else reads
 * or caches it. The worst a future V8 could do is ignore it, which costs memory, not correctness; the memory figure
 * is watched by `npm run bench` (10 MB first run, peak RSS).
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
  /** How the user says the roadmap is built (`--sections`, `--topics`). */
  structure?: StructureChoice;
  /** Also report the readings considered (`validate --explain`). */
  explain?: boolean;
}

/** Called before a first parse of at least SLOW_PARSE_BYTES; the function it returns is awaited when it ends. */
export type SlowParseNotice = (input: { shown: string; bytes: number }) => Promise<() => Promise<void>>;

/**
 * Parses roadmap bytes, or returns the tree cached from the same bytes by the same parser build. The parser (and the
 * Markdown lexer under it) is imported only on a cache miss, so a repeated command never loads it.
 */
export async function parseCached(cacheRoot: string, bytes: Uint8Array, input: ParseInput, onSlowParse?: SlowParseNotice): Promise<Roadmap> {
  // Everything that changes the tree is in the options, and so in the cache key.
  const options: ParseOptions = { fallbackTitle: input.fallbackTitle };
  if (input.structure && (input.structure.sections !== undefined || input.structure.topics !== undefined)) options.structure = input.structure;
  if (input.explain) options.explain = true;
  const key = parseKey(options);
  const file = entryPath(parseCacheDir(cacheRoot), input.source);
  const cached = readParseCache(file, key, bytes);
  if (cached) return cached;
  const done = bytes.length >= SLOW_PARSE_BYTES && onSlowParse ? await onSlowParse({ shown: input.shown, bytes: bytes.length }) : undefined;
  try {
    const text = decodeBytes(bytes, input.shown);
    const { parseRoadmap } = await import('../core/parse/parse.js');
    if (bytes.length >= BIG_PARSE_BYTES) await boundHeapGrowth();
    const roadmap = parseRoadmap(text, options);
    writeParseCache(file, key, bytes, roadmap);
    return roadmap;
  } finally {
    await done?.();
  }
}
