import type { Command } from 'commander';
import type { Context } from '../context.js';
import { renderMarked } from '../ui/render-topic.js';
import type { RegisterCommand } from './kit.js';
import { changedJson, markTopics, type MarkResult } from './mark.js';
import type { GlobalOptions } from './shared.js';

/** Marks topics skipped: they leave the total and `next` passes them by. */
export function runSkip(refs: readonly string[], opts: GlobalOptions, ctx: Context): Promise<MarkResult> {
  return markTopics(refs, 'skipped', opts, ctx);
}

export const registerSkip: RegisterCommand = (kit) => {
  kit
    .sub('skip', 'skip topics you already know or do not need (they leave the total)')
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments (on a terminal, omit them to pick from a list)')
    .option('--json', 'print the changed topics as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap skip 2.3\n  $ roadmap skip nosql graphql')
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const r = await runSkip(refs, opts, kit.ctx);
      if (opts.json) kit.printJson(changedJson(r));
      else kit.print(renderMarked(r.named, r.changed, r.status, r.progress, kit.theme(opts)));
    });
};
