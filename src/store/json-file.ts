import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { shellQuote } from '../core/text/shell-quote.js';
import { StoreError } from './errors.js';
import { assertLockHeld, holdsLock, withLock, withLockSync } from './lock.js';

/** What a validator says about parsed JSON. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

type Attempt<T> = { kind: 'missing' } | { kind: 'ok'; value: T } | { kind: 'damaged'; problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON text to a value, accepting a byte-order mark (editors on Windows add one). */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/**
 * The largest progress file read or written. Each change adds a few hundred bytes, so years of daily use stay under a
 * few MB; a file at this size still reads, changes and saves within the time and memory README promises (a 58 MB one
 * took 840 MB to change).
 */
export const MAX_STORE_BYTES = 32 * 1024 * 1024;

function attempt<T>(path: string, check: (value: unknown) => Checked<T>): Attempt<T> {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_STORE_BYTES) {
      throw new StoreError(
        `the progress file ${path} is ${megabytes(size)}, more than the ${megabytes(MAX_STORE_BYTES)} roadmap reads; it was left as it is`,
        `roadmap adds a few hundred bytes per change, so this file was not written by roadmap alone; move it away to start again: mv ${shellQuote(path)} ${shellQuote(`${path}.too-large`)}`,
      );
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new StoreError(`cannot read the progress file ${path}: ${(error as Error).message}`, 'check the permissions of the file and its folder');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: 'damaged', problem: `it contains NUL bytes (the first at byte ${nul}), as a crash or a disk error leaves` };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { kind: 'damaged', problem: 'it is not UTF-8 text' };
  }
  if (text.trim() === '') return { kind: 'missing' };
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (error) {
    return { kind: 'damaged', problem: `it is not valid JSON (${(error as Error).message})` };
  }
  let checked: Checked<T>;
  try {
    checked = check(value);
  } catch (error) {
    // The checks never recurse into values, but a stack overflow must still name the file and keep it, not crash.
    if (!(error instanceof RangeError)) throw error;
    return { kind: 'damaged', problem: 'it nests values too deeply to read' };
  }
  return checked.ok ? { kind: 'ok', value: checked.value } : { kind: 'damaged', problem: checked.problem };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/**
 * Reads a JSON file that `check` validates; missing or empty is undefined. A damaged file (truncated, not JSON, NUL
 * bytes, wrong shape) is never used or overwritten: it is moved aside to a timestamped name, `warn` gets both paths
 * and how to recover, and the caller starts from empty.
 */
export function readJsonFile<T>(path: string, check: (value: unknown) => Checked<T>, warn: (message: string) => void): T | undefined {
  const first = attempt(path, check);
  if (first.kind !== 'damaged') return first.kind === 'ok' ? first.value : undefined;
  const repair = (): T | undefined => {
    // Another process may have moved it aside (and written a new one) while this one waited for the lock.
    const again = attempt(path, check);
    if (again.kind !== 'damaged') return again.kind === 'ok' ? again.value : undefined;
    const aside = moveAside(path);
    warn(damagedMessage(path, aside, again.problem));
    return undefined;
  };
  return withLockSync(path, () => {
    const result = repair();
    syncFolder(dirname(path));
    return result;
  });
}

function moveAside(path: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = path.replace(/\.json$/, '');
  let aside = `${base}.damaged-${stamp}.json`;
  for (let n = 2; existsSync(aside); n++) aside = `${base}.damaged-${stamp}-${n}.json`;
  renameSync(path, aside);
  return aside;
}

function damagedMessage(path: string, aside: string, problem: string): string {
  return [
    `warning: the progress file ${path} is damaged: ${problem}.`,
    `It was moved aside, not deleted: ${aside}`,
    'Progress starts again from empty. To get the old progress back, repair the moved file (it is JSON) and put it',
    'back before marking anything new:',
    `  mv ${shellQuote(aside)} ${shellQuote(path)}`,
    '',
  ].join('\n');
}

/**
 * Runs a read-modify-write of `path` under its lock: leftovers of writers that were killed are removed first, and
 * the folder is synced after, so the rename that replaced the file survives a power cut. `fn` is synchronous.
 */
export async function withStoreLock<T>(path: string, fn: () => T, warn?: (message: string) => void): Promise<T> {
  if (holdsLock(path)) return fn();
  try {
    mkdirSync(dirname(path), { recursive: true });
    return await withLock(path, () => lockedWrite(path, fn), { onWait: (holder) => warn?.(`Waiting for ${holder} to finish writing ${path}…\n`) });
  } catch (error) {
    // A failed write (disk full, no permission) leaves the old file in place: conf renames only a complete temp file.
    if (!(error instanceof Error) || !('syscall' in error)) throw error;
    throw new StoreError(`could not save progress to ${path}: ${error.message}`, 'the progress file was left as it was before this command; free some disk space or fix the permissions and run it again');
  }
}

function lockedWrite<T>(path: string, fn: () => T): T {
  removeTempFiles(path);
  testPause('locked');
  try {
    return fn();
  } finally {
    syncFolder(dirname(path));
    testPause('written');
  }
}

/**
 * Replaces `path` with `text` under its lock (see withStoreLock): a temp file beside it is written and synced, then
 * renamed over it, so a reader or a crash sees the old file or the new one, never a mix. Right before the rename the
 * lock must still be this process's. A process that broke the lock of a stopped holder removes the temp files it finds
 * before it reads, so the stopped holder's rename then fails (its temp is gone) instead of overwriting what the other
 * process saves after: either the holder's write lands before the other process reads, or not at all.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = `${path}.tmp-${String(process.pid)}-${Math.random().toString(36).slice(2, 10)}`;
  let mode = 0o666;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    // A new file: the default mode, less the umask.
  }
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    assertLockHeld(path);
    testPause('checked');
    renameSync(temp, path);
  } catch (error) {
    unlinkQuietly(temp);
    // The temp file vanished: the lock was broken and its new holder cleared the folder.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') assertLockHeld(path);
    throw error;
  }
  testPause('renamed');
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already.
  }
}

/** Temp files of atomic writes (`progress.json.tmp-…`); only a killed or stopped writer leaves one, as writers hold the lock. */
function removeTempFiles(path: string): void {
  const prefix = `${basename(path)}.tmp-`;
  for (const name of readdirSync(dirname(path))) {
    if (!name.startsWith(prefix)) continue;
    try {
      unlinkSync(join(dirname(path), name));
    } catch {
      // Gone already.
    }
  }
}

function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Folders cannot be opened or synced on every platform (Windows); the rename is still atomic there.
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Test-only: ROADMAP_TEST_PAUSE_IN_WRITE=locked|checked|renamed|written holds a write at that point (the lock taken,
 * the lock checked right before the rename, the new file in place, the lock about to be released) for
 * ROADMAP_TEST_PAUSE_MS (60 s), so a test can kill or stop the process there.
 */
function testPause(phase: 'locked' | 'checked' | 'renamed' | 'written'): void {
  if (process.env.ROADMAP_TEST_PAUSE_IN_WRITE !== phase) return;
  process.stderr.write(`roadmap: test pause (${phase})\n`);
  Atomics.wait(pause, 0, 0, Number(process.env.ROADMAP_TEST_PAUSE_MS ?? 60_000));
}
