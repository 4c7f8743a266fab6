import { isInteractive, type Context } from '../context.js';
import { recordEvent, type EventInput, type HistoryEvent, type Note, type Stamp } from '../core/progress/history.js';
import { planNoteAdd } from '../core/progress/notes.js';
import { roadmapProgress, type Progress } from '../core/progress/status.js';
import { planChange, type Unchanged } from '../core/progress/status-change.js';
import type { TopicEntry } from '../core/tree.js';
import type { Status } from '../core/types.js';
import { inert } from '../ui/sanitize.js';
import { CliError, ExitCode, UsageError } from './errors.js';
import { openSession, randomId, refreshSession, stamp, type GlobalOptions, type Session } from './session.js';
import { pickTargets, type Picked } from './topic-args.js';

export interface ChangeOptions extends GlobalOptions {
  /** Change a section or the whole roadmap without asking (needed off a terminal). */
  yes?: boolean;
}
import { updateProgress } from './write-back.js';

/** What a status change did; `done`, `start`, `skip`, `reset` and `walk` all make one. */
export interface ChangeResult {
  session: Session;
  status: Status;
  /** What the user named, in the order given: topics (with their section), sections, or the whole roadmap. */
  picked: Picked[];
  /** Ids whose stored status changed (descendants of a named parent included). */
  changed: Set<string>;
  /** Topics in scope that kept their status, and why. */
  unchanged: Unchanged[];
  progress: Progress;
  /** The history entry, absent when nothing changed. */
  event: HistoryEvent | undefined;
}

/**
 * Sets the status of what `refs` name: topics (and their subtopics, see planChange), whole sections (a bare number:
 * `done 3`). All references are resolved before anything is written, so one bad reference changes nothing; on a
 * terminal a missing one opens a multi-pick list and an ambiguous one offers its candidates.
 */
export async function changeStatus(refs: readonly string[], status: Status, opts: ChangeOptions, ctx: Context): Promise<ChangeResult> {
  const session = await openSession(ctx, opts);
  const picked = await pickTargets(ctx, session, refs, status, opts.json);
  return applyTargets(ctx, session, picked, status, opts);
}

/**
 * Records one event setting `status` on resolved targets and refreshes the session. A section or the whole roadmap
 * is changed only after a confirmation naming how many topics change (on a terminal) or with --yes.
 */
export async function applyTargets(ctx: Context, session: Session, picked: Picked[], status: Status, opts: ChangeOptions = {}): Promise<ChangeResult> {
  const targets = picked.map((p) => p.target);
  if (!opts.yes && targets.some((t) => t.kind !== 'topic')) await confirmBulk(ctx, session, picked, status, opts);
  const { event, plan, state } = await updateProgress(ctx, session, (state) => {
    const plan = planChange(state, targets, status);
    return { event: recordEvent(state, stamp(ctx), plan.input), plan, state };
  });
  refreshSession(session, state);
  return {
    session,
    status,
    picked,
    changed: new Set(event?.changes.map((d) => d.topic)),
    unchanged: plan.unchanged,
    progress: roadmapProgress(session.roadmap, session.statuses),
    event,
  };
}

/** Sets `status` on topics already resolved (the walk). */
export function applyStatus(ctx: Context, session: Session, named: TopicEntry[], status: Status): Promise<ChangeResult> {
  return applyTargets(
    ctx,
    session,
    named.map((entry) => ({ target: { kind: 'topic', topic: entry.topic }, entry, ref: entry.topic.number })),
    status,
  );
}

const VERB: Record<Status, string> = { done: 'done', 'in-progress': 'start', skipped: 'skip', pending: 'reset' };
const QUESTION: Record<Status, (n: string) => string> = {
  done: (n) => `Mark ${n} done`,
  'in-progress': (n) => `Start ${n}`,
  skipped: (n) => `Skip ${n}`,
  pending: (n) => `Reset ${n} to not started`,
};

/** "section 3 "Databases"", "the whole roadmap", "1.1": what was named, for questions and messages. */
export function describePicked(p: Picked, session: Session): string {
  if (p.target.kind === 'section') return `section ${p.target.section.number} "${inert(p.target.section.title)}"`;
  if (p.target.kind === 'all') return `all of "${inert(session.roadmap.title)}"`;
  return p.entry?.topic.number ?? inert(p.target.topic.id);
}

async function confirmBulk(ctx: Context, session: Session, picked: Picked[], status: Status, opts: ChangeOptions): Promise<void> {
  const preview = planChange(session.state, picked.map((p) => p.target), status);
  const n = preview.input.changes?.length ?? 0;
  // Nothing would change: there is nothing to confirm, and the command says so.
  if (n === 0) return;
  const what = picked.map((p) => describePicked(p, session)).join(', ');
  const topics = `${n} ${n === 1 ? 'topic' : 'topics'}`;
  if (!isInteractive(ctx) || opts.json) {
    const args = picked.map((p) => (p.target.kind === 'all' ? '--all' : p.ref)).join(' ');
    throw new UsageError(`this changes ${topics} (${what}); pass --yes to do it when not on a terminal`, `roadmap ${VERB[status]} ${args} --yes   (roadmap undo takes it back)`);
  }
  const ok = await ctx.prompter.confirm(`${QUESTION[status](topics)} (${what})?`, false);
  if (!ok) throw new CliError('nothing was changed', ExitCode.failure);
}

/** Records a history entry about notes (add, edit, delete) and refreshes the session; undefined when nothing changed. */
export async function recordNotes(ctx: Context, session: Session, input: EventInput, s: Stamp = stamp(ctx)): Promise<HistoryEvent | undefined> {
  const { event, state } = await ctx.store.update(session.id, (state) => ({ event: recordEvent(state, s, input), state }));
  refreshSession(session, state);
  return event;
}

/** Stores a note on a topic as one undoable change and refreshes the session. */
export async function saveNote(ctx: Context, session: Session, entry: TopicEntry, text: string): Promise<Note> {
  const s = stamp(ctx);
  const note: Note = { id: randomId(), topic: entry.topic.id, text, at: s.at };
  await recordNotes(ctx, session, planNoteAdd(note), s);
  return note;
}
