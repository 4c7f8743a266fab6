import type { Command } from 'commander';
import type { Context } from '../context.js';
import { planStatus, recordEvent, type EventAction, type HistoryEvent, type ProgressState } from '../core/history.js';
import { roadmapProgress, type Progress } from '../core/progress.js';
import type { Status, Topic } from '../core/types.js';
import { subtree, type TopicEntry } from '../core/walk.js';
import { renderMarked } from '../ui/render-topic.js';
import { sectionRef, topicJson } from '../ui/topic-json.js';
import type { Kit } from './kit.js';
import { pickTopics } from './pick.js';
import { type GlobalOptions, openSession, refreshSession, type Session, stamp, updateProgress } from './shared.js';

export interface MarkResult {
  session: Session;
  /** Topics the user named, in the order given. */
  named: TopicEntry[];
  /** Ids whose stored status changed (descendants of a named parent included). */
  changed: Set<string>;
  status: Status;
  progress: Progress;
  /** The history entry, absent when nothing changed. */
  event: HistoryEvent | undefined;
}

/** Which ids a status applies to when the user names `topic`. */
const SCOPE: Record<Status, (topic: Topic, state: ProgressState) => string[]> = {
  // Finishing or resetting a parent finishes or resets everything under it.
  done: (t) => subtree(t).map((x) => x.id),
  pending: (t) => subtree(t).map((x) => x.id),
  // Skipping a parent skips what is left under it, never turning finished work into skipped work.
  skipped: (t, state) => [t.id, ...subtree(t).slice(1).filter((x) => state.records.get(x.id)?.status !== 'done').map((x) => x.id)],
  // Starting a parent marks the parent only: `next` then offers its first pending subtopic.
  'in-progress': (t) => [t.id],
};

const ACTION: Record<Status, EventAction> = { done: 'done', pending: 'reset', skipped: 'skip', 'in-progress': 'start' };

/**
 * Sets the status of the named topics (and, per SCOPE, their subtopics) as one history event. All references are
 * resolved before anything is written, so one bad reference changes nothing; on a terminal a missing or ambiguous
 * one opens a picker.
 */
export async function markTopics(refs: readonly string[], status: Status, opts: GlobalOptions, ctx: Context): Promise<MarkResult> {
  const session = await openSession(ctx, opts);
  const named = await pickTopics(ctx, session, refs, ACTION[status], opts.json);
  return applyStatus(ctx, session, named, status);
}

/** Records one event setting `status` on resolved topics (see SCOPE) and refreshes the session from the result. */
export async function applyStatus(ctx: Context, session: Session, named: TopicEntry[], status: Status): Promise<MarkResult> {
  const verb = ACTION[status];
  const { event, state } = await updateProgress(ctx, session, (state) => {
    const ids = named.flatMap((e) => SCOPE[status](e.topic, state));
    const subject = named.map((e) => e.topic.id).join(' ');
    return { event: recordEvent(state, stamp(ctx), { action: verb, subject, changes: planStatus(state, ids, status) }), state };
  });
  refreshSession(session, state);
  const changed = new Set(event?.changes.map((d) => d.topic));
  return { session, named, changed, status, progress: roadmapProgress(session.roadmap, session.statuses), event };
}

/** JSON for `done`, `start`, `skip` and `reset`: the topics the command changed, each with its section. */
export function changedJson(r: MarkResult): unknown {
  return r.named
    .filter((e) => subtree(e.topic).some((t) => r.changed.has(t.id)))
    .map((e) => ({ ...topicJson(e.topic, r.session.statuses, false, r.session.notes), section: sectionRef(e.section) }));
}

export interface MarkCommand {
  name: string;
  status: Exclude<Status, 'pending'>;
  description: string;
  examples: string[];
}

/** `done`, `start` and `skip`: the same topic arguments, JSON and output, each setting its own status. */
export function registerMarkCommand(kit: Kit, spec: MarkCommand): void {
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
