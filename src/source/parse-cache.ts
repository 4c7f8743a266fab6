import { isAscii } from 'node:buffer';
import type { ParseOptions } from '../core/parse/parse.js';
import type { StructureChoice } from '../core/parse/structure/structure.js';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../core/parse/normalize.js';
import { longHash } from '../core/text/hash.js';
import type { Roadmap, Section, Topic } from '../core/types.js';
import { CacheCheck, cacheCheck } from './cache-check.js';
import { SourceError } from './errors.js';
import { jsonPieces, WRITE_BATCH } from '../core/text/json-pieces.js';

/** Set by scripts/build.mjs from the sources and the Markdown lexer's version; absent when running from src/. */
declare const __ROADMAP_PARSER_FINGERPRINT__: string | undefined;

/** Changes whenever the parser may produce a different tree, so an upgrade never reads an old tree. */
export const PARSER_FINGERPRINT = typeof __ROADMAP_PARSER_FINGERPRINT__ === 'string' ? __ROADMAP_PARSER_FINGERPRINT__ : 'source';

/**
 * Bumped when the layout of a cache file changes (6: the tree split into an outline and one part per section, with a
 * check; 5: the header holds the content hash; 4: named by the FNV-1a hash; 3: the source bytes, then the tree in
 * ASCII JSON).
 */
const FORMAT = 6;
/** More entries than this and the least recently written go: each file can be tens of MB for a huge roadmap. */
const MAX_ENTRIES = 32;

/**
 * An entry is one line of header, then the exact bytes the tree was parsed from, then the tree. The header names the
 * format, the parser build and the parse options (`key`), how many source bytes follow, their content hash and the
 * check of the tree (cache-check.ts): `{"format":6,"key":"…","source":1234,"hash":"<16 hex>","check":"<8 hex>"}`.
 * A reader knows all but the two hashes beforehand.
 *
 * The tree, in ASCII JSON, starts at the next multiple of 4 bytes (spaces fill the gap, so the check reads it as
 * words in place). First come the sections' topic lists, one after the other with nothing between them; then a
 * newline and the outline: the roadmap with each section's `topics` replaced by the offset where its list ends. A
 * reader parses the outline only, and a section's topics when something first asks for them (see lazyTopics): `next`
 * on a big roadmap reads one section, not the whole tree.
 */
function headerStart(key: string, sourceBytes: number): Buffer {
  return Buffer.from(`{"format":${FORMAT},"key":"${key}","source":${sourceBytes},"hash":"`);
}

const HASH_LENGTH = 16;
/** Between the content hash and the check. */
const CHECK_BEFORE = '","check":"';
const CHECK_LENGTH = 8;
/** What follows the check: the end of the header line. */
const HEADER_END = '"}\n';

/** Where the tree starts: the first multiple of 4 from `at`. */
function aligned(at: number): number {
  return (at + 3) & ~3;
}

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
 * one), or the entry is damaged (its check fails, or its outline is not a roadmap's). The sections' topics are read
 * when first asked for.
 */
export function readParseCache(file: string, key: string, source: Uint8Array): Roadmap | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = headerStart(key, source.length);
  const checkAt = head.length + HASH_LENGTH + CHECK_BEFORE.length;
  const start = checkAt + CHECK_LENGTH + HEADER_END.length;
  if (data.length < start + source.length || Buffer.compare(data.subarray(0, head.length), head) !== 0) return undefined;
  if (Buffer.compare(data.subarray(start, start + source.length), source) !== 0) return undefined;
  const hash = data.toString('latin1', head.length, head.length + HASH_LENGTH);
  const check = data.toString('latin1', checkAt, checkAt + CHECK_LENGTH);
  if (!/^[0-9a-f]{16}$/.test(hash) || !/^[0-9a-f]{8}$/.test(check)) return undefined;
  if (data.toString('latin1', checkAt - CHECK_BEFORE.length, checkAt) !== CHECK_BEFORE || data.toString('latin1', start - HEADER_END.length, start) !== HEADER_END) return undefined;
  const treeAt = aligned(start + source.length);
  for (let i = start + source.length; i < treeAt; i++) if (data[i] !== 0x20) return undefined;
  const tree = data.subarray(treeAt);
  // The tree is written in ASCII (see writeParseCache), which decodes byte for byte; anything else is damage.
  if (tree.length === 0 || !isAscii(tree) || cacheCheck(tree) !== check) return undefined;
  const outlineAt = tree.lastIndexOf(0x0a) + 1;
  if (outlineAt === 0) return undefined;
  let roadmap: unknown;
  try {
    roadmap = JSON.parse(tree.toString('latin1', outlineAt));
  } catch {
    return undefined;
  }
  if (!looksLikeRoadmap(roadmap)) return undefined;
  // Each section's `topics` is where its list ends; the lists fill the part before the outline exactly.
  let from = 0;
  for (const section of roadmap.sections as unknown[]) {
    const to = typeof section === 'object' && section !== null ? (section as Record<string, unknown>).topics : undefined;
    if (typeof to !== 'number' || !Number.isInteger(to) || to < from + 2 || to >= outlineAt) return undefined;
    lazyTopics(section as Section, tree, from, to, file);
    from = to;
  }
  if (from !== outlineAt - 1) return undefined;
  knownHashes.set(source, hash);
  return roadmap;
}

