import type { Output } from './streams.js';

/** Options both spinners (in this thread and in the worker) give ora. */
export function oraOptions(text: string, stream: NodeJS.WritableStream): { text: string; stream: NodeJS.WritableStream; isEnabled: true; discardStdin: false; color: false } {
  // Our own decision stands (ora would look at process.env, not the context's); stdin is left alone for prompts.
  // No colour: chalk's default instance is not built for the terminal in the bundle (see scripts/build.mjs).
  return { text, stream, isEnabled: true, discardStdin: false, color: false };
}

/** ora moves the cursor through tty.WriteStream methods; any other Output (a test capture, fd 2) gets them as escapes. */
export function terminalStream(out: Output): NodeJS.WritableStream {
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
