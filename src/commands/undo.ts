import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { undoLast, undoable, type HistoryEvent } from '../core/progress/history.js';
import { roadmapProgress, type Progress } from '../core/progress/status.js';
import { NotFoundError, UsageError } from '../app/errors.js';
import { actionLabel, describeEvent, TopicNames } from '../ui/render/history.js';
import { formatTime } from '../ui/format-time.js';
import { progressLine } from '../ui/render/topic.js';
import { SCHEMA_VERSION, progressJson } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { openSession, refreshSession, updateProgress, type GlobalOptions, type Session } from '../app/session.js';

export interface UndoResult {
  session: Session;
  /** The events reverted, newest first. */
  reverted: HistoryEvent[];
  asked: number;
  progress: Progress;
}

/** Reverts the last `n` changes (a `reset --all` is one change), newest first, and records that it did. */
export async function runUndo(rawCount: string | undefined, opts: GlobalOptions, ctx: Context): Promise<UndoResult> {
  const asked = rawCount === undefined ? 1 : Number(rawCount);
  if (!Number.isInteger(asked) || asked < 1) throw new UsageError(`undo needs a whole number of changes of 1 or more, got "${rawCount ?? ''}"`, 'roadmap undo      (the last change)   or   roadmap undo 3');
  const session = await openSession(ctx, opts);
  const at = ctx.now().toISOString();
  const { reverted, state } = await updateProgress(ctx, session, (state) => {
    if (undoable(state).length === 0) return { reverted: [], state };
    return { reverted: undoLast(state, asked, () => ({ id: randomUUID(), at })), state };
  });
  if (reverted.length === 0) throw new NotFoundError('there is nothing to undo on this roadmap', 'see what happened with: roadmap log');
  refreshSession(session, state);
  return { session, reverted, asked, progress: roadmapProgress(session.roadmap, session.statuses) };
}

export function undoJson(r: UndoResult): unknown {
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: { id: r.session.id, title: r.session.roadmap.title },
    reverted: r.reverted.map((e) => ({ id: e.id, at: e.at, action: e.action, changes: e.changes.length, notes: e.notesAdded.length + e.notesRemoved.length })),
    progress: progressJson(r.progress),
  };
}

export const registerUndo: RegisterCommand = (kit) => {
  kit
    .sub('undo', 'revert your last change (or the last <n>), a reset --all included')
    .argument('[n]', 'how many changes to revert', undefined)
    .option('--json', 'print what was reverted as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap undo\n  $ roadmap undo 3\n  $ roadmap log         # see what undo would revert')
    .action(async (n: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const r = await runUndo(n, opts, kit.ctx);
      if (opts.json) {
        kit.printJson(undoJson(r));
        return;
      }
      const names = new TopicNames(r.session.roadmap);
      const lines = r.reverted.map((e) => `  ${actionLabel(e)}: ${describeEvent(e, names, r.session.state.events)}  (${formatTime(e.at)})`);
      kit.print(`Undid ${r.reverted.length} ${r.reverted.length === 1 ? 'change' : 'changes'}:\n${lines.join('\n')}\n${progressLine(r.progress)}\n`);
      if (r.reverted.length < r.asked) kit.ctx.io.stderr.write(`Only ${r.reverted.length} of the ${r.asked} changes asked for could be undone: that is the whole history.\n`);
    });
};
