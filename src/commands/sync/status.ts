import type { Command } from 'commander';
import type { Kit } from '../../app/command-kit.js';
import { renderStatus } from '../../ui/render/sync.js';
import { SCHEMA_VERSION } from '../../ui/topic-json.js';
import { countsJson, syncContext, withSpinner } from './sync-context.js';

/** `roadmap sync status`: the remote, the last sync, and what a sync would carry each way. */
export function registerSyncStatus(kit: Kit, sync: Command): void {
  const { ctx } = kit;
  sync
    .command('status')
    .description('the remote, the last sync, and what a sync would send and receive')
    .option('--json', 'print the status as JSON')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const { syncStatus } = await import('../../sync/status.js');
      const s = await withSpinner(ctx, 'Asking the remote…', () => Promise.resolve(syncStatus(syncContext(ctx, false))));
      if (!opts.json) {
        kit.print(renderStatus(s));
        return;
      }
      kit.printJson({
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
      });
    });
}
