// Runs in a worker thread (see spinner.ts): draws the spinner on file descriptor 2 by itself, so it keeps turning while
// the main thread is busy with synchronous work such as a first parse. Stops, clearing its line, on any message.
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import ora from 'ora';
import { oraOptions, terminalStream } from './terminal-stream.js';

const { text, columns } = workerData as { text: string; columns: number };
const stderr = { isTTY: true, columns, write: (s: string) => writeSync(2, s) };
// The cursor stays visible: a worker cannot put it back if the process is killed (Ctrl+C) while it spins.
const spinner = ora({ ...oraOptions(text, terminalStream(stderr)), hideCursor: false }).start();
parentPort?.once('message', () => {
  spinner.stop();
  parentPort?.close();
});
