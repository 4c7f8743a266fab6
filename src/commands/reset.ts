import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../app/errors.js';
import type { BareRun, OutputKit, RegisterCommand } from '../app/command-kit.js';
import { applyTargets, changeStatus, type ChangeOptions, type ChangeResult } from '../app/change-progress.js';
import { changeResultJson, printChangeResult } from '../app/change-output.js';
import { openSession } from '../app/session.js';
import { resolveSection } from '../app/topic-args.js';

export interface ResetOptions extends ChangeOptions {
  all?: boolean;
  section?: string;
}

/**
 * Resets topics, whole sections (`reset 2`, or `--section 2`) or the whole roadmap (`--all`); sections and the whole
 * roadmap ask first (or take --yes). Notes are kept.
 */
export async function runReset(refs: readonly string[], opts: ResetOptions, ctx: Context): Promise<ChangeResult> {
  const bulk = [opts.all ? '--all' : '', opts.section !== undefined ? '--section' : ''].filter(Boolean);
  if (bulk.length === 0) return changeStatus(refs, 'pending', opts, ctx);
  if (bulk.length > 1 || refs.length > 0) {
    throw new UsageError('give topics, a section or --all: one of them', 'roadmap reset 1.1 2.3   or   roadmap reset 2 --yes   or   roadmap reset --all --yes');
  }
  const session = await openSession(ctx, opts);
  if (opts.section !== undefined) {
    const section = resolveSection(session, opts.section);
    return applyTargets(ctx, session, [{ target: { kind: 'section', section }, ref: section.number }], 'pending', opts);
  }
  return applyTargets(ctx, session, [{ target: { kind: 'all', roadmap: session.roadmap }, ref: '--all' }], 'pending', opts);
}

export const registerReset: RegisterCommand = (kit) => {
  kit
    .sub('reset')
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments; a bare number (3) is a whole section (on a terminal, omit them to tick topics in a list)')
    .option('-s, --section <ref>', 'reset every topic of this section (number, id or title fragment)')
    .option('--all', 'reset every topic of this roadmap (notes are kept)')
    .option('-y, --yes', 'do not ask for confirmation (needed for a section and --all when not on a terminal)')
    .option('--json', 'print what changed, what did not and why, and the new progress as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap reset 1.1\n  $ roadmap reset 2 --yes          # the whole of section 2\n  $ roadmap reset --all --yes\n  $ roadmap undo                   # changed your mind')
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      await printReset(refs, kit.options<ResetOptions>(cmd), kit);
    });
};

/** `roadmap reset 1.1`: topic words and no option (see BareRun). */
export const bareReset: BareRun = (kit, opts, words) => printReset(words, opts, kit);

async function printReset(refs: string[], opts: ResetOptions, kit: OutputKit): Promise<void> {
  const r = await runReset(refs, opts, kit.ctx);
  if (opts.json) kit.printJson(changeResultJson(r));
  else printChangeResult(kit, r, opts);
}
