import { emptyState } from '../core/progress/history.js';
import { countChanges, emptyCounts, mergeProgress, type ChangeCounts } from '../core/progress/sync-merge.js';
import { SyncError } from './errors.js';
import type { SyncRepo } from './repo.js';
import { asSyncError, openSync, type SyncContext } from './run-sync.js';
import type { LastSync, SyncSettings } from './settings.js';

/** `roadmap sync status`: where progress syncs to and what a sync would carry each way. */
export interface SyncStatus {
  remote: string;
  branch: string;
  machine: string;
  auto: boolean;
  lastSync: LastSync | undefined;
  /** Whether the remote answered just now; when not, `fetchError` says why and the counts are as of the last fetch. */
  reachable: boolean;
  fetchError?: string;
  /** What a sync would push: local changes the remote does not have. */
  ahead: ChangeCounts;
  /** What a sync would pull: remote changes this machine does not have. */
  behind: ChangeCounts;
  /** Commits on the remote since this clone last synced. */
  remoteCommits: number;
}

/** Fetches (with the short background timeout: a status must not hang) and compares both sides. */
export function syncStatus(sc: SyncContext): SyncStatus {
  const { repo, settings } = openSync({ ...sc, background: true });
  try {
    return compare(sc, repo, settings);
  } catch (error) {
    throw asSyncError(error, repo.dir);
  }
}

function compare(sc: SyncContext, repo: SyncRepo, settings: SyncSettings): SyncStatus {
  let fetchError: string | undefined;
  try {
    repo.fetch();
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    fetchError = error.message;
  }
  const tip = repo.remoteTip();
  const remote = repo.read(tip, `on the remote ${repo.remoteLabel()}`).states;
  const ahead = emptyCounts();
  const behind = emptyCounts();
  for (const id of new Set([...sc.store.roadmapIds(), ...remote.keys()])) {
    const local = sc.store.read(id);
    const theirs = remote.get(id) ?? emptyState();
    const merged = mergeProgress(local, theirs);
    countChanges(theirs, merged, ahead);
    countChanges(local, merged, behind);
  }
  const status: SyncStatus = {
    remote: repo.remoteLabel(),
    branch: settings.branch,
    machine: settings.machine,
    auto: settings.auto,
    lastSync: settings.lastSync,
    reachable: fetchError === undefined,
    ahead,
    behind,
    remoteCommits: repo.countCommits(repo.head(), tip),
  };
  if (fetchError !== undefined) status.fetchError = fetchError;
  return status;
}
