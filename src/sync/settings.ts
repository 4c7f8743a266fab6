import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLockSync } from '../store/lock.js';
import { isObject } from '../store/progress-store.js';

/** How the last sync ended. */
export interface LastSync {
  at: string;
  ok: boolean;
  /** Started by auto-sync after a change, not by the learner. */
  background: boolean;
  /** Why it failed (redacted). */
  message?: string;
  /** A failed background sync is told once, on the next run. */
  reported?: boolean;
}

/** What sync keeps beside the progress file (`sync.json`): the repository's remote lives in its own git config. */
export interface SyncSettings {
  /** The name commit messages give this machine ("3 done on laptop"). */
  machine: string;
  /** The branch of the remote that holds progress. */
  branch: string;
  /** Sync in the background after each change. */
  auto: boolean;
  lastSync?: LastSync;
  /** When the last sync read the local progress (ms since 1970): a background sync started before it has nothing to add. */
  lastMergeAt?: number;
}

/** The sync repository (a git clone) under the data folder, and the settings file beside it. */
export function syncPaths(dataDir: string): { repo: string; settings: string } {
  return { repo: join(dataDir, 'sync'), settings: join(dataDir, 'sync.json') };
}

/** The settings, or undefined when sync is not set up. An unreadable file counts as not set up. */
export function readSettings(dataDir: string): SyncSettings | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(syncPaths(dataDir).settings, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(raw) || typeof raw.machine !== 'string' || typeof raw.branch !== 'string') return undefined;
  const settings: SyncSettings = { machine: raw.machine, branch: raw.branch, auto: raw.auto === true };
  const last = raw.lastSync;
  if (isObject(last) && typeof last.at === 'string' && typeof last.ok === 'boolean') {
    settings.lastSync = { at: last.at, ok: last.ok, background: last.background === true };
    if (typeof last.message === 'string') settings.lastSync.message = last.message;
    if (last.reported === true) settings.lastSync.reported = true;
  }
  if (typeof raw.lastMergeAt === 'number') settings.lastMergeAt = raw.lastMergeAt;
  return settings;
}

/** Writes the settings whole (a temp file renamed over the old one). */
export function writeSettings(dataDir: string, settings: SyncSettings): void {
  const path = syncPaths(dataDir).settings;
  const temp = `${path}.tmp-${String(process.pid)}`;
  try {
    writeFileSync(temp, `${JSON.stringify(settings, undefined, 2)}\n`);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
    throw error;
  }
}

/** One read-modify-write of the settings under their lock (a background sync may be writing them too). */
export function updateSettings(dataDir: string, change: (settings: SyncSettings) => void): SyncSettings | undefined {
  const path = syncPaths(dataDir).settings;
  return withLockSync(path, () => {
    const settings = readSettings(dataDir);
    if (!settings) return undefined;
    change(settings);
    writeSettings(dataDir, settings);
    return settings;
  });
}
