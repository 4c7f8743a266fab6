import type { Command } from 'commander';
import type { Context } from '../context.js';
import { renderMarked } from '../ui/render-topic.js';
import type { RegisterCommand } from './kit.js';
import { changedJson, markTopics, type MarkResult } from './mark.js';
import type { GlobalOptions } from './shared.js';

/** Marks topics in progress: `next` offers them first. */
export function runStart(refs: readonly string[], opts: GlobalOptions, ctx: Context): Promise<MarkResult> {
  return markTopics(refs, 'in-progress', opts, ctx);
}

export const registerStart: RegisterCommand = (kit) => {
  kit
    .sub('start', 'mark topics in progress (next offers them first)')
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments (on a terminal, omit them to pick from a list)')
    .option('--json', 'print the changed topics as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap start 1.2\n  $ roadmap start 4        # a topic with subtopics: next walks you through them')
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const r = await runStart(refs, opts, kit.ctx);
      if (opts.json) kit.printJson(changedJson(r));
      else kit.print(renderMarked(r.named, r.changed, r.status, r.progress, kit.theme(opts)));
    });
};
