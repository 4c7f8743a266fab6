import type { ParseOptions } from '../core/parse/parse.js';
import type { StructureChoice } from '../core/parse/structure/structure.js';
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../core/parse/normalize.js';
import { longHash, longHashBytes } from '../core/text/hash.js';
import { DEFAULT_TITLE, type Roadmap } from '../core/types.js';
import { readEntry, writeEntry, type EntryRead } from './cache-entry.js';
import { SourceError } from './errors.js';

/** Set by scripts/build.mjs from the sources and the Markdown lexer's version; absent when running from src/. */
declare const __ROADMAP_PARSER_FINGERPRINT__: string | undefined;

/** Changes whenever the parser may produce a different tree, so an upgrade never reads an old tree. */
export const PARSER_FINGERPRINT = typeof __ROADMAP_PARSER_FINGERPRINT__ === 'string' ? __ROADMAP_PARSER_FINGERPRINT__ : 'source';

/** More entries than this and the least recently written go: each file can be tens of MB for a huge roadmap. */
const MAX_ENTRIES = 32;

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
    hash = longHashBytes(bytes);
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

/**
 * The keys a tree parsed with `options` may be cached under: the options' own, and the key of trees whose title is
 * their own. The fallback title names only a roadmap without a title; a tree with one is the same whatever the
 * fallback, so it is stored under a key that leaves the fallback out (see storeKey). A file read with `--roadmap`
 * (fallback: the file name), from the shelf (fallback: the title found when it was added) and while `add` reads it
 * then shares one entry, and one parse.
 */
export function parseKeys(options: ParseOptions): string[] {
  return [parseKey(options), parseKey({ ...options, fallbackTitle: undefined, ownTitle: true })];
}

/**
 * The key `roadmap`, parsed with `options`, is stored under: the key of trees with their own title when its title
 * cannot have come from the fallback (or from the parser's last resort, "Roadmap", when there is none), the options'
 * own key otherwise.
 */
function storeKey(options: ParseOptions, roadmap: Roadmap): string {
  const [own, titled] = parseKeys(options) as [string, string];
  return roadmap.title === (options.fallbackTitle ?? DEFAULT_TITLE) ? own : titled;
}

/** One file per source (path, stdin, bundled): editing a roadmap replaces its entry instead of adding one. */
export function entryPath(dir: string, source: string): string {
  return join(dir, `${longHash(source)}.json`);
}

/**
 * The tree cached from exactly these bytes with one of these keys (see parseKeys), or undefined when there is none,
 * the file changed in any way (the stored bytes are compared, which is stronger than a hash and quicker than loading
 * node:crypto to make one), or the entry is damaged. The layout, and what happens when a part read later is damaged:
 * cache-entry.ts.
 */
export function readParseCache(file: string, keys: readonly string[], source: Uint8Array): Roadmap | undefined {
  const read = readEntry(file, keys, source);
  return read && hit(read, source);
}

/** The tree of an entry read for exactly `source`, whose content hash the entry holds (so it is not hashed again). */
function hit(read: EntryRead, source: Uint8Array): Roadmap {
  knownHashes.set(source, read.hash);
  return read.roadmap;
}

/**
 * The tree of `bytes` from the cache, read once: the entry of exactly these bytes, or of bytes that differ only where
 * task boxes were ticked or unticked (a `done` that ticked the learner's own file, or a box ticked in an editor). The
 * latter is not parsed: the entry's tree with those topics brought up to date (see retick), stored as the entry of
 * the new bytes. Undefined when there is no such entry, or a changed box is not the box of one task topic: the caller
 * parses then.
 */
async function fromCache(file: string, keys: readonly string[], bytes: Uint8Array): Promise<Roadmap | undefined> {
  const read = readEntry(file, keys, bytes, true);
  if (!read) return undefined;
  if (read.marks.length === 0) return hit(read, bytes);
  const { retick } = await import('../core/parse/task-boxes.js');
  try {
    // retick reads every section: one found damaged on the disk removes the entry, and the caller parses instead.
    if (!retick(read.roadmap, bytes, read.marks)) return undefined;
  } catch (error) {
    if (error instanceof SourceError) return undefined;
    throw error;
  }
  writeParseCache(file, read.key, bytes, read.roadmap);
  return read.roadmap;
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
      writeEntry(fd, key, source, contentHash(source), roadmap);
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
  const keys = parseKeys(options);
  const file = entryPath(parseCacheDir(cacheRoot), input.source);
  const cached = await fromCache(file, keys, bytes);
  if (cached) return cached;
  const done = bytes.length >= SLOW_PARSE_BYTES && onSlowParse ? await onSlowParse({ shown: input.shown, bytes: bytes.length }) : undefined;
  try {
    const text = decodeBytes(bytes, input.shown);
    const { parseRoadmap } = await import('../core/parse/parse.js');
    if (bytes.length >= BIG_PARSE_BYTES) await boundHeapGrowth();
    const roadmap = parseRoadmap(text, options);
    writeParseCache(file, storeKey(options, roadmap), bytes, roadmap);
    return roadmap;
  } finally {
    await done?.();
  }
}
