import type { Command } from 'commander';
import type { Context } from '../context.js';
import { renderMarked } from '../ui/render-topic.js';
import type { RegisterCommand } from './kit.js';
import { changedJson, markTopics, type MarkResult } from './mark.js';
import type { GlobalOptions } from './shared.js';

export type { MarkResult };
export { changedJson, markTopics };

export function runDone(refs: readonly string[], opts: GlobalOptions, ctx: Context): Promise<MarkResult> {
  return markTopics(refs, 'done', opts, ctx);
}

export const registerDone: RegisterCommand = (kit) => {
  kit
    .sub('done', 'mark topics done (and their subtopics)')
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments (on a terminal, omit them to pick from a list)')
    .option('--json', 'print the changed topics as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap done 1.1\n  $ roadmap done gorm pprof\n  $ roadmap done web-development-apis/building-graphql-apis-using-gqlgen')
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const r = await runDone(refs, opts, kit.ctx);
      if (opts.json) kit.printJson(changedJson(r));
      else kit.print(renderMarked(r.named, r.changed, r.status, r.progress, kit.theme(opts)));
    });
};
