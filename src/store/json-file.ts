import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { shellQuote } from '../core/text/shell-quote.js';
import { StoreError } from './errors.js';
import { holdsLock, withLock, withLockSync } from './lock.js';

/** What a validator says about parsed JSON. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

type Attempt<T> = { kind: 'missing' } | { kind: 'ok'; value: T } | { kind: 'damaged'; problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON text to a value, accepting a byte-order mark (editors on Windows add one). */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

function attempt<T>(path: string, check: (value: unknown) => Checked<T>): Attempt<T> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
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
  const checked = check(value);
  return checked.ok ? { kind: 'ok', value: checked.value } : { kind: 'damaged', problem: checked.problem };
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
  // conf writes in place instead of atomically when SNAP is set; this file must always be replaced atomically.
  const snap = process.env.SNAP;
  delete process.env.SNAP;
  try {
    return fn();
  } finally {
    if (snap !== undefined) process.env.SNAP = snap;
    syncFolder(dirname(path));
    testPause('written');
  }
}

/** Temp files of conf's atomic writes (`progress.json.tmp-…`); only a killed writer leaves one, as writers hold the lock. */
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

/** Test-only: ROADMAP_TEST_PAUSE_IN_WRITE=locked|written holds a write at that point so a test can kill the process. */
function testPause(phase: 'locked' | 'written'): void {
  if (process.env.ROADMAP_TEST_PAUSE_IN_WRITE !== phase) return;
  process.stderr.write(`roadmap: test pause (${phase})\n`);
  Atomics.wait(pause, 0, 0, 60_000);
}
