import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSettings, updateSettings, type LastSync } from './settings.js';

/** The CLI's bin, found from the bundle (dist/) or the sources (src/sync/). */
function binPath(): string | undefined {
  for (const relative of ['../bin/roadmap.js', '../../bin/roadmap.js']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** Whether auto-sync is on for this data folder. */
export function autoSyncOn(dataDir: string): boolean {
  return readSettings(dataDir)?.auto === true;
}

/**
 * Starts `roadmap sync --background` as a detached process and returns at once: the command that made the change
 * neither waits for it nor fails with it. How it ended is kept in the settings; a failure is told on the next run.
 */
export function startBackgroundSync(dataDir: string, env: NodeJS.ProcessEnv): void {
  const bin = binPath();
  const failed = (message: string): void => {
    updateSettings(dataDir, (s) => {
      s.lastSync = { at: new Date().toISOString(), ok: false, background: true, message };
    });
  };
  if (!bin) {
    failed('the roadmap program could not be found to sync in the background');
    return;
  }
  const child = spawn(process.execPath, [bin, 'sync', '--background'], { detached: true, stdio: 'ignore', env, windowsHide: true });
  child.on('error', (error) => {
    failed(`the background sync could not start: ${error.message}`);
  });
  child.unref();
}

/** A failed background sync not told yet, marked as told; undefined when there is none. */
export function takeUnreportedFailure(dataDir: string): LastSync | undefined {
  const last = readSettings(dataDir)?.lastSync;
  if (!last || last.ok || !last.background || last.reported) return undefined;
  let taken: LastSync | undefined;
  updateSettings(dataDir, (s) => {
    if (s.lastSync && !s.lastSync.ok && s.lastSync.background && !s.lastSync.reported) {
      taken = { ...s.lastSync };
      s.lastSync.reported = true;
    }
  });
  return taken;
}
