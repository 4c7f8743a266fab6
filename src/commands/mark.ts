import type { Command } from 'commander';
import { changedJson, markTopics } from '../app/change-progress.js';
import type { Kit, RegisterCommand } from '../app/command-kit.js';
import type { Status } from '../core/types.js';
import { renderMarked } from '../ui/render/topic.js';

interface MarkCommand {
  name: string;
  status: Exclude<Status, 'pending'>;
  description: string;
  examples: string[];
}

/** `done`, `start` and `skip` (one file: the same definition with three statuses): the same topic arguments, JSON and output, each setting its own status. */
function registerMarkCommand(kit: Kit, spec: MarkCommand): void {
  kit
    .sub(spec.name, spec.description)
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments (on a terminal, omit them to pick from a list)')
    .option('--json', 'print the changed topics as JSON')
    .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ roadmap ${spec.name} ${e}`).join('\n')}`)
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const r = await markTopics(refs, spec.status, opts, kit.ctx);
      if (opts.json) kit.printJson(changedJson(r));
      else kit.print(renderMarked(r.named, r.changed, r.status, r.progress, kit.theme(opts)));
    });
}

/** `roadmap done`. Marks topics done (and their subtopics). */
export const registerDone: RegisterCommand = (kit) => {
  registerMarkCommand(kit, {
    name: 'done',
    status: 'done',
    description: 'mark topics done (and their subtopics)',
    examples: ['1.1', 'gorm pprof', 'web-development-apis/building-graphql-apis-using-gqlgen'],
  });
};

/** `roadmap start`. Marks topics in progress: `next` offers them first. */
export const registerStart: RegisterCommand = (kit) => {
  registerMarkCommand(kit, {
    name: 'start',
    status: 'in-progress',
    description: 'mark topics in progress (next offers them first)',
    examples: ['1.2', '4        # a topic with subtopics: next walks you through them'],
  });
};

/** `roadmap skip`. Marks topics skipped: they leave the total and `next` passes them by. */
export const registerSkip: RegisterCommand = (kit) => {
  registerMarkCommand(kit, {
    name: 'skip',
    status: 'skipped',
    description: 'skip topics you already know or do not need (they leave the total)',
    examples: ['2.3', 'nosql graphql'],
  });
};
