import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { redact } from '../core/text/redact.js';
import { SyncError } from './errors.js';

/** Variables that would point git at another repository than the one it is run in (set inside git hooks, say). */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_PREFIX'];

/** How git is run for one sync: where, with which environment, how long a call may take, and what to redact. */
export interface GitSetup {
  env: NodeJS.ProcessEnv;
  /** The longest one git call may take; a background sync uses a short one and never prompts. */
  timeoutMs: number;
  background: boolean;
  /** When the whole sync must be over (ms since 1970): each call gets what is left, at most `timeoutMs`. */
  deadline?: number;
  /** Credentials of the remote URL, hidden in every message (see core/text/redact.ts). */
  secrets: string[];
}

/** A git command that ran and failed (or timed out). Its text is redacted. */
export class GitFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = 'GitFailure';
  }
}

/**
 * Runs git with the learner's own configuration and credentials (their environment, minus variables that would aim it
 * at another repository), never through a shell. stdin is not connected: git asks for credentials on the terminal
 * itself, and a background sync asks for nothing (GIT_TERMINAL_PROMPT=0). Returns stdout as bytes.
 */
export function gitBytes(setup: GitSetup, cwd: string, args: readonly string[]): Buffer {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(setup.env).filter(([name]) => !REPOSITORY_VARIABLES.includes(name)));
  if (setup.background) Object.assign(env, { GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', SSH_ASKPASS_REQUIRE: 'never' });
  const timeout = Math.max(1, Math.min(setup.timeoutMs, (setup.deadline ?? Infinity) - Date.now()));
  try {
    return execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout, maxBuffer: 256 * 1024 * 1024, windowsHide: true, shell: false });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { status?: number | null; stderr?: Buffer; signal?: string | null };
    if (e.code === 'ENOENT' && e.syscall?.startsWith('spawn')) {
      // A missing working folder fails the same way as a missing git.
      if (!existsSync(cwd)) throw new GitFailure(`the folder ${cwd} is missing`, null, false);
      throw new SyncError('git is not installed, or not on PATH: roadmap sync uses git', 'install git (https://git-scm.com/downloads), then run the command again');
    }
    const timedOut = e.code === 'ETIMEDOUT' || (e.signal === 'SIGTERM' && e.status === null);
    const said = gitMessage(e.stderr?.toString('utf8') ?? '');
    const verb = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '-c') ?? '';
    const what = timedOut ? `git ${verb} did not finish within ${String(Math.ceil(timeout / 1000))} s` : said || `git ${verb} failed`;
    throw new GitFailure(redact(what, setup.secrets), e.status ?? null, timedOut);
  }
}

/** gitBytes as text, without the final newline. */
export function git(setup: GitSetup, cwd: string, args: readonly string[]): string {
  return gitBytes(setup, cwd, args).toString('utf8').replace(/\n$/, '');
}

/** Whether git succeeds (exit 0); a failure is false, a missing git still throws. */
export function gitOk(setup: GitSetup, cwd: string, args: readonly string[]): boolean {
  try {
    gitBytes(setup, cwd, args);
    return true;
  } catch (error) {
    if (error instanceof GitFailure && !error.timedOut) return false;
    throw error;
  }
}

/** What git said, without its `hint:` lines, at most the last 6 lines. */
function gitMessage(stderr: string): string {
  const lines = stderr.split(/\r?\n|\r/).map((l) => l.trimEnd()).filter((l) => l !== '' && !l.startsWith('hint:'));
  return lines.slice(-6).join('\n');
}
