import { spawn, type IPty } from '@lydell/node-pty';
import { BIN, ROOT } from './bin.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

export const KEYS = { enter: '\r', down: '\u001b[B', up: '\u001b[A', escape: '\u001b', ctrlC: '\u0003' } as const;

/** The built bin in a real pseudo-terminal, as a person at a keyboard runs it. */
export class PtySession {
  private raw = '';
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  private readonly pty: IPty;

  constructor(args: string[], opts: { home: string; cols?: number; rows?: number; env?: NodeJS.ProcessEnv }) {
    this.pty = spawn(process.execPath, [BIN, ...args], {
      name: 'xterm-256color',
      cols: opts.cols ?? 100,
      rows: opts.rows ?? 40,
      cwd: ROOT,
      // Built from scratch: no CI variable, so the tool sees a person at a terminal.
      env: { PATH: process.env.PATH ?? '', HOME: opts.home, ROADMAP_HOME: opts.home, TERM: 'xterm-256color', ...opts.env },
    });
    this.pty.onData((d) => {
      this.raw += d;
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit((e) => {
        resolve(e);
      });
    });
  }

  /** Everything written to the terminal so far, escape sequences included. */
  get output(): string {
    return this.raw;
  }

  /** The program's process id, to stop and continue it as a busy machine would. */
  get pid(): number {
    return this.pty.pid;
  }

  /** Changes the terminal's size, as a person dragging the window does (the program gets SIGWINCH). */
  resize(cols: number, rows: number): void {
    this.pty.resize(cols, rows);
  }

  /** Everything shown so far, escape sequences removed. */
  get text(): string {
    return this.raw.replace(ANSI, '');
  }

  /** Screen text since `mark` (an index into `text`). */
  since(mark: number): string {
    return this.text.slice(mark);
  }

  write(keys: string): void {
    this.pty.write(keys);
  }

  /** Waits until the screen (after `from`) matches, or fails with what was on it. */
  async waitFor(pattern: RegExp | string | ((screen: string) => boolean), from = 0, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const matches = (seen: string): boolean =>
      typeof pattern === 'string' ? seen.includes(pattern) : typeof pattern === 'function' ? pattern(seen) : pattern.test(seen);
    for (;;) {
      const seen = this.since(from);
      if (matches(seen)) return seen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${seen}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  kill(): void {
    try {
      this.pty.kill();
    } catch {
      // already gone
    }
  }
}
