import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN, ROOT, type SpawnResult } from './bin.js';

export interface Started {
  child: ChildProcessWithoutNullStreams;
  /** Resolves when the process has exited, with what it printed. */
  done: Promise<SpawnResult>;
  /** Resolves when stderr first contains `text`. */
  stderrIncludes(text: string): Promise<void>;
}

/** Starts the built bin like spawnBin, but hands back the child so a test can kill it mid-way. */
export function startBin(args: string[], opts: { home: string; env?: NodeJS.ProcessEnv; stdin?: string | Buffer }): Started {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: opts.home, ROADMAP_HOME: opts.home, CI: 'true', ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    for (const w of waiters.filter((x) => stderr.includes(x.text))) w.resolve();
  });
  child.stdin.on('error', () => undefined);
  child.stdin.end(opts.stdin ?? '');
  const done = new Promise<SpawnResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    done,
    stderrIncludes: (text) =>
      new Promise((resolve, reject) => {
        if (stderr.includes(text)) {
          resolve();
          return;
        }
        waiters.push({ text, resolve });
        void done.then(() => {
          reject(new Error(`process ended before stderr showed "${text}": ${stderr}`));
        });
      }),
  };
}
