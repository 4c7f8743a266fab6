import type { Command } from 'commander';
import type { RegisterCommand } from '../../app/command-kit.js';
import { ASK_ABOVE, describeChanges, runStackStep, stackJson, type StackOptions } from '../../app/undo-redo.js';
import { progressLine } from '../../ui/render/topic.js';

export const registerRedo: RegisterCommand = (kit) => {
  kit
    .sub('redo')
    .argument('[n]', 'how many undone changes to re-apply', undefined)
    .option('-y, --yes', `re-apply more than ${ASK_ABOVE} changes without asking (needed when not on a terminal)`)
    .option('--json', 'print what was re-applied as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap undo 2 && roadmap redo     # back one step of the two\n  $ roadmap redo 2\n  $ roadmap log                        # undone entries are marked (undone)')
    .action(async (n: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = kit.options<StackOptions>(cmd);
      const r = await runStackStep('redo', n, opts, kit.ctx);
      if (opts.json) {
        kit.printJson(stackJson(r));
        return;
      }
      const count = `${r.changes.length} ${r.changes.length === 1 ? 'change' : 'changes'}`;
      kit.print(`Redid ${count}:\n${describeChanges(r.changes, r.session).join('\n')}\n${progressLine(r.progress)}\n`);
      if (r.changes.length < r.asked) kit.ctx.io.stderr.write(`Only ${r.changes.length} of the ${r.asked} changes asked for could be redone: that is all that was undone.\n`);
    });
};
