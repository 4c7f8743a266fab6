import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Output } from './streams.js';
import { oraOptions, terminalStream } from './terminal-stream.js';

/** A running spinner; `stop` clears it from the terminal (resolved once it is gone); `update` changes its text. */
export interface Spinner {
  stop(): Promise<void>;
  update(text: string): void;
}

const NONE: Spinner = { stop: () => Promise.resolve(), update: () => undefined };

/**
 * Shows an ora spinner on stderr while slow work runs. Only when `feedback` allows it (stdout and stderr are a
 * terminal, not CI, not a --json run); otherwise nothing at all is written. ora is loaded only here, when one is shown.
 */
export async function startSpinner(feedback: boolean, stderr: Output, text: string): Promise<Spinner> {
  if (!feedback) return NONE;
  if ((stderr.nodeStream ?? stderr) === process.stderr) {
    const inWorker = await startWorkerSpinner(text, process.stderr.columns);
    if (inWorker) {
      testHold();
      return inWorker;
    }
  }
  const { default: ora } = await import('ora');
  const spinner = ora(oraOptions(text, terminalStream(stderr))).start();
  testHold();
  return {
    stop: () => {
      spinner.stop();
      return Promise.resolve();
    },
    update: (next) => {
      spinner.text = next;
    },
  };
}

/**
 * The work a spinner waits for is often synchronous (a first parse), which would freeze a spinner drawn by this
 * thread. On the real terminal it is drawn by a worker thread instead (built next to the bundle as
 * spinner-worker.cjs; from the sources there is none, and this thread draws).
 */
async function startWorkerSpinner(text: string, columns: number | undefined): Promise<Spinner | undefined> {
  const file = fileURLToPath(new URL('./spinner-worker.cjs', import.meta.url));
  if (!existsSync(file)) return undefined;
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(file, { workerData: { text, columns: columns ?? 80 }, stdout: true, stderr: true });
  const gone = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      resolve();
    });
    worker.once('error', () => {
      resolve();
    });
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      await gone;
    },
    update: (next) => {
      worker.postMessage({ text: next });
    },
  };
}

/**
 * Test-only: ROADMAP_TEST_HOLD_SPINNER=<file> holds this thread once the spinner is shown, as a long first parse
 * does, until that file exists (a minute at most). A test can then watch the spinner turn for as long as it likes.
 */
function testHold(): void {
  const release = process.env.ROADMAP_TEST_HOLD_SPINNER;
  if (!release) return;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let slept = 0; slept < 60_000 && !existsSync(release); slept += 20) Atomics.wait(pause, 0, 0, 20);
}
