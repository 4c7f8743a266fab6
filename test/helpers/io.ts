import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';
import type { IO, Output } from '../../src/context.js';
import type { ProgressStore } from '../../src/store/progress-store.js';
import { PromptCancelled, type PromptChoice, type Prompter } from '../../src/ui/prompter.js';

/** A write target that remembers what was written. */
export class Capture implements Output {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns = 100,
  ) {}
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

/** A fresh ROADMAP_HOME in the system temp dir; removed by `cleanup`. */
export function tempHome(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-test-'));
  return { dir, cleanup: () => { rmSync(dir, { recursive: true, force: true }); } };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  home: string;
  tty?: boolean;
  stdin?: string;
  env?: NodeJS.ProcessEnv;
  prompter?: Prompter;
  cwd?: string;
  now?: () => Date;
  /** Another store than the ConfStore in `home` (a test that wraps it). */
  store?: ProgressStore;
}

/** Runs the CLI in-process with fake IO: a terminal when `tty` is set, piped otherwise. */
export async function run(args: string[], opts: RunOptions): Promise<RunResult> {
  const stdout = new Capture(opts.tty ?? false);
  const stderr = new Capture(opts.tty ?? false);
  const stdin = Object.assign(new PassThrough(), { isTTY: opts.tty ?? false });
  stdin.end(opts.stdin ?? '');
  const io: IO = { stdout, stderr, stdin };
  const env: NodeJS.ProcessEnv = { ROADMAP_HOME: opts.home, PATH: process.env.PATH, ...opts.env };
  const code = await main(args, {
    io,
    env,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    ...(opts.prompter ? { prompter: opts.prompter } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.store ? { store: opts.store } : {}),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export type PromptKind = 'confirm' | 'select' | 'search' | 'pickMany' | 'input' | 'editor';

/** One scripted answer: what kind of question is expected and how to answer it from what was offered. */
export interface ScriptedAnswer {
  kind: PromptKind;
  /** For select and search: gets the choices offered (for search, after typing `term`) and returns the value. */
  answer: unknown;
  term?: string;
}

export interface AskedQuestion {
  kind: PromptKind;
  message: string;
  choices: Array<PromptChoice<unknown>>;
  /** pickMany: the index of the choice the cursor starts on. */
  initial?: number;
  /** editor: the text the file opened with. */
  text?: string;
}

/** A prompter that answers from a script and fails the test on any unexpected question. */
export function scriptedPrompter(script: ScriptedAnswer[]): Prompter & { asked: AskedQuestion[] } {
  const asked: AskedQuestion[] = [];
  const steps = [...script];
  const next = (kind: PromptKind, message: string, choices: Array<PromptChoice<unknown>>, extra: Partial<AskedQuestion> = {}): unknown => {
    asked.push({ kind, message, choices, ...extra });
    const step = steps.shift();
    if (!step) throw new Error(`unexpected ${kind} prompt: ${message}`);
    if (step.kind !== kind) throw new Error(`expected a ${step.kind} prompt, got ${kind}: ${message}`);
    if (step.answer instanceof PromptCancelled) throw step.answer;
    return typeof step.answer === 'function' ? (step.answer as (c: Array<PromptChoice<unknown>>) => unknown)(choices) : step.answer;
  };
  const later = <T>(fn: () => unknown): Promise<T> => new Promise<T>((resolve) => {
    resolve(fn() as T);
  });
  return {
    asked,
    confirm: (message) => later(() => next('confirm', message, [])),
    select: (message, choices) => later(() => next('select', message, [...choices] as Array<PromptChoice<unknown>>)),
    search: (message, source) =>
      later(() => {
        const term = steps[0]?.term ?? '';
        return next('search', message, [...source(term)] as Array<PromptChoice<unknown>>);
      }),
    pickMany: (message, choices, options) =>
      later(() => {
        // What typing `term` would leave in the list, as the real picker filters it.
        const term = steps[0]?.term;
        const shown = term === undefined ? [...choices] : options.filter(term).map((i) => choices[i]).filter((c) => c !== undefined);
        return next('pickMany', message, shown, { initial: options.initial });
      }),
    input: (message) => later(() => next('input', message, [])),
    editor: (message, text) => later(() => next('editor', message, [], text === undefined ? {} : { text })),
  };
}
