import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const full = join(dir, command);
    try {
      accessSync(full, constants.X_OK);
      return full;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

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
  if (onPath('wslview', env)) return ['wslview'];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  const opener = ['xdg-open', 'sensible-browser'].find((c) => onPath(c, env));
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

/** Opens a url without waiting for the browser; returns false when there is no browser to open it with. */
export function openUrl(url: string, env: NodeJS.ProcessEnv): boolean {
  const safe = safeWebUrl(url);
  return safe !== undefined && launch(safe, env);
}

/** Opens a local file (a report) in the browser as `openUrl` opens links; false when there is no browser. */
export function openFile(path: string, env: NodeJS.ProcessEnv): boolean {
  return launch(pathToFileURL(path).href, env);
}

function launch(target: string, env: NodeJS.ProcessEnv): boolean {
  const argv = openerArgv(target, env);
  if (!argv?.[0]) return false;
  try {
    // No shell anywhere: spawn starts the program itself and passes each argument as it is.
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: 'ignore', env, shell: false });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
