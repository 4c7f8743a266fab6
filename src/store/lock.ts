import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { CliError, ExitCode } from '../errors.js';

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
  // The store's read-modify-write is synchronous, so waiting for the lock is too.
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
function breakStale(lockPath: string, judged: string): void {
  const breaker = `${lockPath}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch {
    // Another process is breaking it; a breaker left by a killed process is removed after a while.
    const seen = readOwner(breaker);
    if (seen && seen.ageMs > EMPTY_STALE_MS) unlinkQuietly(breaker);
    return;
  }
  try {
    if (readOwner(lockPath)?.raw === judged) unlinkQuietly(lockPath);
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

function acquire(lockPath: string, options: LockOptions): string {
  const token = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const content = JSON.stringify({ pid: process.pid, host: hostname(), token, at: new Date().toISOString() });
  const deadline = Date.now() + (options.waitMs ?? WAIT_MS);
  let told = false;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return token;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = readOwner(lockPath);
    if (seen && isStale(seen, options.staleMs ?? STALE_MS)) {
      breakStale(lockPath, seen.raw);
      continue;
    }
    const holder = seen?.owner ? `process ${seen.owner.pid} on ${seen.owner.host}` : 'another process';
    if (Date.now() > deadline) {
      throw new CliError(
        `the progress file is locked by ${holder} and stayed locked for ${Math.round((Date.now() - started) / 1000)} s`,
        ExitCode.failure,
        `if no other roadmap command is running, delete the lock file and try again: ${lockPath}`,
      );
    }
    if (!told && Date.now() - started > 1000) {
      told = true;
      options.onWait?.(holder);
    }
    // Random back-off so that waiting processes do not retry in lockstep.
    sleep(Math.min(50, 2 + attempt * 2) * (0.5 + Math.random()));
  }
}

/** Whether this process already holds the lock beside `target`. */
export function holdsLock(target: string): boolean {
  return held.has(`${target}.lock`);
}

/**
 * Runs `fn` while holding an exclusive lock file beside `target` (`target.lock`, created with O_EXCL). Works across
 * processes; a lock left by a killed process is detected (dead pid, or older than `staleMs`) and broken. Re-entrant
 * within a process.
 */
export function withLock<T>(target: string, fn: () => T, options: LockOptions = {}): T {
  const lockPath = `${target}.lock`;
  if (held.has(lockPath)) return fn();
  const token = acquire(lockPath, options);
  held.add(lockPath);
  try {
    return fn();
  } finally {
    held.delete(lockPath);
    // Only remove our own lock: if it was judged stale and broken, it now belongs to someone else.
    if (readOwner(lockPath)?.owner?.token === token) unlinkQuietly(lockPath);
  }
}
