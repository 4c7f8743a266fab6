import { resolvePaths, type Paths } from './store/paths.js';
import { ConfStore } from './store/conf-store.js';
import type { ProgressStore } from './store/progress-store.js';
import { createInquirerPrompter, type Prompter } from './ui/prompter.js';
import { inert } from './ui/sanitize.js';
import { FdOutput, fdIsTTY, type IO } from './ui/streams.js';

export type { IO, Output } from './ui/streams.js';

/** Everything a command may touch, injected so tests can run commands in-process. */
export interface Context {
  io: IO;
  env: NodeJS.ProcessEnv;
  cwd: string;
  paths: Paths;
  store: ProgressStore;
  prompter: Prompter;
  now: () => Date;
  /** Whether transient progress (a spinner) may be drawn on stderr: both streams a terminal, not CI, not --json. */
  feedback: boolean;
}

export interface ContextOverrides {
  io?: IO;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  store?: ProgressStore;
  prompter?: Prompter;
  now?: () => Date;
  feedback?: boolean;
}

/** Builds the real context (process streams, conf store, inquirer prompts) with any part replaced. */
export function createContext(overrides: ContextOverrides = {}): Context {
  const env = overrides.env ?? process.env;
  // Each stream is set up only when used: that costs start-up time most commands do not need (see FdOutput).
  const io = overrides.io ?? {
    stdout: new FdOutput(1, () => process.stdout),
    stderr: new FdOutput(2, () => process.stderr),
    get stdin() {
      return process.stdin;
    },
    get stdinIsTTY() {
      return fdIsTTY(0, () => process.stdin);
    },
  };
  const paths = resolvePaths(env);
  const prompter = overrides.prompter ?? createInquirerPrompter(io, env);
  return {
    io,
    env,
    cwd: overrides.cwd ?? process.cwd(),
    paths,
    store: overrides.store ?? new ConfStore(paths.data, (message) => io.stderr.write(inert(message, true))),
    prompter,
    now: overrides.now ?? (() => new Date()),
    // Only with a person at the terminal on both streams: `roadmap list | less` must not have a spinner drawn over it.
    feedback: overrides.feedback ?? (Boolean(io.stderr.isTTY && io.stdout.isTTY) && !env.CI && env.TERM !== 'dumb'),
  };
}

/** Prompts are allowed only when a person is at both ends. */
export function isInteractive(ctx: Context): boolean {
  return Boolean((ctx.io.stdinIsTTY ?? ctx.io.stdin.isTTY) && ctx.io.stdout.isTTY) && !ctx.env.CI;
}