/**
 * Makes `section.topics` an own, enumerable property that parses the section's list on first use and then becomes
 * that plain array: spreads, JSON.stringify, Object.keys and assignments see ordinary data, in the same key order.
 */
function lazyTopics(section: Section, tree: Buffer, from: number, to: number, file: string): void {
  const settle = (topics: Topic[]): void => {
    Object.defineProperty(section, 'topics', { value: topics, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(section, 'topics', {
    enumerable: true,
    configurable: true,
    get(): Topic[] {
      const topics = topicsAt(tree, from, to, file);
      settle(topics);
      return topics;
    },
    set: settle,
  });
}

/**
 * A section's topics from the tree. The entry's check passed, so the list was written as it is read: a list that does
 * not parse means a writer went wrong, not the disk. The entry is removed and the command stops with a message.
 */
function topicsAt(tree: Buffer, from: number, to: number, file: string): Topic[] {
  let topics: unknown;
  try {
    topics = JSON.parse(tree.toString('latin1', from, to));
  } catch {
    topics = undefined;
  }
  if (Array.isArray(topics)) return topics as Topic[];
  try {
    rmSync(file, { force: true });
  } catch {
    // Left for the next writer to replace: a damaged entry is never read whole.
  }
  throw new SourceError(`a part of the parse cache entry ${file} cannot be read`, 'run the command again: the entry was removed, so the roadmap is read afresh');
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
      const head = Buffer.concat([headerStart(key, source.length), Buffer.from(`${contentHash(source)}${CHECK_BEFORE}`)]);
      // The check is known once the tree is written: it goes into its place in the header last.
      writeSync(fd, Buffer.concat([head, Buffer.from(`${'0'.repeat(CHECK_LENGTH)}${HEADER_END}`)]));
      writeSync(fd, source);
      const at = head.length + CHECK_LENGTH + HEADER_END.length + source.length;
      writeSync(fd, ' '.repeat(aligned(at) - at));
      const check = new CacheCheck();
      let batch = '';
      let written = 0;
      const put = (text: string, flush = false): void => {
        batch += text;
        if (batch.length < WRITE_BATCH && !flush) return;
        const bytes = Buffer.from(batch, 'latin1');
        writeSync(fd, bytes);
        check.update(bytes);
        written += bytes.length;
        batch = '';
      };
      // In slices: the tree of a 10 MB roadmap is 30 MB of JSON, which need not exist as one string. ASCII from the
      // start, so that lengths are byte offsets.
      const ends: number[] = [];
      for (const section of roadmap.sections) {
        let pending = '';
        for (const piece of jsonPieces(section.topics)) {
          pending += piece;
          if (pending.length >= WRITE_BATCH) {
            put(ascii(pending));
            pending = '';
          }
        }
        put(ascii(pending));
        ends.push(written + batch.length);
      }
      put('\n');
      const outline = { ...roadmap, sections: roadmap.sections.map((s, i) => ({ ...s, topics: ends[i] })) };
      for (const piece of jsonPieces(outline)) put(ascii(piece));
      put('', true);
      writeSync(fd, check.digest(), head.length, 'latin1');
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
