import { randomUUID } from 'node:crypto';
import type { Context } from '../context.js';
import { recordEvent, type HistoryEvent, type Note } from '../core/progress/history.js';
import { roadmapProgress, type Progress } from '../core/progress/status.js';
import { planStatusChange, STATUS_ACTION } from '../core/progress/status-change.js';
import { subtree, type TopicEntry } from '../core/tree.js';
import type { Status } from '../core/types.js';
import { sectionRef, topicJson } from '../ui/topic-json.js';
import { openSession, refreshSession, stamp, updateProgress, type GlobalOptions, type Session } from './session.js';
import { pickTopics } from './topic-args.js';

/** What a status change did; `done`, `start`, `skip`, `reset` and `walk` all make one. */
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

/**
 * Sets the status of the named topics (and their subtopics, see planStatusChange) as one history event. All
 * references are resolved before anything is written, so one bad reference changes nothing; on a terminal a missing
 * or ambiguous one opens a picker.
 */
export async function markTopics(refs: readonly string[], status: Status, opts: GlobalOptions, ctx: Context): Promise<MarkResult> {
  const session = await openSession(ctx, opts);
  const named = await pickTopics(ctx, session, refs, STATUS_ACTION[status], opts.json);
  return applyStatus(ctx, session, named, status);
}

/** Records one event setting `status` on resolved topics and refreshes the session from the result. */
export async function applyStatus(ctx: Context, session: Session, named: TopicEntry[], status: Status): Promise<MarkResult> {
  const { event, state } = await updateProgress(ctx, session, (state) => ({
    event: recordEvent(state, stamp(ctx), planStatusChange(state, named.map((e) => e.topic), status)),
    state,
  }));
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

/** Stores a note on a topic as one undoable change and refreshes the session. */
export async function saveNote(ctx: Context, session: Session, entry: TopicEntry, text: string): Promise<Note> {
  const s = stamp(ctx);
  const note: Note = { id: randomUUID(), topic: entry.topic.id, text, at: s.at };
  const state = await updateProgress(ctx, session, (state) => {
    recordEvent(state, s, { action: 'note', subject: entry.topic.id, notesAdded: [note] });
    return state;
  });
  refreshSession(session, state);
  return note;
}
