import type { HistoryEvent, Note, StatusDelta } from '../core/progress/history.js';
import type { Progress } from '../core/progress/status.js';
import { UNCHANGED_TEXT, type Unchanged } from '../core/progress/status-change.js';
import type { Roadmap } from '../core/types.js';
import { TopicNames } from './render/history.js';
import { SCHEMA_VERSION, progressJson, sectionRef } from './topic-json.js';

/** Everything a command that changes progress reports: the one `--json` shape of done, start, skip, reset, undo, redo and note. */
export interface ChangeView {
  roadmap: Roadmap;
  /** How every command's JSON names its roadmap: `{ id, name, title, source }`. */
  ref: { id: string; name: string | null; title: string; source: string };
  /** The history action: done, start, skip, reset, reset-section, reset-all, undo, redo, note, note-edit, note-delete. */
  action: string;
  changes: readonly StatusDelta[];
  unchanged: readonly Unchanged[];
  notesAdded: readonly Note[];
  notesRemoved: readonly Note[];
  /** The history entries the command wrote; none when it changed nothing. */
  recorded: readonly HistoryEvent[];
  progress: Progress;
}

/**
 * The change document (README "For scripts"): `changed` (each topic's status before and after), `unchanged` (topics
 * in scope that kept their status, with a `reason` code and a `why` sentence), `notes` added and removed, the history
 * entries `recorded` (empty when nothing changed), and the roadmap's `progress` afterwards. Topics the roadmap no
 * longer has carry their id only.
 */
export function changeJson(v: ChangeView): unknown {
  const names = new TopicNames(v.roadmap);
  const topic = (id: string): Record<string, unknown> => {
    const e = names.entry(id);
    return e ? { id, number: e.topic.number, title: e.topic.title, section: sectionRef(e.section) } : { id };
  };
  const note = (n: Note): Record<string, unknown> => {
    const e = names.entry(n.topic);
    return { id: n.id, topic: n.topic, ...(e ? { number: e.topic.number } : {}), text: n.text, at: n.at, ...(n.edited === undefined ? {} : { edited: n.edited }) };
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: v.ref,
    action: v.action,
    changed: v.changes.map((d) => ({ ...topic(d.topic), from: d.from, to: d.to })),
    unchanged: v.unchanged.map((u) => ({ ...topic(u.topic), status: u.status, reason: u.reason, why: UNCHANGED_TEXT[u.reason](u.status) })),
    notes: { added: v.notesAdded.map(note), removed: v.notesRemoved.map(note) },
    recorded: v.recorded.map((e) => ({ id: e.id, at: e.at, action: e.action, ...(e.reverts === undefined ? {} : { reverts: e.reverts }) })),
    progress: progressJson(v.progress),
  };
}
