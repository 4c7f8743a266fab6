import type { Context, Output } from '../context.js';

/** A running spinner; `stop` clears it from the terminal. */
export interface Spinner {
  stop(): void;
}

const NONE: Spinner = { stop: () => undefined };

/**
 * Shows an ora spinner on stderr while slow work runs. Only when `ctx.feedback` allows it (stderr is a terminal, not
 * CI, not a --json run); otherwise nothing at all is written. ora is loaded only here, when one is shown.
 */
export async function startSpinner(ctx: Context, text: string): Promise<Spinner> {
  if (!ctx.feedback) return NONE;
  const { default: ora } = await import('ora');
  // Our own decision stands (ora would look at process.env, not the context's); stdin is left alone for prompts.
  // No colour: chalk's default instance is not built for the terminal in the bundle (see scripts/build.mjs).
  const spinner = ora({ text, stream: terminalStream(ctx.io.stderr), isEnabled: true, discardStdin: false, color: false }).start();
  return {
    stop: () => {
      spinner.stop();
    },
  };
}

/** ora moves the cursor through tty.WriteStream methods; any other Output (a test capture) gets them as escapes. */
function terminalStream(out: Output): NodeJS.WritableStream {
  if (typeof (out as Partial<NodeJS.WriteStream>).cursorTo === 'function') return out as unknown as NodeJS.WritableStream;
  const esc = (s: string): boolean => {
    out.write(s);
    return true;
  };
  const stream = {
    isTTY: true,
    columns: out.columns ?? 80,
    write: (chunk: unknown) => esc(String(chunk)),
    cursorTo: (x: number) => esc(`\u001b[${x + 1}G`),
    moveCursor: (dx: number, dy: number) =>
      esc(`${dy < 0 ? `\u001b[${-dy}A` : dy > 0 ? `\u001b[${dy}B` : ''}${dx < 0 ? `\u001b[${-dx}D` : dx > 0 ? `\u001b[${dx}C` : ''}`),
    clearLine: () => esc('\u001b[2K'),
    on: () => stream,
    once: () => stream,
    removeListener: () => stream,
  };
  return stream as unknown as NodeJS.WritableStream;
}
