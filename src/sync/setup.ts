import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { redact, secretsOf } from '../core/text/redact.js';
import { SyncError } from './errors.js';
import { git, GitFailure } from './git.js';
import { asSyncError, gitSetup, runSync, type SyncContext, type SyncOutcome } from './run-sync.js';
import { readSettings, syncPaths, writeSettings } from './settings.js';
import { appendAll } from '../core/append.js';

export interface InitOutcome {
  /** The remote's address, redacted. */
  remote: string;
  /** A bare repository was created at a local path that did not exist. */
  created: boolean;
  branch: string;
  machine: string;
  /** Where the clone is. */
  repo: string;
  /** The first sync, or the error that stopped it (sync is set up either way). */
  sync: SyncOutcome | { error: unknown };
}

/** A URL (`https://…`, `ssh://…`, `file://…`) or git's `host:path` form; anything else is a path on this machine. */
export function isLocalPath(target: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return false;
  if (/^[a-z]:[\\/]/i.test(target)) return true;
  const colon = target.indexOf(':');
  const slash = target.search(/[\\/]/);
  return colon < 0 || (slash >= 0 && slash < colon);
}

/** A machine name for commit messages: the host name, or what the learner chose, on one line. */
export function machineName(chosen: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const name = (chosen ?? hostname()).replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 64);
  return name || 'this machine';
}

/**
 * `roadmap sync init`: clones the repository into the data folder (creating a bare one first when a local path does not
 * exist yet), remembers the machine's name, and runs the first sync, which pushes the progress that is here.
 */
export async function initSync(sc: SyncContext, target: string, cwd: string, chosenName: string | undefined): Promise<InitOutcome> {
  try {
    return await setUp(sc, target, cwd, chosenName);
  } catch (error) {
    throw asSyncError(error, syncPaths(sc.dataDir).repo);
  }
}

async function setUp(sc: SyncContext, target: string, cwd: string, chosenName: string | undefined): Promise<InitOutcome> {
  const paths = syncPaths(sc.dataDir);
  const setup = gitSetup(sc);
  appendAll(setup.secrets, secretsOf(target));
  if (existsSync(join(paths.repo, '.git')) && readSettings(sc.dataDir)) {
    let current = '';
    try {
      const url = git(setup, paths.repo, ['config', '--get', 'remote.origin.url']);
      current = redact(url, secretsOf(url));
    } catch {
      // Said without the address.
    }
    throw new SyncError(`sync is already set up on this machine${current ? ` with ${current}` : ''}`, `run roadmap sync; to use another repository, delete ${paths.repo} and ${paths.settings} first`);
  }
  // A missing git is reported before anything is created.
  git(setup, cwd, ['--version']);
  let url = target;
  let created = false;
  if (isLocalPath(target)) {
    url = isAbsolute(target) ? target : resolve(cwd, target);
    if (!existsSync(url)) {
      mkdirSync(url, { recursive: true });
      git(setup, url, ['init', '--quiet', '--bare']);
      git(setup, url, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
      created = true;
    }
  }
  const label = redact(url, setup.secrets);
  mkdirSync(sc.dataDir, { recursive: true });
  const temp = join(sc.dataDir, `sync.clone-${String(process.pid)}`);
  rmSync(temp, { recursive: true, force: true });
  rmSync(paths.repo, { recursive: true, force: true });
  try {
    git(setup, sc.dataDir, ['clone', '--quiet', '--origin', 'origin', '--', url, temp]);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!(error instanceof GitFailure)) throw error;
    throw new SyncError(`cannot clone ${label}: ${error.message}`, 'check the address and that git can reach it with your credentials (an empty repository you own is fine); nothing was changed');
  }
  const branch = remoteBranch(setup, temp);
  git(setup, temp, ['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
  renameSync(temp, paths.repo);
  const machine = machineName(chosenName);
  writeSettings(sc.dataDir, { machine, branch, auto: false });
  let sync: InitOutcome['sync'];
  try {
    sync = await runSync(sc);
  } catch (error) {
    sync = { error };
  }
  return { remote: label, created, branch, machine, repo: paths.repo, sync };
}

/** The branch the remote's HEAD names, else `main`, `master` or its only branch; `main` for an empty remote. */
function remoteBranch(setup: ReturnType<typeof gitSetup>, dir: string): string {
  const branches = git(setup, dir, ['for-each-ref', '--format=%(refname:lstrip=3)', 'refs/remotes/origin'])
    .split('\n')
    .filter((b) => b !== '' && b !== 'HEAD');
  try {
    const head = git(setup, dir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).replace(/^origin\//, '');
    if (branches.includes(head)) return head;
  } catch {
    // The remote's HEAD names no branch it has (an empty repository, or one whose default branch was never pushed).
  }
  return ['main', 'master'].find((b) => branches.includes(b)) ?? branches[0] ?? 'main';
}
