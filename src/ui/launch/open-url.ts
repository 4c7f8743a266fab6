import { spawn } from 'node:child_process';
import { findExecutable } from './which.js';

/** The command that opens a url in the system browser: $BROWSER, else the platform's opener, if installed. */
export function browserCommand(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] | undefined {
  if (env.BROWSER) return [env.BROWSER];
  if (platform === 'darwin') return ['open'];
  if (platform === 'win32') return ['cmd', '/c', 'start', '""'];
  const opener = ['xdg-open', 'wslview', 'sensible-browser'].find((c) => findExecutable(c, env));
  return opener ? [opener] : undefined;
}

/**
 * What became of a request to open a url: `opened` only when the launcher exited with 0; `failed` when there was no
 * launcher, it could not start or it exited otherwise (xdg-open on a headless machine exits 3); `waiting` when it
 * had not finished after `waitMs` (a browser given as $BROWSER that runs until it is closed).
 */
export type OpenResult = { kind: 'opened'; launcher: string } | { kind: 'failed'; launcher?: string; why: string } | { kind: 'waiting'; launcher: string };

/** Opens a url with the system's launcher and waits (up to `waitMs`) for it to say whether it worked. */
export function openUrl(url: string, env: NodeJS.ProcessEnv, waitMs = 3000): Promise<OpenResult> {
  if (!/^https?:\/\//i.test(url)) return Promise.resolve({ kind: 'failed', why: 'only http and https links are opened' });
  const command = browserCommand(env);
  const launcher = command?.[0];
  if (!command || !launcher) return Promise.resolve({ kind: 'failed', why: '$BROWSER is not set and none of xdg-open, wslview, sensible-browser is installed' });
  return new Promise((resolve) => {
    const child = spawn(launcher, [...command.slice(1), url], { detached: true, stdio: 'ignore', env });
    const timer = setTimeout(() => {
      child.unref();
      resolve({ kind: 'waiting', launcher });
    }, waitMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ kind: 'failed', launcher, why: error.code === 'ENOENT' ? `${launcher} was not found` : error.message });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? { kind: 'opened', launcher } : { kind: 'failed', launcher, why: signal ? `${launcher} was stopped by ${signal}` : `${launcher} exited with code ${String(code)}` });
    });
  });
}
