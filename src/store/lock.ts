import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { StoreError } from './errors.js';

export interface LockOptions {
  /** A lock older than this is stale even if its process still seems alive (a reused pid, a hung process). */
  staleMs?: number;
  /** How long to wait for a live holder before giving up. */
  waitMs?: number;
  /** Told once, after a second of waiting, who holds the lock. */
  onWait?: (holder: string) => void;
}

interface Owner {
  pid: number;
  host: string;
  token: string;
}

const STALE_MS = 15_000;
const WAIT_MS = 30_000;
/** A lock file still empty after this long was left by a process killed between creating and filling it. */
const EMPTY_STALE_MS = 2_000;
const held = new Set<string>();
const pause = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

function readOwner(lockPath: string): { owner?: Owner; raw: string; ageMs: number } | undefined {
  try {
    const raw = readFileSync(lockPath, 'utf8');
    const ageMs = Date.now() - statSync(lockPath).mtimeMs;
    try {
      const owner = JSON.parse(raw) as Owner;
      return typeof owner.pid === 'number' && typeof owner.token === 'string' ? { owner, raw, ageMs } : { raw, ageMs };
    } catch {
      return { raw, ageMs };
    }
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(seen: NonNullable<ReturnType<typeof readOwner>>, staleMs: number): boolean {
  if (!seen.owner) return seen.ageMs > EMPTY_STALE_MS;
  if (seen.ageMs > staleMs) return true;
  return seen.owner.host === hostname() && !isAlive(seen.owner.pid);
}

/**
 * Removes a stale lock, but only the one that was judged stale: breakers take turns through a second lock file,
 * so two processes breaking at once cannot remove a fresh lock taken in between.
 */
function breakStale(lockPath: string, judged: string): boolean {
  const breaker = `${lockPath}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch {
    // Another process is breaking it; a breaker left by a killed process is removed after a while.
    const seen = readOwner(breaker);
    if (seen && seen.ageMs > EMPTY_STALE_MS) unlinkQuietly(breaker);
    return false;
  }
  try {
    if (readOwner(lockPath)?.raw !== judged) return false;
    unlinkQuietly(lockPath);
    return true;
  } finally {
    closeSync(fd);
    unlinkQuietly(breaker);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

interface Attempt {
  lockPath: string;
  token: string;
  content: string;
  started: number;
  tries: number;
  told: boolean;
}

function begin(lockPath: string): Attempt {
  const token = `${String(process.pid)}-${String(Date.now())}-${Math.random().toString(36).slice(2)}`;
  const content = JSON.stringify({ pid: process.pid, host: hostname(), token, at: new Date().toISOString() });
  return { lockPath, token, content, started: Date.now(), tries: 0, told: false };
}

/** One try at taking the lock: true when taken, else how many milliseconds to wait before the next try. */
function tryOnce(a: Attempt, options: LockOptions): true | number {
  try {
    const fd = openSync(a.lockPath, 'wx');
    try {
      writeSync(fd, a.content);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new StoreError(`cannot create the lock file ${a.lockPath}: ${(error as Error).message}`, 'check that you may write in that folder');
    }
  }
  const seen = readOwner(a.lockPath);
  if (seen && isStale(seen, options.staleMs ?? STALE_MS)) return breakStale(a.lockPath, seen.raw) ? 0 : 5;
  const holder = seen?.owner ? `process ${String(seen.owner.pid)} on ${seen.owner.host}` : 'another process';
  const waited = Date.now() - a.started;
  if (waited > (options.waitMs ?? WAIT_MS)) {
    throw new StoreError(
      `the progress file is locked by ${holder} and stayed locked for ${String(Math.round(waited / 1000))} s`,
      `if no other roadmap command is running, delete the lock file and try again: ${a.lockPath}`,
    );
  }
  if (!a.told && waited > 1000) {
    a.told = true;
    options.onWait?.(holder);
  }
  // Random back-off so that waiting processes do not retry in lockstep.
  return Math.min(50, 2 + a.tries++ * 2) * (0.5 + Math.random());
}

/** Whether this process already holds the lock beside `target`. */
export function holdsLock(target: string): boolean {
  return held.has(`${target}.lock`);
}

function runHolding<T>(a: Attempt, fn: () => T): T {
  held.add(a.lockPath);
  try {
    return fn();
  } finally {
    held.delete(a.lockPath);
    // Only remove our own lock: if it was judged stale and broken, it now belongs to someone else.
    if (readOwner(a.lockPath)?.owner?.token === a.token) unlinkQuietly(a.lockPath);
  }
}

/**
 * Runs `fn` while holding an exclusive lock file beside `target` (`target.lock`, created with O_EXCL). Works across
 * processes; a lock left by a killed process is detected (dead pid, or older than `staleMs`) and broken. Re-entrant
 * within a process. Waiting is asynchronous, so Ctrl+C still works while another process holds the lock.
 */
export async function withLock<T>(target: string, fn: () => T, options: LockOptions = {}): Promise<T> {
  const a = begin(`${target}.lock`);
  if (held.has(a.lockPath)) return fn();
  for (let next = tryOnce(a, options); next !== true; next = tryOnce(a, options)) {
    const ms = next;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  return runHolding(a, fn);
}

/** withLock for the rare short critical section that must stay synchronous (moving a damaged file aside). */
export function withLockSync<T>(target: string, fn: () => T, options: LockOptions = {}): T {
  const a = begin(`${target}.lock`);
  if (held.has(a.lockPath)) return fn();
  for (let next = tryOnce(a, options); next !== true; next = tryOnce(a, options)) sleep(next);
  return runHolding(a, fn);
}
