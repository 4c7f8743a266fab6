import type { Command } from 'commander';
import type { Kit } from '../../app/command-kit.js';
import { initNextSteps, renderInit, renderSync } from '../../ui/render/sync.js';
import { SCHEMA_VERSION } from '../../ui/topic-json.js';
import { retryNote, syncContext, syncJson, withSpinner } from './sync-context.js';

/** `roadmap sync init <repository>`: clone or create the sync repository, then the first sync. */
export function registerSyncInit(kit: Kit, sync: Command): void {
  const { ctx } = kit;
  sync
    .command('init')
    .description('clone (or create) the sync repository and push the progress that is here')
    .argument('<repository>', 'a git URL (https://, ssh://, git@host:path) or a path on this machine')
    .option('--name <machine>', 'what commit messages call this machine (default: its host name)')
    .option('--json', 'print the result as JSON')
    .action(async (repository: string, _opts: unknown, cmd: Command) => {
      const opts = kit.options<{ name?: string }>(cmd);
      const { initSync } = await import('../../sync/setup.js');
      const r = await withSpinner(ctx, 'Setting up sync…', () => initSync(syncContext(ctx, false), repository, ctx.cwd, opts.name));
      const first = 'error' in r.sync ? undefined : r.sync;
      if (opts.json) {
        kit.printJson({ schemaVersion: SCHEMA_VERSION, remote: r.remote, created: r.created, branch: r.branch, machine: r.machine, repository: r.repo, sync: first ? syncJson(first) : null });
      } else {
        kit.print(renderInit(r));
        if (first) kit.print(renderSync(first));
      }
      if ('error' in r.sync) throw r.sync.error;
      retryNote(ctx, first?.retries ?? 0);
      if (!opts.json) ctx.io.stderr.write(initNextSteps(r));
    });
}
