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
  if (platform === 'win32') return ['cmd', '/c', 'start', '""'];
  if (onPath('wslview', env)) return ['wslview'];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  const opener = ['xdg-open', 'sensible-browser'].find((c) => onPath(c, env));
  return opener ? [opener] : undefined;
}

/** Opens a url without waiting for the browser; returns false when there is no browser to open it with. */
export function openUrl(url: string, env: NodeJS.ProcessEnv): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  return launch(url, env);
}

/** Opens a local file (a report) in the browser as `openUrl` opens links; false when there is no browser. */
export function openFile(path: string, env: NodeJS.ProcessEnv): boolean {
  return launch(pathToFileURL(path).href, env);
}

function launch(target: string, env: NodeJS.ProcessEnv): boolean {
  const command = browserCommand(env);
  if (!command?.[0]) return false;
  try {
    const child = spawn(command[0], [...command.slice(1), target], { detached: true, stdio: 'ignore', env });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
