import type { Readable } from 'node:stream';

/** A place to write text; process.stdout and test buffers both fit. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The three standard streams a command talks through, injected so tests can run commands in-process. */
export interface IO {
  stdout: Output;
  stderr: Output;
  stdin: Readable & { isTTY?: boolean };
}
