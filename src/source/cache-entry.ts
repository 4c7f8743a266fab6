import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import type { Roadmap, Section, Topic } from '../core/types.js';
import type { MarkChange } from '../core/parse/task-boxes.js';
import { countsByOwnIds, setUnreadCounts, type SectionCounts } from '../core/tree.js';
import { work } from '../core/work.js';
import { jsonPieces, WRITE_BATCH } from '../core/text/json-pieces.js';
import { SourceError } from './errors.js';

/**
 * Bumped when the layout of a cache file changes (7: each section in the outline says how many topics count in it and
 * how many are groups; 6: an outline, and each section's topics read when first asked for; 5: the header holds the
 * content hash; 4: named by the FNV-1a hash; 3: the source bytes, then the tree in ASCII JSON). An entry of another
 * format is a miss: the roadmap is parsed again and the entry rewritten.
 */
const FORMAT = 7;

/**
 * An entry is one line of header, the exact bytes the tree was parsed from, each section's topics, and the outline.
 *
 * - The header: `{"format":6,"key":"…","source":1234,"hash":"<16 hex>","outline":"<12 digits>"}` and a newline: the
 *   format, the parser build and parse options (`key`), how many source bytes follow, their content hash, and where
 *   the outline starts. A reader knows the part up to the hash beforehand; the rest has a fixed length.
 * - The topics of each section, as ASCII JSON arrays, one after the other with nothing between them.
 * - The outline, in ASCII JSON, to the end of the file: the roadmap with each section's `topics` replaced by the
 *   offset where its list ends (counted from the end of the source), and `leaves` and `groups`, how many of its
 *   topics count and how many group others (absent for a section whose topic ids do not all start with its own: see
 *   tree.ts, countsByOwnIds).
 *
 * A reader compares the source and parses the outline only; a section's topics are read, checked and parsed when
 * something first asks for them (see lazyTopics). `next` on a big roadmap reads one section, not the whole tree, and
 * the part of the file it does not need is never read: reading is most of what a cached run costs.
 */
function headerStart(key: string, sourceBytes: number): Buffer {
  return Buffer.from(`{"format":${FORMAT},"key":"${key}","source":${sourceBytes},"hash":"`);
}

const HASH_LENGTH = 16;
const OFFSET_LENGTH = 12;
/** The fixed-length rest of the header after the content hash; the writer fills in the offset last. */
function headerRest(outlineAt: number): string {
  return `","outline":"${String(outlineAt).padStart(OFFSET_LENGTH, '0')}"}\n`;
}
const HEADER_REST = /^","outline":"(\d{12})"}\n$/;
const HEADER_REST_LENGTH = headerRest(0).length;

/** The source is compared a piece at a time through one small buffer: a buffer as big as the file costs more to fill. */
const COMPARE_PIECE = 64 * 1024;

/** A roadmap read from an entry, with the content hash the entry holds for its bytes. */
export interface EntryRead {
  roadmap: Roadmap;
  hash: string;
  /** The key the entry was stored under: the first of the keys given that it has. */
  key: string;
  /**
   * Where the bytes given differ from the bytes the tree was parsed from (each a space, `x` or `X` on both sides), and
   * the entry's byte there: empty unless readEntry was asked to allow changed task-box marks.
   */
  marks: MarkChange[];
}

/**
 * The tree stored in `file` for exactly the bytes `source` with one of these keys, or undefined when there is none,
 * the bytes differ in any way (compared byte for byte), or the header or outline is damaged (not ASCII, not JSON, not
 * a roadmap's outline, or its offsets do not fill the file). The sections' topics are read when first asked for.
 *
 * With `marks`, bytes of the same length that differ only where both have a space, `x` or `X` (what ticking task boxes
 * changes) are accepted too, and listed in `marks`: the tree is then the one parsed from the entry's bytes, for the
 * caller to bring up to date or refuse (see parse-cache.ts, fromCache).
 */
export function readEntry(file: string, keys: readonly string[], source: Uint8Array, marks = false): EntryRead | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  let read: EntryRead | undefined;
  try {
    read = readOpen(fd, file, keys, source, marks);
  } catch {
    read = undefined;
  }
  if (!read) closeSync(fd);
  return read;
}

