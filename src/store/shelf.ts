import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StoreError } from './errors.js';
import { withLock } from './lock.js';

/** Where a roadmap on the shelf was read from. */
export type ShelfKind = 'file' | 'url' | 'github' | 'stdin' | 'roadmap.sh';

export const SHELF_KINDS: readonly ShelfKind[] = ['file', 'url', 'github', 'stdin', 'roadmap.sh'];

/** One roadmap the learner follows. Its progress is stored under its name. */
export interface ShelfEntry {
  name: string;
  title: string;
  kind: ShelfKind;
  /** As given to `add`, made absolute for files and folders: a path, a URL, `github:owner/repo…`, or `-`. */
  source: string;
  /** File name of the kept copy, in the shelf's folder. */
  copy: string;
  /** Hash of the kept copy's bytes (core/text/hash.ts longHash over the bytes read as Latin-1). */
  hash: string;
  addedAt: string;
  updatedAt: string;
  /** done, reset, skip and undo tick the boxes in the file at `source`. */
  writeBack?: boolean;
}

/** A removed roadmap, kept so the removal can be undone (`roadmap add --restore NAME`). */
export interface RemovedEntry extends ShelfEntry {
  removedAt: string;
  /** With --purge: the file (in the shelf's folder) that holds the progress taken out of the store. */
  purged?: string;
}

export interface ShelfData {
  schemaVersion: 1;
  /** The roadmap commands use when none is named; absent means the bundled one. */
  current?: string;
  roadmaps: ShelfEntry[];
  removed: RemovedEntry[];
}

export function emptyShelf(): ShelfData {
  return { schemaVersion: 1, roadmaps: [], removed: [] };
}

/**
 * The shelf: `shelf.json` beside the progress file, and the kept copies in `roadmaps/`. Changes are one locked
 * read-modify-write of the whole file, written to a temp file and renamed, so a reader sees the old or the new file.
 */
export class Shelf {
  readonly file: string;
  /** The folder of kept copies (and of purged progress). */
  readonly dir: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'shelf.json');
    this.dir = join(dataDir, 'roadmaps');
  }

  read(): ShelfData {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyShelf();
      throw new StoreError(`cannot read the shelf ${this.file}: ${(error as Error).message}`, 'check the permissions of the file and its folder');
    }
    if (text.trim() === '') return emptyShelf();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch (error) {
      throw new StoreError(`the shelf ${this.file} is damaged: it is not valid JSON (${(error as Error).message})`, 'repair it (it is JSON) or move it aside; your progress is in another file and is not affected');
    }
    return toShelf(parsed, this.file);
  }

  /** One locked read-modify-write: `change` edits the data read fresh under the lock; its result is returned. */
  async update<T>(change: (data: ShelfData) => T): Promise<T> {
    mkdirSync(dirname(this.file), { recursive: true });
    return withLock(this.file, () => {
      const data = this.read();
      const result = change(data);
      writeAtomic(this.file, Buffer.from(`${JSON.stringify(data, null, 2)}\n`));
      return result;
    });
  }

  /** Path of a kept copy. */
  pathOf(copy: string): string {
    return join(this.dir, copy);
  }

  /** Keeps `bytes` as the copy named `copy`, atomically. */
  writeCopy(copy: string, bytes: Uint8Array): string {
    mkdirSync(this.dir, { recursive: true });
    const path = this.pathOf(copy);
    writeAtomic(path, bytes);
    return path;
  }

  removeFile(copy: string): void {
    rmSync(this.pathOf(copy), { force: true });
  }
}

/** Writes a temp file beside `path`, syncs it and renames it over `path`. */
export function writeAtomic(path: string, bytes: Uint8Array, mode?: number): void {
  const temp = `${path}.${process.pid}-${Date.now().toString(36)}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      // The learner's file keeps its permissions (the umask would otherwise decide them).
      if (mode !== undefined) fchmodSync(fd, mode);
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new StoreError(`could not write ${path}: ${(error as Error).message}`, 'free some disk space or fix the permissions and run it again');
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toEntry(raw: unknown): ShelfEntry | undefined {
  if (!isObject(raw)) return undefined;
  const { name, title, kind, source, copy, hash, addedAt, updatedAt, writeBack } = raw;
  if (typeof name !== 'string' || typeof source !== 'string' || typeof copy !== 'string' || !SHELF_KINDS.includes(kind as ShelfKind)) return undefined;
  const entry: ShelfEntry = {
    name,
    title: typeof title === 'string' ? title : name,
    kind: kind as ShelfKind,
    source,
    copy,
    hash: typeof hash === 'string' ? hash : '',
    addedAt: typeof addedAt === 'string' ? addedAt : '',
    updatedAt: typeof updatedAt === 'string' ? updatedAt : '',
  };
  if (writeBack === true) entry.writeBack = true;
  return entry;
}

function toShelf(parsed: unknown, file: string): ShelfData {
  if (!isObject(parsed) || !Array.isArray(parsed.roadmaps)) {
    throw new StoreError(`the shelf ${file} is damaged: it has no "roadmaps" list`, 'repair it (it is JSON) or move it aside; your progress is in another file and is not affected');
  }
  if (typeof parsed.schemaVersion === 'number' && parsed.schemaVersion > 1) {
    throw new StoreError(`the shelf ${file} was written by a newer version of roadmap (schema ${parsed.schemaVersion}); it was left as it is`, 'upgrade roadmap to use it');
  }
  const data = emptyShelf();
  if (typeof parsed.current === 'string') data.current = parsed.current;
  for (const raw of parsed.roadmaps) {
    const entry = toEntry(raw);
    if (entry) data.roadmaps.push(entry);
  }
  for (const raw of Array.isArray(parsed.removed) ? parsed.removed : []) {
    const entry = toEntry(raw);
    if (!entry || !isObject(raw)) continue;
    const removed: RemovedEntry = { ...entry, removedAt: typeof raw.removedAt === 'string' ? raw.removedAt : '' };
    if (typeof raw.purged === 'string') removed.purged = raw.purged;
    data.removed.push(removed);
  }
  return data;
}
