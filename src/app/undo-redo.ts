import { isInteractive, type Context } from '../context.js';
import type { HistoryEvent } from '../core/progress/history.js';
import { roadmapProgress, type Progress } from '../core/progress/status.js';
import { netChanges, nextToRedo, nextToUndo, redoable, redoLast } from '../core/progress/undo-stack.js';
import { undoLast } from '../core/progress/history.js';
import { changeJson } from '../ui/change-json.js';
import { formatTime } from '../ui/format-time.js';
import { actionLabel, describeEvent, TopicNames } from '../ui/render/history.js';
import { CliError, ExitCode, NotFoundError, UsageError } from './errors.js';
import { openSession, randomId, refreshSession, roadmapRef, type GlobalOptions, type Session } from './session.js';
import { updateProgress } from './write-back.js';

/** More than this many changes at once are named and confirmed first (`--yes` off a terminal). */
export const ASK_ABOVE = 5;

export type StackStep = 'undo' | 'redo';

export interface StackOptions extends GlobalOptions {
  yes?: boolean;
}

export interface StackResult {
  session: Session;
  step: StackStep;
  /** The changes reverted (undo) or re-applied (redo), in the order it happened: newest first for undo. */
  changes: HistoryEvent[];
  /** The undo or redo entries written. */
  recorded: HistoryEvent[];
  asked: number;
  progress: Progress;
}

/** "  done: 1.2 Beta  (2025-03-01 09:01)": one line per change, as undo and redo name them. */
export function describeChanges(events: readonly HistoryEvent[], session: Session): string[] {
  const names = new TopicNames(session.roadmap);
  return events.map((e) => `  ${actionLabel(e)}: ${describeEvent(e, names, session.state.events)}  (${formatTime(e.at)})`);
}

function parseSteps(raw: string | undefined, step: StackStep): number {
  const n = raw === undefined ? 1 : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${step} needs a whole number of changes of 1 or more, got "${raw ?? ''}"`, `roadmap ${step}      (the last one)   or   roadmap ${step} 3`);
  return n;
}

function nothingTo(step: StackStep, session: Session): NotFoundError {
  if (step === 'undo') {
    const hint = redoable(session.state).length > 0 ? 'everything is undone; roadmap redo re-applies what undo took back' : 'see what happened with: roadmap log';
    return new NotFoundError('there is nothing to undo on this roadmap', hint);
  }
  return new NotFoundError('there is nothing to redo on this roadmap', 'redo re-applies what undo took back, until you make a new change; see: roadmap log');
}

/**
 * Undoes or redoes the last `n` steps as a stack (core/progress/undo-stack.ts). More than ASK_ABOVE at once are named
 * and confirmed on a terminal, and need --yes elsewhere.
 */
export async function runStackStep(step: StackStep, rawCount: string | undefined, opts: StackOptions, ctx: Context): Promise<StackResult> {
  const asked = parseSteps(rawCount, step);
  const session = await openSession(ctx, opts);
  const preview = step === 'undo' ? nextToUndo(session.state, asked) : nextToRedo(session.state, asked).map((x) => x.original);
  if (preview.length === 0) throw nothingTo(step, session);
  if (asked > ASK_ABOVE && !opts.yes) {
    const what = `${preview.length} ${preview.length === 1 ? 'change' : 'changes'}`;
    const list = describeChanges(preview, session).join('\n');
    if (!isInteractive(ctx) || opts.json) {
      throw new UsageError(`${step} ${asked} would ${step === 'undo' ? 'revert' : 're-apply'} ${what}; pass --yes to do it when not on a terminal:\n${list}`, `roadmap ${step} ${asked} --yes`);
    }
    const verb = step === 'undo' ? 'Undo' : 'Redo';
    ctx.io.stderr.write(`${step === 'undo' ? 'This reverts' : 'This re-applies'}:\n${list}\n`);
    if (!(await ctx.prompter.confirm(`${verb} these ${what}?`, false))) throw new CliError('nothing was changed', ExitCode.failure);
  }
  const at = ctx.now().toISOString();
  const ids: string[] = [];
  const stamp = (): { id: string; at: string } => {
    const id = randomId();
    ids.push(id);
    return { id, at };
  };
  const { changes, state } = await updateProgress(ctx, session, (state) => ({ changes: step === 'undo' ? undoLast(state, asked, stamp) : redoLast(state, asked, stamp), state }));
  refreshSession(session, state);
  const recorded = ids.flatMap((id) => state.events.filter((e) => e.id === id));
  return { session, step, changes, recorded, asked, progress: roadmapProgress(session.roadmap, session.statuses) };
}

/** `undo --json` and `redo --json`: the one change document, `recorded` holding the undo or redo entries. */
export function stackJson(r: StackResult): unknown {
  return changeJson({
    roadmap: r.session.roadmap,
    ref: roadmapRef(r.session),
    action: r.step,
    changes: netChanges(r.recorded),
    unchanged: [],
    notesAdded: r.recorded.flatMap((e) => e.notesAdded),
    notesRemoved: r.recorded.flatMap((e) => e.notesRemoved),
    recorded: r.recorded,
    progress: r.progress,
  });
}
