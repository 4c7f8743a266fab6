import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { StoreError } from './errors.js';

export interface LockOptions {
  /**
   * A lock whose heartbeat has not moved for this long is stale even if its process seems alive: the holder is stopped
   * (Ctrl+Z, a suspended machine), hung, or the pid was reused by another program.
   */
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
/** How often a holder refreshes its lock file's time, from a thread of its own (see startHeartbeat). */
export const HEARTBEAT_MS = 1_000;
/** A lock file still empty after this long was left by a process killed between creating and filling it. */
const EMPTY_STALE_MS = 2_000;
/** Lock path -> this process's token in it, for the locks this process holds. */
const held = new Map<string, string>();
const pause = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

interface Seen {
  owner?: Owner;
  raw: string;
  /** The lock file's time: when it was created or its holder's heartbeat last refreshed it. */
  mtimeMs: number;
  ageMs: number;
}

function readOwner(lockPath: string): Seen | undefined {
  try {
    const raw = readFileSync(lockPath, 'utf8');
    const mtimeMs = statSync(lockPath).mtimeMs;
    const ageMs = Date.now() - mtimeMs;
    try {
      const owner = JSON.parse(raw) as Owner;
      return typeof owner.pid === 'number' && typeof owner.token === 'string' ? { owner, raw, mtimeMs, ageMs } : { raw, mtimeMs, ageMs };
    } catch {
      return { raw, mtimeMs, ageMs };
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

/**
 * Whether a lock may be broken. A holder on this host whose process is gone: at once. Otherwise only when its heartbeat
 * has stopped: the file's time is older than `staleMs` and this process has itself watched it stand still for a few
 * heartbeats (after a machine wakes from sleep every clock jumps at once, and a live holder's next beat is due).
 */
function isStale(a: Attempt, seen: Seen, staleMs: number): boolean {
  if (!seen.owner) return seen.ageMs > EMPTY_STALE_MS;
  if (seen.owner.host === hostname() && !isAlive(seen.owner.pid)) return true;
  if (seen.ageMs <= staleMs) {
    a.still = undefined;
    return false;
  }
  if (a.still?.raw !== seen.raw || a.still.mtimeMs !== seen.mtimeMs) {
    a.still = { raw: seen.raw, mtimeMs: seen.mtimeMs, since: Date.now() };
    return false;
  }
  return Date.now() - a.still.since > 2 * HEARTBEAT_MS;
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
  /** A lock seen older than the stale limit: since when this process has watched it stand still. */
  still?: { raw: string; mtimeMs: number; since: number } | undefined;
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
  if (seen && isStale(a, seen, options.staleMs ?? STALE_MS)) return breakStale(a.lockPath, seen.raw) ? 0 : 5;
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

/**
 * Throws unless this process still holds the lock beside `target`. Called right before the rename that publishes a
 * write: a holder that was stopped long enough for another process to break its lock must not overwrite what that
 * process saved since.
 */
export function assertLockHeld(target: string): void {
  const lockPath = `${target}.lock`;
  const token = held.get(lockPath);
  if (token !== undefined && readOwner(lockPath)?.owner?.token === token) return;
  throw new StoreError(
    `this command was stopped for more than ${String(STALE_MS / 1000)} s (Ctrl+Z, a suspended machine, heavy swapping) while it held the lock on ${lockPath}, and another roadmap command took the lock over; so as not to overwrite that command's change, this one saved nothing`,
    'run the command again',
  );
}

/**
 * Keeps a held lock's file time fresh from a worker thread, so the heartbeat goes on while the main thread is busy in
 * a long synchronous read-modify-write, and stops only when the whole process stops (SIGSTOP, suspend) or dies. The
 * thread touches the file only while it still holds this process's token.
 */
function startHeartbeat(Worker: WorkerClass, lockPath: string, token: string): InstanceType<WorkerClass> | undefined {
  const code = `
    const { workerData: w } = require('node:worker_threads');
    const fs = require('node:fs');
    setInterval(() => {
      try {
        if (!fs.readFileSync(w.lockPath, 'utf8').includes(w.token)) return;
        const now = new Date();
        fs.utimesSync(w.lockPath, now, now);
      } catch {}
    }, w.every);`;
  try {
    const worker = new Worker(code, { eval: true, workerData: { lockPath, token, every: HEARTBEAT_MS } });
    worker.on('error', () => undefined);
    worker.unref();
    return worker;
  } catch {
    // Without a thread the lock still works; a holder busy for over 15 s may then lose it and fail, never save over another.
    return undefined;
  }
}

/**
 * From this size a read-modify-write of the file takes long enough to want a heartbeat. Below it the lock is held
 * for a few milliseconds: only a stopped process (whose heartbeat thread stops too) or a hung disk could hold it for
 * the 15 s after which it counts as stale, and a holder whose lock was taken over then saves nothing (assertLockHeld),
 * so no change is ever lost. The thread costs 10 to 15 ms per write (starting it, stopping it at exit): more than a
 * whole `roadmap done` should take.
 */
export const HEARTBEAT_FROM_BYTES = 1024 * 1024;

/** Whether holding the lock of `target` may take long: a big file, or a test that holds it on purpose. */
function mayHoldLong(target: string): boolean {
  if (process.env.ROADMAP_TEST_PAUSE_IN_WRITE !== undefined) return true;
  return (statSync(target, { throwIfNoEntry: false })?.size ?? 0) >= HEARTBEAT_FROM_BYTES;
}

/** node:worker_threads is loaded only by commands that write a big file, not at start-up. */
type WorkerClass = typeof import('node:worker_threads').Worker;

function runHolding<T>(a: Attempt, fn: () => T, Worker?: WorkerClass): T {
  held.set(a.lockPath, a.token);
  const beat = Worker ? startHeartbeat(Worker, a.lockPath, a.token) : undefined;
  try {
    return fn();
  } finally {
    void beat?.terminate();
    held.delete(a.lockPath);
    // Only remove our own lock: if it was judged stale and broken, it now belongs to someone else.
    if (readOwner(a.lockPath)?.owner?.token === a.token) unlinkQuietly(a.lockPath);
  }
}

/**
 * Runs `fn` while holding an exclusive lock file beside `target` (`target.lock`, created with O_EXCL). Works across
 * processes; a lock left by a killed process is detected (dead pid, or a heartbeat stopped for `staleMs`) and broken.
 * Re-entrant within a process. Waiting is asynchronous, so Ctrl+C still works while another process holds the lock.
 * A writer calls assertLockHeld right before publishing what it wrote.
 */
export async function withLock<T>(target: string, fn: () => T, options: LockOptions = {}): Promise<T> {
  const a = begin(`${target}.lock`);
  if (held.has(a.lockPath)) return fn();
  const Worker = mayHoldLong(target) ? (await import('node:worker_threads')).Worker : undefined;
  for (let next = tryOnce(a, options); next !== true; next = tryOnce(a, options)) {
    const ms = next;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  return runHolding(a, fn, Worker);
}

/** withLock for the rare short critical section that must stay synchronous (moving a damaged file aside). */
export function withLockSync<T>(target: string, fn: () => T, options: LockOptions = {}): T {
  const a = begin(`${target}.lock`);
  if (held.has(a.lockPath)) return fn();
  for (let next = tryOnce(a, options); next !== true; next = tryOnce(a, options)) sleep(next);
  return runHolding(a, fn);
}