/** readEntry on an open entry; the file stays open while sections are still to be read, and is closed after. */
function readOpen(fd: number, file: string, keys: readonly string[], source: Uint8Array, allowMarks: boolean): EntryRead | undefined {
  let head: Buffer | undefined;
  let header: Buffer | undefined;
  let key = '';
  for (const k of keys) {
    head = headerStart(k, source.length);
    header = readAt(fd, 0, head.length + HASH_LENGTH + HEADER_REST_LENGTH);
    key = k;
    if (header && Buffer.compare(header.subarray(0, head.length), head) === 0) break;
    header = undefined;
  }
  if (!head || !header) return undefined;
  const headerLength = header.length;
  const hash = header.toString('latin1', head.length, head.length + HASH_LENGTH);
  const rest = HEADER_REST.exec(header.toString('latin1', head.length + HASH_LENGTH));
  if (!/^[0-9a-f]{16}$/.test(hash) || !rest) return undefined;
  const topicsAt = headerLength + source.length;
  const marks = allowMarks ? markChanges(fd, headerLength, source) : sameBytes(fd, headerLength, source) ? [] : undefined;
  if (!marks) return undefined;
  const outlineAt = Number(rest[1]);
  const outline = outlineAt >= topicsAt ? readAt(fd, outlineAt, fstatSync(fd).size - outlineAt) : undefined;
  // The tree is written in ASCII (see writeEntry), which decodes byte for byte; anything else is damage.
  if (!outline || outline.length === 0 || !isAscii(outline)) return undefined;
  const roadmap = JSON.parse(outline.toString('latin1')) as unknown;
  if (!looksLikeRoadmap(roadmap)) return undefined;
  // Each section's `topics` is where its list ends; the lists fill the part between the source and the outline.
  const parts: Array<[Section, number, number, SectionCounts | undefined]> = [];
  let from = 0;
  for (const section of roadmap.sections as unknown[]) {
    const fields = typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
    const to = fields.topics;
    const { leaves, groups } = fields;
    if (typeof to !== 'number' || !Number.isInteger(to) || to < from + 2) return undefined;
    const counted = isCount(leaves) && isCount(groups);
    if (!counted && (leaves !== undefined || groups !== undefined)) return undefined;
    // The counts are the entry's, not the tree's: the section keeps only the fields a parse gives it.
    delete fields.leaves;
    delete fields.groups;
    parts.push([section as Section, from, to, counted ? { leaves, groups } : undefined]);
    from = to;
  }
  if (topicsAt + from !== outlineAt) return undefined;
  const open: OpenEntry = { fd, file, left: parts.length, closed: false };
  for (const [section, start, end, counts] of parts) lazyTopics(section, open, topicsAt + start, end - start, counts);
  if (parts.length === 0) release(open);
  return { roadmap, hash, marks, key };
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function looksLikeRoadmap(value: unknown): value is Roadmap {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Record<keyof Roadmap, unknown>>;
  return typeof r.title === 'string' && Array.isArray(r.sections) && Array.isArray(r.overview) && Array.isArray(r.warnings);
}

/** `length` bytes of the file from `position`, or undefined when it holds fewer. */
function readAt(fd: number, position: number, length: number): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, bytes, got, length - got, position + got);
    if (n === 0) return undefined;
    got += n;
  }
  return bytes;
}

/** Whether the file holds exactly `bytes` from `position`. */
function sameBytes(fd: number, position: number, bytes: Uint8Array): boolean {
  return comparePieces(fd, position, bytes, () => false);
}

const SPACE = 0x20;
const isMark = (byte: number | undefined): boolean => byte === SPACE || byte === 0x78 || byte === 0x58;

/**
 * Where the file from `position` differs from `bytes`, each a space, `x` or `X` on both sides, with the file's byte;
 * undefined when any other byte differs or the file holds fewer bytes.
 */
function markChanges(fd: number, position: number, bytes: Uint8Array): MarkChange[] | undefined {
  const changes: MarkChange[] = [];
  const onlyMarks = comparePieces(fd, position, bytes, (piece, at, length) => {
    for (let i = 0; i < length; i++) {
      const was = piece[i];
      const now = bytes[at + i];
      if (was === now) continue;
      if (!isMark(was) || !isMark(now)) return false;
      changes.push({ offset: at + i, was: was as number });
    }
    return true;
  });
  return onlyMarks ? changes : undefined;
}

/**
 * Compares the file from `position` with `bytes` a piece at a time, through one small buffer (a buffer as big as the
 * file costs more to fill): false when the file holds fewer bytes, or `differs` says no to a piece that is not the
 * same (the piece, where it starts in `bytes`, and its length).
 */
function comparePieces(fd: number, position: number, bytes: Uint8Array, differs: (piece: Buffer, at: number, length: number) => boolean): boolean {
  const piece = Buffer.allocUnsafe(Math.min(COMPARE_PIECE, bytes.length));
  for (let at = 0; at < bytes.length; at += piece.length) {
    const length = Math.min(piece.length, bytes.length - at);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, piece, got, length - got, position + at + got);
      if (n === 0) return false;
      got += n;
    }
    if (Buffer.compare(piece.subarray(0, length), bytes.subarray(at, at + length)) !== 0 && !differs(piece, at, length)) return false;
  }
  return true;
}

/** An entry a roadmap still reads sections from: its file stays open, so a writer replacing it changes nothing here. */
interface OpenEntry {
  fd: number;
  file: string;
  /** Sections neither read nor collected: the file is closed when none are left. */
  left: number;
  closed: boolean;
}

/** One section's part of an entry. */
interface Part {
  open: OpenEntry;
  read: boolean;
}

