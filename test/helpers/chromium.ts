import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Debian's chromium (apt-get install chromium), or the binary ROADMAP_CHROMIUM names; undefined when absent. */
export const CHROMIUM: string | undefined = (() => {
  if (process.env.ROADMAP_CHROMIUM) return process.env.ROADMAP_CHROMIUM;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
})();

/**
 * The flags every run uses: headless, no sandbox (CI runs as root), none of the browser's own background traffic that
 * flags can stop, and a fresh profile per run. The last two make a screenshot wait for every paint, without
 * scrollbars, so two runs of one page give the same pixels.
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--run-all-compositor-stages-before-draw', '--hide-scrollbars'];

/** True when `unshare -rn` can give a process a network namespace of its own with no interface up (no network). */
const canUnshare = ((): boolean => {
  try {
    return spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  } catch {
    return false;
  }
})();

export interface ChromiumRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface ChromiumOptions {
  /**
   * No network at all: the browser runs in a network namespace of its own (`unshare -rn`), where nothing can be
   * reached, not even 127.0.0.1; where namespaces are not allowed, every host name fails to resolve and every request
   * goes to a proxy that does not exist.
   */
  offline?: boolean;
  /** Writes Chromium's net log (every request the network stack saw) to this file. */
  netLog?: string;
}

/** Runs headless Chromium once on `url` with extra flags (--dump-dom, --screenshot=...) and a fresh profile. */
export function runChromium(url: string, extra: string[], options: ChromiumOptions = {}): Promise<ChromiumRun> {
  if (!CHROMIUM) throw new Error('chromium is not installed');
  const profile = mkdtempSync(join(tmpdir(), 'roadmap-chromium-'));
  const args = [...FLAGS, `--user-data-dir=${profile}`, ...extra];
  if (options.netLog) args.push(`--log-net-log=${options.netLog}`);
  let command = CHROMIUM;
  if (options.offline && canUnshare) {
    args.unshift('-rn', CHROMIUM);
    command = 'unshare';
  } else if (options.offline) {
    args.push('--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>');
  }
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      resolve({ stdout, stderr, code });
    });
  });
}

interface NetLogEvent {
  type: number;
  params?: { url?: string; initiator?: string };
}

/**
 * The urls of the requests a page asked for, from a Chromium net log. The browser's own requests (it asks for the
 * time, account and component updates even with the flags above) carry the initiator "not an origin"; a request a
 * page makes carries the page's origin ("null" for a file:// page). A file:// page's own load never reaches the
 * network stack, so it is not in the log.
 */
export function pageRequests(netLogFile: string): { page: string[]; browser: string[] } {
  let text = readFileSync(netLogFile, 'utf8');
  // A log whose writer was stopped early lacks its closing brackets; the format allows readers to add them.
  if (!text.trimEnd().endsWith('}')) text = `${text.trimEnd().replace(/,$/, '')}]}`;
  const log = JSON.parse(text) as { constants: { logEventTypes: Record<string, number> }; events: NetLogEvent[] };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const page = new Set<string>();
  const browser = new Set<string>();
  for (const e of log.events) {
    if (e.type !== startJob || !e.params?.url) continue;
    (e.params.initiator === 'not an origin' ? browser : page).add(e.params.url);
  }
  return { page: [...page], browser: [...browser] };
}
