import xterm from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';
import { BIN, ROOT } from './bin.js';

const COLS = 100;
const ROWS = 30;

/**
 * The built bin in a pseudo-terminal whose output is drawn by a real terminal emulator (xterm.js, headless), so a
 * test reads the screen as a person sees it: what a prompt erased is gone, what it redrew is there once.
 * (test/helpers/pty.ts gives the stream of everything printed instead.)
 */
export class ScreenSession {
  readonly exited: Promise<{ exitCode: number }>;
  private readonly term = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  private readonly pty: IPty;
  private pending = Promise.resolve();

  constructor(args: string[], opts: { home: string; env?: NodeJS.ProcessEnv }) {
    this.pty = spawn(process.execPath, [BIN, ...args], {
      name: 'xterm-256color',
      cols: COLS,
      rows: ROWS,
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: opts.home, ROADMAP_HOME: opts.home, TERM: 'xterm-256color', NO_COLOR: '1', ...opts.env },
    });
    this.pty.onData((d) => {
      this.pending = this.pending.then(() => new Promise<void>((resolve) => { this.term.write(d, resolve); }));
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit((e) => {
        resolve(e);
      });
    });
  }

  /** The screen's lines as shown now (trailing blanks trimmed, empty lines at the bottom dropped). */
  async screen(): Promise<string> {
    await this.pending;
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  /** Waits until the screen matches, or fails showing it. */
  async waitFor(pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const shown = await this.screen();
      if (typeof pattern === 'string' ? shown.includes(pattern) : pattern.test(shown)) return shown;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${shown}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  write(keys: string): void {
    this.pty.write(keys);
  }

  kill(): void {
    try {
      this.pty.kill();
    } catch {
      // already gone
    }
  }
}
