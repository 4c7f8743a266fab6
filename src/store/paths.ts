import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Paths {
  /** Folder of the progress file. */
  data: string;
  /** Folder for caches that can be thrown away. */
  cache: string;
}

/**
 * Where the tool writes. `ROADMAP_HOME` puts everything under one folder; otherwise the platform's standard places
 * (XDG on Linux, Library on macOS, AppData on Windows).
 */
export function resolvePaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Paths {
  const home = env.ROADMAP_HOME;
  if (home) return { data: home, cache: join(home, 'cache') };
  const user = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'darwin') {
    return { data: join(user, 'Library', 'Preferences', 'roadmap'), cache: join(user, 'Library', 'Caches', 'roadmap') };
  }
  if (platform === 'win32') {
    const appData = env.APPDATA ?? join(user, 'AppData', 'Roaming');
    const local = env.LOCALAPPDATA ?? join(user, 'AppData', 'Local');
    return { data: join(appData, 'roadmap', 'Config'), cache: join(local, 'roadmap', 'Cache') };
  }
  return {
    data: join(env.XDG_CONFIG_HOME || join(user, '.config'), 'roadmap'),
    cache: join(env.XDG_CACHE_HOME || join(user, '.cache'), 'roadmap'),
  };
}
