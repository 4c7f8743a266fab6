import { join } from 'node:path';
import { emptyState, type ProgressState } from '../core/progress/history.js';
import { countChanges, describeCounts, emptyCounts, mergeProgress, sameProgress, type ChangeCounts } from '../core/progress/sync-merge.js';
import { redact, secretsOf } from '../core/text/redact.js';
import { StoreError } from '../store/errors.js';
import { withLock } from '../store/lock.js';
import type { ProgressStore } from '../store/progress-store.js';
import { SyncError } from './errors.js';
import { GitFailure, type GitSetup } from './git.js';
import { SyncRepo, type Side } from './repo.js';
import { readSettings, syncPaths, updateSettings, type SyncSettings } from './settings.js';
import { appendAll } from '../core/append.js';

/** A push refused because the remote moved on is retried after a fresh pull this many times. */
export const PUSH_RETRIES = 3;
/** One git call in a sync the learner started; they can interrupt it. */
const FOREGROUND_GIT_MS = 5 * 60_000;
/** A background sync gives up quickly: it must never pile up or hang on a network that is gone. */
const BACKGROUND_GIT_MS = 20_000;
const BACKGROUND_TOTAL_MS = 60_000;

/** What a sync needs from the CLI: where the data is, the store, the environment git runs with, the clock. */
export interface SyncContext {
  dataDir: string;
  store: ProgressStore;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  background: boolean;
  /** Told when the sync waits for another one. */
  onWait?: (message: string) => void;
}

/** What one sync did. */
export interface SyncOutcome {
  /** The remote's address, redacted. */
  remote: string;
  machine: string;
  /** What the local progress took from the remote. */
  received: ChangeCounts;
  /** What the commit pushed to the remote carries. */
  sent: ChangeCounts;
  /** The commit made and pushed (short hash and message), when there was something to send. */
  commit?: { hash: string; message: string };
  /** Pushes refused because another machine pushed first, each followed by a fresh pull and merge. */
  retries: number;
  /** A background sync found that a later sync had already carried its change. */
  skipped: boolean;
}

/** git set up for this run; the remote's credentials are added once its address is known. */
export function gitSetup(sc: Pick<SyncContext, 'env' | 'background'>): GitSetup {
  const setup: GitSetup = { env: sc.env, timeoutMs: sc.background ? BACKGROUND_GIT_MS : FOREGROUND_GIT_MS, background: sc.background, secrets: [] };
  if (sc.background) setup.deadline = Date.now() + BACKGROUND_TOTAL_MS;
  return setup;
}

/** The sync repository and its settings; an error that says how to set sync up when it is not. */
export function openSync(sc: SyncContext): { repo: SyncRepo; settings: SyncSettings } {
  const settings = readSettings(sc.dataDir);
  const paths = syncPaths(sc.dataDir);
  const repo = new SyncRepo(paths.repo, gitSetup(sc), settings?.branch ?? 'main');
  if (!settings || !repo.exists()) {
    throw new SyncError('sync is not set up on this machine', 'set it up with a git repository you own: roadmap sync init <git-url-or-path>');
  }
  appendAll(repo.setup.secrets, secretsOf(repo.remoteUrl()));
  return { repo, settings };
}

/**
 * Pull, merge, commit, push. The remote's files are read with git and merged with the local progress in memory (the
 * import rule: the newer change per topic wins, notes and history are united), so git never merges and no conflict
 * marker can appear. Each roadmap's merge is one locked read-modify-write of the progress file, so a `done` run
 * meanwhile is either in this sync or kept for the next; the git work is under a lock of its own, so two syncs never
 * share the work tree. A push refused because another machine pushed first is retried after a fresh pull, at most
 * PUSH_RETRIES times. A failure leaves the local progress as it was (or merged, never half-merged).
 */
export async function runSync(sc: SyncContext): Promise<SyncOutcome> {
  const startedAt = Date.now();
  const { repo, settings } = openSync(sc);
  try {
    const outcome = await syncAttempts(sc, repo, settings, startedAt);
    recordLastSync(sc, { ok: true });
    return outcome;
  } catch (error) {
    const failure = asSyncError(error, repo.dir);
    recordLastSync(sc, { ok: false, message: redact(failure instanceof Error ? failure.message : String(failure), repo.setup.secrets) });
    throw failure;
  }
}

/**
 * A git command that failed in the clone itself (a full disk, a clone damaged by hand) or a file that could not be
 * written becomes a SyncError that says where; anything else is a bug and stays as it is.
 */
export function asSyncError(error: unknown, repoDir: string): unknown {
  if (error instanceof GitFailure) {
    return new SyncError(`git failed in the sync repository ${repoDir}: ${error.message}`, 'your local progress is kept; if this repeats, delete that folder and run roadmap sync init <repository> again');
  }
  if (error instanceof Error && 'syscall' in error) {
    return new SyncError(`sync could not write a file: ${error.message}`, 'check the free disk space and the permissions of that folder; your local progress is kept');
  }
  return error;
}

