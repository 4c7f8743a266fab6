import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';
import type { IO, Output } from '../../src/context.js';
import type { Prompter } from '../../src/ui/prompter.js';

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
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A prompter that answers from a script and fails the test on any unexpected question. */
export function scriptedPrompter(answers: { confirm?: boolean[]; editor?: string[] }): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const confirms = [...(answers.confirm ?? [])];
  const edits = [...(answers.editor ?? [])];
  return {
    asked,
    confirm(message) {
      asked.push(message);
      const next = confirms.shift();
      if (next === undefined) return Promise.reject(new Error(`unexpected confirm: ${message}`));
      return Promise.resolve(next);
    },
    editor(message) {
      asked.push(message);
      const next = edits.shift();
      if (next === undefined) return Promise.reject(new Error(`unexpected editor: ${message}`));
      return Promise.resolve(next);
    },
  };
}
