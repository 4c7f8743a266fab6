import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { findExecutable } from './launch/which.js';

/**
 * The command that opens a url in the system browser: $BROWSER, else the platform's opener, if installed. On Linux
 * without a display (a server over SSH, a container) xdg-open has no browser to start: that is no browser, so the
 * caller prints the url or path instead of claiming it opened it. WSL's wslview opens the Windows browser without one.
 */
export function browserCommand(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] | undefined {
  if (env.BROWSER) return [env.BROWSER];
  if (platform === 'darwin') return ['open'];
  // Never `cmd /c start`: cmd.exe splits a URL at `&` and runs the rest (`?a=1&calc` starts calc). rundll32 is started
  // directly, with the URL as one argument that no shell reads.
  if (platform === 'win32') return ['rundll32', 'url.dll,FileProtocolHandler'];
  if (findExecutable('wslview', env)) return ['wslview'];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  const opener = ['xdg-open', 'sensible-browser'].find((c) => findExecutable(c, env));
  return opener ? [opener] : undefined;
}

/**
 * The URL to hand a browser, or undefined: only http(s), parsed and written back in its normal form (spaces, quotes
 * and control characters percent-encoded), so the opener receives one plain argument whatever the roadmap wrote.
 */
export function safeWebUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  // eslint-disable-next-line no-control-regex
  return /[\s"\u0000-\u001f\u007f]/.test(parsed.href) ? undefined : parsed.href;
}

/** The argument vector that opens `target`: the opener, its own arguments, then the target as one argument. */
export function openerArgv(target: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string[] | undefined {
  const command = browserCommand(env, platform);
  return command ? [...command, target] : undefined;
}

/** Why browserCommand found nothing, in words. */
function noBrowser(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no display: $BROWSER, $DISPLAY and $WAYLAND_DISPLAY are not set';
  return '$BROWSER is not set and none of xdg-open, wslview, sensible-browser is installed';
}

/**
 * What became of a request to open a url: `opened` only when the launcher exited with 0; `failed` when there was no
 * launcher, it could not start or it exited otherwise (xdg-open without a browser exits 3); `waiting` when it had not
 * finished after `waitMs` (a browser given as $BROWSER that runs until it is closed).
 */
export type OpenResult = { kind: 'opened'; launcher: string } | { kind: 'failed'; launcher?: string; why: string } | { kind: 'waiting'; launcher: string };

/** Opens a url with the system's launcher and waits (up to `waitMs`) for it to say whether it worked. */
export function openUrl(url: string, env: NodeJS.ProcessEnv, waitMs = 3000): Promise<OpenResult> {
  const safe = safeWebUrl(url);
  if (safe === undefined) return Promise.resolve({ kind: 'failed', why: 'only well-formed http and https links are opened' });
  const argv = openerArgv(safe, env);
  const launcher = argv?.[0];
  if (!argv || !launcher) return Promise.resolve({ kind: 'failed', why: noBrowser(env) });
  return new Promise((resolve) => {
    // No shell anywhere: spawn starts the program itself and passes each argument as it is.
    const child = spawn(launcher, argv.slice(1), { detached: true, stdio: 'ignore', env, shell: false });
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

/** Opens a local file (a report) in the browser without waiting; false when there is no browser to open it with. */
export function openFile(path: string, env: NodeJS.ProcessEnv): boolean {
  const argv = openerArgv(pathToFileURL(path).href, env);
  if (!argv?.[0]) return false;
  try {
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: 'ignore', env, shell: false });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