async function syncAttempts(sc: SyncContext, repo: SyncRepo, settings: SyncSettings, startedAt: number): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { remote: repo.remoteLabel(), machine: settings.machine, received: emptyCounts(), sent: emptyCounts(), retries: 0, skipped: false };
  for (let attempt = 0; attempt <= PUSH_RETRIES; attempt++) {
    const remote = await withSyncLock(sc, () => {
      repo.removeStaleLocks();
      if (sc.background && attempt === 0 && (readSettings(sc.dataDir)?.lastMergeAt ?? 0) > startedAt) return undefined;
      repo.fetch();
      return repo.read(repo.remoteTip(), `on the remote ${outcome.remote}`);
    });
    if (!remote) return { ...outcome, skipped: true };
    const readAt = Date.now();
    const merged = await mergeIntoStore(sc.store, remote.states, outcome.received);
    updateSettings(sc.dataDir, (s) => {
      s.lastMergeAt = Math.max(s.lastMergeAt ?? 0, readAt);
    });
    const pushed = await withSyncLock(sc, () => {
      repo.removeStaleLocks();
      return commitAndPush(repo, remote, merged, outcome);
    });
    if (pushed) return outcome;
    outcome.retries++;
  }
  throw new SyncError(
    `another machine pushed to ${outcome.remote} during each of ${String(PUSH_RETRIES + 1)} tries; your local progress has everything merged so far`,
    'run roadmap sync again in a moment',
  );
}

/** Merges the remote's progress into the store, roadmap by roadmap; returns what each roadmap holds now. */
async function mergeIntoStore(store: ProgressStore, remote: ReadonlyMap<string, ProgressState>, received: ChangeCounts): Promise<Map<string, ProgressState>> {
  const merged = new Map<string, ProgressState>();
  for (const id of [...new Set([...store.roadmapIds(), ...remote.keys()])].sort()) {
    const theirs = remote.get(id) ?? emptyState();
    const local = store.read(id);
    let result = mergeProgress(local, theirs);
    if (!sameProgress(result, local)) {
      // Merged again from the state read under the lock: what another command saved since the read above is kept.
      result = await store.update(id, (state) => {
        const m = mergeProgress(state, theirs);
        countChanges(state, m, received);
        state.records = m.records;
        state.notes = m.notes;
        state.events = m.events;
        return m;
      });
    }
    merged.set(id, result);
  }
  return merged;
}

/** Commits the merged progress on top of the remote's latest commit and pushes it; false when another push came first. */
function commitAndPush(repo: SyncRepo, remote: Side, merged: ReadonlyMap<string, ProgressState>, outcome: SyncOutcome): boolean {
  const sent = emptyCounts();
  const perRoadmap: string[] = [];
  for (const [id, state] of merged) {
    const counts = countChanges(remote.states.get(id) ?? emptyState(), state);
    countChanges(remote.states.get(id) ?? emptyState(), state, sent);
    const said = describeCounts(counts);
    if (said) perRoadmap.push(`${id}: ${said}`);
  }
  const subject = `${describeCounts(sent) || 'progress'} on ${outcome.machine}`;
  const base = remote.commit ?? repo.head();
  const made = repo.commit(base, merged, perRoadmap.length > 1 ? [subject, perRoadmap.join('\n')] : [subject], remote.commit === undefined);
  outcome.sent = sent;
  const head = repo.head();
  if (head === undefined || head === remote.commit) {
    delete outcome.commit;
    return true;
  }
  const failure = repo.push();
  if (!failure) {
    outcome.commit = { hash: head.slice(0, 7), message: made === undefined ? repo.git(['log', '-1', '--format=%s']) : subject };
    return true;
  }
  repo.fetch();
  if (repo.remoteTip() !== remote.commit) return false;
  throw new SyncError(`the sync repository ${outcome.remote} refused the push: ${failure.message}`, 'your local progress is merged and kept; check that you may push to that repository, then run roadmap sync again');
}

/** Runs git work under the sync lock (beside the data folder), so two syncs never use the work tree at once. */
async function withSyncLock<T>(sc: SyncContext, fn: () => T): Promise<T> {
  const target = syncPaths(sc.dataDir).repo;
  try {
    return await withLock(target, fn, {
      // A sync on a slow network is alive for minutes; a killed one is still noticed at once by its pid.
      staleMs: 15 * 60_000,
      waitMs: sc.background ? 2 * 60_000 : 10 * 60_000,
      onWait: () => sc.onWait?.('Waiting for another roadmap sync on this machine to finish…\n'),
    });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    throw new SyncError(`another roadmap sync is still running on this machine (${error.message})`, `wait for it to finish; if none is running, delete ${join(sc.dataDir, 'sync.lock')}`);
  }
}

function recordLastSync(sc: SyncContext, result: { ok: boolean; message?: string }): void {
  try {
    updateSettings(sc.dataDir, (s) => {
      s.lastSync = { at: sc.now().toISOString(), ok: result.ok, background: sc.background };
      if (result.message !== undefined) s.lastSync.message = result.message;
      // A failure the learner saw is not told again; a background one is, on the next run.
      if (!result.ok && !sc.background) s.lastSync.reported = true;
    });
  } catch {
    // Only the record of the sync is lost; the sync itself is unaffected.
  }
}
