import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgressState } from '../core/progress/history.js';
import { mergeProgress } from '../core/progress/sync-merge.js';
import { redact } from '../core/text/redact.js';
import { SyncError } from './errors.js';
import { git, gitBytes, GitFailure, gitOk, type GitSetup } from './git.js';
import { fileFor, isProgressFile, parseSyncFile, PROGRESS_DIR, serializeSyncFile } from './repo-format.js';

/** What one side of a sync holds: the roadmaps' progress in a commit (none for an empty remote). */
export interface Side {
  commit: string | undefined;
  states: Map<string, ProgressState>;
}

const README = `# Learning progress

This repository holds progress kept by the \`roadmap\` CLI and synced with \`roadmap sync\`: one JSON file per roadmap
under \`${PROGRESS_DIR}/\`, each topic, note and history entry on a line of its own. roadmap merges changes itself (the
newer change per topic wins, notes and history are united), so edits by hand are rarely needed.
`;

/** The sync repository: a git clone under the data folder whose work tree only roadmap writes. */
export class SyncRepo {
  constructor(
    readonly dir: string,
    readonly setup: GitSetup,
    readonly branch: string,
  ) {}

  /** Whether a clone is there. */
  exists(): boolean {
    return existsSync(join(this.dir, '.git'));
  }

  /**
   * Removes the index lock a killed git left behind. Only roadmap runs git in this clone, and only under the sync lock,
   * which the caller holds: any index lock found then is stale, and git would refuse every command until it is gone.
   */
  removeStaleLocks(): void {
    rmSync(join(this.dir, '.git', 'index.lock'), { force: true });
  }

  git(args: readonly string[]): string {
    return git(this.setup, this.dir, args);
  }

  /** The remote's address as configured, for git; never print it without `redact`. */
  remoteUrl(): string {
    try {
      return this.git(['config', '--get', 'remote.origin.url']);
    } catch (error) {
      if (error instanceof GitFailure) throw new SyncError(`the sync repository ${this.dir} has no remote "origin"`, 'set it up again: remove that folder and run roadmap sync init <repository>');
      throw error;
    }
  }

  /** The remote's address as it may be shown. */
  remoteLabel(): string {
    return redact(this.remoteUrl(), this.setup.secrets);
  }

  /** Pulls the remote's commits (no merge: sync merges the files itself). */
  fetch(): void {
    try {
      this.git(['fetch', '--quiet', '--prune', 'origin']);
    } catch (error) {
      if (!(error instanceof GitFailure)) throw error;
      throw new SyncError(
        `cannot reach the sync repository ${this.remoteLabel()}: ${error.message}`,
        'your local progress was not changed; check the connection or the address (roadmap sync status), and run roadmap sync again later: it catches up',
      );
    }
  }

  /** The remote branch's latest commit as last fetched; undefined while the remote has none. */
  remoteTip(): string | undefined {
    return this.commitOf(`refs/remotes/origin/${this.branch}`);
  }

  head(): string | undefined {
    return this.commitOf('HEAD');
  }

  private commitOf(ref: string): string | undefined {
    try {
      return this.git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) || undefined;
    } catch (error) {
      if (error instanceof GitFailure) return undefined;
      throw error;
    }
  }

  /** Whether `a` is `b` or one of its ancestors. */
  isAncestor(a: string, b: string): boolean {
    return gitOk(this.setup, this.dir, ['merge-base', '--is-ancestor', a, b]);
  }

  /** Commits in `to` that `from` does not have. */
  countCommits(from: string | undefined, to: string | undefined): number {
    if (to === undefined) return 0;
    return Number(this.git(['rev-list', '--count', from === undefined ? to : `${from}..${to}`]));
  }

  /** The roadmaps' progress in a commit, each file read with git and checked; a damaged one is refused by name. */
  read(commit: string | undefined, where: string): Side {
    const states = new Map<string, ProgressState>();
    if (commit === undefined) return { commit, states };
    const listing = this.git(['ls-tree', '-z', commit, '--', `${PROGRESS_DIR}/`]);
    for (const entry of listing.split('\0')) {
      const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (!match?.[1] || match[2] === undefined || !isProgressFile(match[2])) continue;
      const [, blob, path] = match;
      const parsed = parseSyncFile(gitBytes(this.setup, this.dir, ['cat-file', 'blob', blob]));
      if (!parsed.ok) {
        throw new SyncError(
          `${path} in the sync repository is damaged (${where}, commit ${commit.slice(0, 7)}): ${parsed.problem}`,
          'nothing was changed here and your local progress is kept; repair or remove that file in the repository (edit it in any clone, commit and push), then run roadmap sync again',
        );
      }
      const before = states.get(parsed.roadmapId);
      states.set(parsed.roadmapId, before ? mergeProgress(before, parsed.state) : parsed.state);
    }
    return { commit, states };
  }

  /**
   * Makes the work tree hold `states` on top of `base` (the remote's latest commit, or this clone's own when the
   * remote has none) and commits it with `message`. Returns the new commit, or undefined when nothing changed.
   */
  commit(base: string | undefined, states: ReadonlyMap<string, ProgressState>, message: readonly string[], withReadme: boolean): string | undefined {
    if (base !== undefined) this.git(['reset', '--quiet', '--hard', base]);
    const folder = join(this.dir, PROGRESS_DIR);
    mkdirSync(folder, { recursive: true });
    const wanted = new Map<string, string>();
    for (const [id, state] of states) {
      if (state.records.size > 0 || state.notes.length > 0 || state.events.length > 0) wanted.set(fileFor(id), serializeSyncFile(id, state));
    }
    for (const name of readdirSync(folder)) {
      const path = `${PROGRESS_DIR}/${name}`;
      if (isProgressFile(path) && !wanted.has(path)) rmSync(join(this.dir, path), { force: true });
    }
    for (const [path, text] of wanted) {
      const file = join(this.dir, path);
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeAtomically(join(this.dir, '.git'), file, text);
    }
    const paths = [PROGRESS_DIR];
    if (withReadme && !existsSync(join(this.dir, 'README.md'))) {
      writeFileSync(join(this.dir, 'README.md'), README);
      paths.push('README.md');
    }
    this.git(['add', '--all', '--', ...paths]);
    if (gitOk(this.setup, this.dir, ['diff', '--cached', '--quiet'])) return undefined;
    this.git([...this.identity(), 'commit', '--quiet', ...message.flatMap((m) => ['-m', m])]);
    return this.head();
  }

  /**
   * The learner's git identity when git has one; otherwise a stand-in, so a machine where git was never set up can
   * still sync (git refuses to commit without a name and e-mail).
   */
  private identity(): string[] {
    if (gitOk(this.setup, this.dir, ['var', 'GIT_AUTHOR_IDENT']) && gitOk(this.setup, this.dir, ['var', 'GIT_COMMITTER_IDENT'])) return [];
    return ['-c', 'user.name=roadmap', '-c', 'user.email=roadmap@localhost'];
  }

  /** Pushes HEAD to the remote branch; the failure (redacted) when git refuses or cannot reach it. */
  push(): GitFailure | undefined {
    try {
      this.git(['push', '--quiet', '--porcelain', 'origin', `HEAD:refs/heads/${this.branch}`]);
      return undefined;
    } catch (error) {
      if (error instanceof GitFailure) return error;
      throw error;
    }
  }
}

/** A file replaced whole (a temp file in `.git`, where `git add` never looks, then a rename): never half a file. */
function writeAtomically(gitDir: string, path: string, text: string): void {
  const temp = join(gitDir, `roadmap-write-${String(process.pid)}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, path);
}
