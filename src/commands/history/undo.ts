import type { Command } from 'commander';
import type { RegisterCommand } from '../../app/command-kit.js';
import { ASK_ABOVE, describeChanges, runStackStep, stackJson, type StackOptions } from '../../app/undo-redo.js';
import { progressLine } from '../../ui/render/topic.js';

export const registerUndo: RegisterCommand = (kit) => {
  kit
    .sub('undo')
    .argument('[n]', 'how many changes to revert', undefined)
    .option('-y, --yes', `revert more than ${ASK_ABOVE} changes without asking (needed when not on a terminal)`)
    .option('--json', 'print what was reverted as JSON')
    .addHelpText('after', `\nExamples:\n  $ roadmap undo\n  $ roadmap undo 3\n  $ roadmap log         # see what undo would revert\n  $ roadmap redo        # changed your mind again\n\nMore than ${ASK_ABOVE} changes at once are listed and confirmed first.`)
    .action(async (n: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = kit.options<StackOptions>(cmd);
      const r = await runStackStep('undo', n, opts, kit.ctx);
      if (opts.json) {
        kit.printJson(stackJson(r));
        return;
      }
      const count = `${r.changes.length} ${r.changes.length === 1 ? 'change' : 'changes'}`;
      kit.print(`Undid ${count}:\n${describeChanges(r.changes, r.session).join('\n')}\n${progressLine(r.progress)}\n`);
      if (r.changes.length < r.asked) kit.ctx.io.stderr.write(`Only ${r.changes.length} of the ${r.asked} changes asked for could be undone: that is the whole history.\n`);
      kit.ctx.io.stderr.write(`To re-apply ${r.changes.length === 1 ? 'it' : 'them'}: roadmap redo${r.changes.length === 1 ? '' : ` ${r.changes.length}`}\n`);
    });
};
