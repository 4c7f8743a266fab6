import type { Command } from 'commander';
import type { Kit } from '../../app/command-kit.js';
import { UsageError } from '../../app/errors.js';
import { fieldsOf, jsonRequest, pickFields } from '../../app/json-fields.js';
import type { SyncStatus } from '../../sync/status.js';
import { renderStatus } from '../../ui/render/sync.js';
import { SCHEMA_VERSION } from '../../ui/topic-json.js';
import { countsJson, syncContext, withSpinner } from './sync-context.js';

/** The `sync status --json` document. */
function statusJson(s: SyncStatus) {
  return {
    schemaVersion: SCHEMA_VERSION,
    remote: s.remote,
    branch: s.branch,
    machine: s.machine,
    autoSync: s.auto,
    lastSync: s.lastSync ?? null,
    reachable: s.reachable,
    fetchError: s.fetchError ?? null,
    toSend: countsJson(s.ahead),
    toReceive: countsJson(s.behind),
    remoteCommits: s.remoteCommits,
  };
}

/** Fields of `sync status --json field,…`; pinned by test/commands/json-fields.test.ts and listed in the README. */
export const SYNC_STATUS_FIELDS = fieldsOf<ReturnType<typeof statusJson>>([
  'schemaVersion', 'remote', 'branch', 'machine', 'autoSync', 'lastSync', 'reachable', 'fetchError', 'toSend', 'toReceive', 'remoteCommits',
]);

/** `roadmap sync status`: the remote, the last sync, and what a sync would carry each way. */
export function registerSyncStatus(kit: Kit, sync: Command): void {
  const { ctx } = kit;
  sync
    .command('status')
    .description('the remote, the last sync, and what a sync would send and receive')
    .option('--json [fields]', 'print the status as JSON; with fields (toSend,toReceive), only those')
    // `sync` has a --json of its own, which commander gives `sync status --json a,b` to: the fields then arrive here
    // as an argument. (`--json=a,b` reaches the option above.)
    .argument('[fields]')
    .usage('[options]')
    .action(async (fields: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      if (fields !== undefined && opts.json !== true) throw new UsageError(`sync status takes no argument, got "${fields}"`, 'to choose JSON fields: roadmap sync status --json toSend,toReceive');
      const request = jsonRequest(fields ?? opts.json, SYNC_STATUS_FIELDS, 'sync status');
      const { syncStatus } = await import('../../sync/status.js');
      const s = await withSpinner(ctx, 'Asking the remote…', () => Promise.resolve(syncStatus(syncContext(ctx, false))));
      if (request === undefined) kit.print(renderStatus(s));
      else kit.printJson(request === 'all' ? statusJson(s) : pickFields(statusJson(s), request, SYNC_STATUS_FIELDS));
    });
}
