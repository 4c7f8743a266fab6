import { describeCounts, type ChangeCounts } from '../../core/progress/sync-merge.js';
import { formatTime } from '../format-time.js';
import { inert } from '../sanitize.js';

/** What `roadmap sync` shows: the remote (redacted), what came in, what went out. */
export interface SyncView {
  remote: string;
  machine: string;
  received: ChangeCounts;
  sent: ChangeCounts;
  commit?: { hash: string; message: string };
  retries: number;
}

export interface InitView {
  remote: string;
  created: boolean;
  branch: string;
  machine: string;
  repo: string;
}

export interface StatusView {
  remote: string;
  branch: string;
  machine: string;
  auto: boolean;
  lastSync: { at: string; ok: boolean; background: boolean; message?: string } | undefined;
  reachable: boolean;
  fetchError?: string;
  ahead: ChangeCounts;
  behind: ChangeCounts;
  remoteCommits: number;
}

function said(c: ChangeCounts): string {
  return describeCounts(c) || 'nothing new';
}

export function renderSync(v: SyncView): string {
  if (!describeCounts(v.received) && !v.commit) return `Already in sync with ${inert(v.remote)}: nothing new on either side.\n`;
  const sent = v.commit ? `${inert(v.commit.message)} (commit ${v.commit.hash})` : 'nothing new';
  return [`Synced with ${inert(v.remote)}`, `  received: ${said(v.received)}`, `  sent:     ${sent}`, ''].join('\n');
}

export function renderInit(v: InitView): string {
  const lines: string[] = [];
  if (v.created) lines.push(`Created an empty repository at ${inert(v.remote)}`);
  lines.push(`Sync is set up: ${inert(v.repo)} is a clone of ${inert(v.remote)} (branch ${inert(v.branch)}); this machine is "${inert(v.machine)}".`);
  return `${lines.join('\n')}\n`;
}

/** What to do next after `sync init`, for stderr. */
export function initNextSteps(v: InitView): string {
  return [`On your other machines: roadmap sync init ${inert(v.remote)}`, 'Then run roadmap sync after studying, or turn on syncing after every change: roadmap sync auto on', ''].join('\n');
}

export function renderStatus(v: StatusView): string {
  const last = v.lastSync
    ? `${formatTime(v.lastSync.at)}${v.lastSync.background ? ' (background)' : ''}, ${v.lastSync.ok ? 'ok' : `failed: ${inert(v.lastSync.message ?? '', false)}`}`
    : 'never';
  const stale = v.reachable ? '' : ' (as of the last sync)';
  const commits = v.remoteCommits > 0 ? ` (${String(v.remoteCommits)} new ${v.remoteCommits === 1 ? 'commit' : 'commits'})` : '';
  const lines = [
    `Remote:        ${inert(v.remote)} (branch ${inert(v.branch)})`,
    ...(v.reachable ? [] : [`               not reachable now: ${inert(v.fetchError ?? '', false)}`]),
    `This machine:  ${inert(v.machine)}`,
    `Last sync:     ${last}`,
    `To send:       ${said(v.ahead)}`,
    `To receive:    ${said(v.behind)}${commits}${stale}`,
    `Auto-sync:     ${v.auto ? 'on' : 'off'}`,
    '',
  ];
  return lines.join('\n');
}
