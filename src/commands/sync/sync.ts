import { Option, type Command } from 'commander';
import type { RegisterCommand } from '../../app/command-kit.js';
import { renderSync } from '../../ui/render/sync.js';
import { registerSyncAuto } from './auto.js';
import { registerSyncInit } from './init.js';
import { registerSyncStatus } from './status.js';
import { retryNote, syncContext, syncJson, withSpinner } from './sync-context.js';

/**
 * `roadmap sync` (pull, merge, commit, push) and its subcommands, one file each in this folder. `--background` is
 * what auto-sync starts: silent, quick to give up; how it ended is recorded and a failure told on the next run.
 */
export const registerSync: RegisterCommand = (kit) => {
  const { ctx } = kit;
  const sync = kit
    .sub('sync')
    .option('--json', 'print what was received and sent as JSON')
    .addOption(new Option('--background', 'run as auto-sync does: silently, giving up quickly').hideHelp())
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ roadmap sync init git@github.com:me/learning.git    # once per machine',
        '  $ roadmap sync init ~/Dropbox/learning.git             # a path works too (created when missing)',
        '  $ roadmap sync                                         # after studying',
        '  $ roadmap sync status',
        '  $ roadmap sync auto on                                 # sync in the background after each change',
        '',
        'Merging: per topic the newer change wins; notes and history from every machine are kept.',
      ].join('\n'),
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<{ background?: boolean }>(cmd);
      const { runSync } = await import('../../sync/run-sync.js');
      if (opts.background) {
        // runSync records a failure in the settings; the next run tells it.
        await runSync(syncContext(ctx, true)).catch(() => undefined);
        return;
      }
      const v = await withSpinner(ctx, 'Syncing…', () => runSync(syncContext(ctx, false)));
      retryNote(ctx, v.retries);
      if (opts.json) kit.printJson(syncJson(v));
      else kit.print(renderSync(v));
    });
  registerSyncInit(kit, sync);
  registerSyncStatus(kit, sync);
  registerSyncAuto(kit, sync);
};
