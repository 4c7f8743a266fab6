import type { Command } from 'commander';
import type { Kit } from '../../app/command-kit.js';
import { UsageError } from '../../app/errors.js';
import { SyncError } from '../../sync/errors.js';
import { readSettings, updateSettings } from '../../sync/settings.js';
import { inert } from '../../ui/sanitize.js';

/** `roadmap sync auto [on|off]`: the opt-in switch for syncing in the background after each change. */
export function registerSyncAuto(kit: Kit, sync: Command): void {
  const { ctx } = kit;
  sync
    .command('auto')
    .description('sync in the background after each change (on), or only when you run roadmap sync (off, the default)')
    .argument('[state]', 'on or off; without it, shows the current state')
    .action((state: string | undefined) => {
      if (state !== undefined && state !== 'on' && state !== 'off') throw new UsageError(`auto-sync is "on" or "off", not "${inert(state)}"`, 'roadmap sync auto on   or   roadmap sync auto off');
      if (!readSettings(ctx.paths.data)) throw new SyncError('sync is not set up on this machine', 'set it up first: roadmap sync init <git-url-or-path>');
      const settings =
        state === undefined
          ? readSettings(ctx.paths.data)
          : updateSettings(ctx.paths.data, (s) => {
              s.auto = state === 'on';
            });
      kit.print(
        settings?.auto
          ? 'Auto-sync is on: after each change roadmap syncs in the background (a sync that fails is reported on the next run).\n'
          : 'Auto-sync is off: run roadmap sync to sync.\n',
      );
    });
}
