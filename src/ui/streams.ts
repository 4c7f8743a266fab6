import { fstatSync, writeSync } from 'node:fs';
import type { Readable } from 'node:stream';

/** A place to write text; process.stdout, an FdOutput and test buffers all fit. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
  /** The Node stream behind it, for what needs a stream object (prompts, a spinner); absent for a test buffer. */
  readonly nodeStream?: NodeJS.WriteStream;
}

/** The three standard streams a command talks through, injected so tests can run commands in-process. */
export interface IO {
  stdout: Output;
  stderr: Output;
  stdin: Readable & { isTTY?: boolean };
  /** Whether stdin is a terminal, known without setting up the stdin stream (which costs start-up time); else ask it. */
  readonly stdinIsTTY?: boolean;
}

/**
 * Whether file descriptor `fd` is a terminal. A pipe, a file or /dev/null is known to be none from fstat alone;
 * only a character device that may be a terminal asks its Node stream (which loads node:tty).
 */
export function fdIsTTY(fd: 0 | 1 | 2, stream: () => { isTTY?: boolean }): boolean {
  return isCharacterDevice(fd) && stream().isTTY === true;
}

/**
 * A terminal's columns asked of the terminal itself (one ioctl), not the figure Node last stored. Node stores the size
 * again when SIGWINCH reaches its event loop, and the signal can wait on a busy machine while a key typed after the
 * resize is read first: the screen that key draws would be laid out for the old width. Falls back to Node's figure
 * where its handle cannot say (a closed terminal, another runtime).
 */
function columnsNow(stream: NodeJS.WriteStream): number | undefined {
  const handle = (stream as { _handle?: { getWindowSize?: (size: [number, number]) => number } })._handle;
  const size: [number, number] = [0, 0];
  if (typeof handle?.getWindowSize === 'function' && handle.getWindowSize(size) === 0 && size[0] > 0) return size[0];
  return stream.columns;
}

/** For a pipe whose reader is slow and that another process made non-blocking: wait a moment and write again. */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * stdout or stderr written straight to its file descriptor. A run writes its output in a few synchronous writes, as
 * process.stdout does on Linux for files, pipes and terminals alike, but process.stdout costs 3 to 4 ms to set up
 * on first use (the stream classes; for a pipe, the net module), more than a whole `roadmap next` computes; this
 * costs nothing. The Node stream is made only when something needs one (a prompt, a spinner, the size of a terminal).
 *
 * `roadmap list | head -3`: once the reader has gone, a write fails with EPIPE. That is the reader's choice, not an
 * error: the rest of the output is dropped and the command finishes (its saved work included).
 */
export class FdOutput implements Output {
  private closed = false;
  private tty: boolean | undefined;
  private readonly stream: () => NodeJS.WriteStream;

  constructor(
    private readonly fd: 1 | 2,
    stream: () => NodeJS.WriteStream,
  ) {
    this.stream = () => {
      const made = stream();
      madeStreams.add(made);
      return made;
    };
  }

  get isTTY(): boolean {
    this.tty ??= fdIsTTY(this.fd, this.stream);
    return this.tty;
  }

  /** A terminal's width as it is now (see sizeNow), for each screen drawn; none when not a terminal. */
  get columns(): number | undefined {
    return this.isTTY ? columnsNow(this.stream()) : undefined;
  }

  get nodeStream(): NodeJS.WriteStream {
    return this.stream();
  }

  write(text: string): boolean {
    if (this.closed) return true;
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(this.fd, bytes, done, bytes.length - done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
        else if (code === 'EPIPE') {
          this.closed = true;
          return true;
        } else throw error;
      }
    }
    return true;
  }
}

/** The Node streams FdOutputs had to make (for a prompt, a spinner, a terminal's size). */
const madeStreams = new Set<NodeJS.WriteStream>();

/**
 * Whether everything written has gone out: FdOutput writes synchronously, and a Node stream made for a prompt or a
 * spinner holds nothing still to write (a terminal on Windows is written asynchronously). Then the process may exit
 * at once (bin/roadmap.js) without losing output.
 */
export function outputSettled(): boolean {
  for (const stream of madeStreams) if (stream.writableLength > 0) return false;
  return true;
}

/** Whether fd may be a terminal: a character device other than Linux's memory devices (/dev/null, /dev/zero). */
function isCharacterDevice(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isCharacterDevice() && !(process.platform === 'linux' && (stat.rdev & 0xfff00) >> 8 === 1);
  } catch {
    return false;
  }
}
