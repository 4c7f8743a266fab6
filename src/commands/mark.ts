import type { Command } from 'commander';
import type { ChangeOptions } from '../app/change-progress.js';
import { structureFlags, type BareRun, type Kit, type OutputKit, type RegisterCommand } from '../app/command-kit.js';
import type { Status } from '../core/types.js';

interface MarkCommand {
  name: string;
  status: Exclude<Status, 'pending'>;
  examples: string[];
}

/** `done`, `start` and `skip` (one file: the same definition with three statuses): the same topic arguments, JSON and output, each setting its own status. */
function registerMarkCommand(kit: Kit, spec: MarkCommand): void {
  structureFlags(kit.sub(spec.name))
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments; a bare number (3) is a whole section (on a terminal, omit them to tick topics in a list)')
    .option('-y, --yes', 'change a whole section without asking (needed when not on a terminal)')
    .option('--json', 'print what changed, what did not and why, and the new progress as JSON')
    .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ roadmap ${spec.name} ${e}`).join('\n')}`)
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      await mark(spec.status, refs, kit.options<ChangeOptions>(cmd), kit);
    });
}

/** Sets `status` on the topics `refs` name, and says what changed, for the options commander parsed (or none). */
async function mark(status: MarkCommand['status'], refs: string[], opts: ChangeOptions, kit: OutputKit): Promise<void> {
  // Loaded here, not with the definition: shell completion defines this command for its flags on every Tab.
  const [{ changeStatus }, { changeResultJson, printChangeResult }] = await Promise.all([import('../app/change-progress.js'), import('../app/change-output.js')]);
  const r = await changeStatus(refs, status, opts, kit.ctx);
  if (opts.json) kit.printJson(changeResultJson(r));
  else printChangeResult(kit, r, opts);
}

/** `roadmap done 1.1 2.3`: topic words and no option (see BareRun). */
export const bareDone: BareRun = (kit, opts, words) => mark('done', words, opts, kit);
/** `roadmap start 1.2`: topic words and no option (see BareRun). */
export const bareStart: BareRun = (kit, opts, words) => mark('in-progress', words, opts, kit);
/** `roadmap skip 2.3`: topic words and no option (see BareRun). */
export const bareSkip: BareRun = (kit, opts, words) => mark('skipped', words, opts, kit);

/** `roadmap done`. Marks topics done (and their subtopics), or a whole section. */
export const registerDone: RegisterCommand = (kit) => {
  registerMarkCommand(kit, {
    name: 'done',
    status: 'done',
    examples: ['1.1', 'gorm pprof', '3            # every topic of section 3, after a confirmation', 'web-development-apis/building-graphql-apis-using-gqlgen'],
  });
};

/** `roadmap start`. Marks topics in progress: `next` offers them first. */
export const registerStart: RegisterCommand = (kit) => {
  registerMarkCommand(kit, {
    name: 'start',
    status: 'in-progress',
    examples: ['1.2', '4.3      # a topic with subtopics: next walks you through them', '4 --yes  # every open topic of section 4'],
  });
};

/** `roadmap skip`. Marks topics skipped: they leave the total and `next` passes them by. */
export const registerSkip: RegisterCommand = (kit) => {
  registerMarkCommand(kit, {
    name: 'skip',
    status: 'skipped',
    examples: ['2.3', 'nosql graphql', '8 --yes'],
  });
};
