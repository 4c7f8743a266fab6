// Runs in a worker thread (see spinner.ts): draws the spinner on file descriptor 2 by itself, so it keeps turning while
// the main thread is busy with synchronous work such as a first parse. `{ text }` changes its text; any other message
// stops it, clearing its line.
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import ora from 'ora';
import { oraOptions, terminalStream } from './terminal-stream.js';

const { text, columns } = workerData as { text: string; columns: number };
const stderr = { isTTY: true, columns, write: (s: string) => writeSync(2, s) };
// The cursor stays visible: a worker cannot put it back if the process is killed (Ctrl+C) while it spins.
const spinner = ora({ ...oraOptions(text, terminalStream(stderr)), hideCursor: false }).start();
parentPort?.on('message', (message: unknown) => {
  if (typeof message === 'object' && message !== null && typeof (message as { text?: unknown }).text === 'string') {
    spinner.text = (message as { text: string }).text;
    return;
  }
  spinner.stop();
  parentPort?.close();
});