/** Counts a section collected unread (a long-lived process reads many roadmaps, and drops them): see lazyTopics. */
const unread = new FinalizationRegistry<Part>((part) => {
  if (!part.read) done(part);
});

function done(part: Part): void {
  part.read = true;
  if (--part.open.left === 0) release(part.open);
}

function release(open: OpenEntry): void {
  if (open.closed) return;
  open.closed = true;
  try {
    closeSync(open.fd);
  } catch {
    // Nothing to do: the descriptor is gone either way.
  }
}

/**
 * Makes `section.topics` an own, enumerable property that reads the section's list on first use and then becomes that
 * plain array: spreads, JSON.stringify, Object.keys and assignments see ordinary data, in the same key order. The
 * file closes once every section is read or collected unread: no getter can be reached after that.
 */
function lazyTopics(section: Section, open: OpenEntry, position: number, length: number, counts: SectionCounts | undefined): void {
  const part: Part = { open, read: false };
  const settle = (topics: Topic[]): void => {
    Object.defineProperty(section, 'topics', { value: topics, writable: true, enumerable: true, configurable: true });
    setUnreadCounts(section, undefined);
    if (!part.read) done(part);
  };
  setUnreadCounts(section, counts);
  Object.defineProperty(section, 'topics', {
    enumerable: true,
    configurable: true,
    get(): Topic[] {
      const topics = readTopics(open, position, length);
      settle(topics);
      return topics;
    },
    set: settle,
  });
  unread.register(section, part);
}

/**
 * A section's topics, read and checked as far as it is cheap: ASCII, JSON, an array of objects. The header, source
 * and outline were sound when the entry was opened, and a writer replaces an entry, never writes into one: a list
 * that fails here was damaged on the disk. There is no tree to give then, and parsing the roadmap takes the parser,
 * which only an await can load: the entry is removed and the command stops with a message saying to run it again
 * (which parses). Checking every list up front would cost reading them all, the very thing this layout avoids.
 */
function readTopics(open: OpenEntry, position: number, length: number): Topic[] {
  let topics: unknown;
  try {
    const bytes = open.closed ? undefined : readAt(open.fd, position, length);
    if (bytes && isAscii(bytes)) topics = JSON.parse(bytes.toString('latin1'));
  } catch {
    topics = undefined;
  }
  if (Array.isArray(topics) && topics.every((t) => typeof t === 'object' && t !== null && !Array.isArray(t))) {
    work.cachedSections++;
    return topics as Topic[];
  }
  release(open);
  try {
    rmSync(open.file, { force: true });
  } catch {
    // The next writer replaces it.
  }
  throw new SourceError(`a part of the parse cache entry ${open.file} is damaged; the entry was removed`, 'run the command again: the roadmap will be read afresh');
}

/**
 * Writes the entry for `source` (with content hash `hash`) and `roadmap` to the open file `fd`: the header with
 * zeros where the outline's offset goes, the source, each section's topics, the outline, then the header's
 * last fields. In pieces: the tree of a 10 MB roadmap is 30 MB of JSON, which need not exist as one string.
 */
export function writeEntry(fd: number, key: string, source: Uint8Array, hash: string, roadmap: Roadmap): void {
  const head = Buffer.concat([headerStart(key, source.length), Buffer.from(hash)]);
  writeSync(fd, Buffer.concat([head, Buffer.from(headerRest(0))]));
  writeSync(fd, source);
  const position = head.length + HEADER_REST_LENGTH + source.length;
  // ASCII text (see ascii) is written as latin1, one byte per character: its length is its size in bytes, and Node
  // encodes it natively during the write (no Buffer made and joined in JavaScript).
  let batch = '';
  const flush = (): void => {
    if (batch) writeAll(fd, batch);
    batch = '';
  };
  /** Writes JSON in ASCII (so that lengths are byte counts) and returns how long it was. */
  const put = (value: unknown): number => {
    let length = 0;
    for (const piece of jsonPieces(value)) {
      const text = ascii(piece);
      length += text.length;
      batch += text;
      if (batch.length >= WRITE_BATCH) flush();
    }
    return length;
  };
  const ends: number[] = [];
  let end = 0;
  for (const section of roadmap.sections) {
    end += put(section.topics);
    ends.push(end);
  }
  put({ ...roadmap, sections: roadmap.sections.map((s, i) => ({ ...s, topics: ends[i], ...countsByOwnIds(s) })) });
  flush();
  writeSync(fd, headerRest(position + end), head.length, 'latin1');
}

/** Writes all of `text` (ASCII) at the file's current position: writeSync may write less than it was given. */
function writeAll(fd: number, text: string): void {
  let bytes = writeSync(fd, text, null, 'latin1');
  if (bytes === text.length) return;
  const rest = Buffer.from(text, 'latin1');
  while (bytes < rest.length) bytes += writeSync(fd, rest, bytes, rest.length - bytes);
}

/** JSON text with every non-ASCII character as a \uXXXX escape: the same JSON, read back faster (see readEntry). */
function ascii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
