import { emptyState, type HistoryEvent, type Note, type ProgressState, type StatusDelta, type TopicRecord } from '../core/history.js';

export type { HistoryEvent, Note, ProgressState, TopicRecord };

/** Where progress is kept. Commands only talk to this interface. */
export interface ProgressStore {
  /** The file (or a description of the place) that holds the data, for `info` and error messages. */
  readonly location: string;
  /** A roadmap's statuses, notes and history; an empty state when nothing is stored. */
  read(roadmapId: string): ProgressState;
  /**
   * One read-modify-write of a roadmap's state: `change` edits the state it is given (read fresh inside the write)
   * and everything it did is saved together. Its result is returned.
   */
  update<T>(roadmapId: string, change: (state: ProgressState) => T): Promise<T>;
}

/**
 * The file, version 3. Every id (roadmap, topic, note, event) is a value inside an array, never an object key, so
 * any string is safe (`__proto__`, `0`, `a.b`). Versions 1 (`roadmaps` keyed by id, statuses only) and 2 are read
 * too; their topic ids are the old ones (see ID_SCHEME).
 */
export interface StoredData {
  schemaVersion: 3;
  roadmaps: StoredRoadmap[];
}

export interface StoredRoadmap {
  id: string;
  /** ID_SCHEME when the topic ids inside are current ones; absent for ids from before version 3, not yet translated. */
  idScheme?: 2;
  topics: Array<{ id: string } & TopicRecord>;
  notes: Note[];
  events: HistoryEvent[];
}

export const STORE_VERSION = 3;

/**
 * How topic ids are made. 1: the second "x" among siblings was "x-2", which a title "X 2" also gets, so reordering
 * moved progress between them. 2: it is "x--2", which no title's slug can be (see core/slug.ts).
 */
export const ID_SCHEME = 2;

export function emptyData(): StoredData {
  return { schemaVersion: STORE_VERSION, roadmaps: [] };
}

/** A roadmap's state out of the stored data. */
export function stateOf(data: StoredData, roadmapId: string): ProgressState {
  return toState(data.roadmaps.find((r) => r.id === roadmapId));
}

/** Puts a roadmap's state back into the stored data; an empty state removes the roadmap's entry. */
export function withState(data: StoredData, roadmapId: string, state: ProgressState): StoredData {
  const others = data.roadmaps.filter((r) => r.id !== roadmapId);
  const empty = state.records.size === 0 && state.notes.length === 0 && state.events.length === 0;
  return { schemaVersion: STORE_VERSION, roadmaps: empty ? others : [...others, fromState(roadmapId, state)] };
}

/** A roadmap's state from its stored entry, which checkStoredData has validated. */
export function toState(raw: StoredRoadmap | undefined): ProgressState {
  const state = emptyState();
  if (!raw) return state;
  if (raw.idScheme !== ID_SCHEME) state.legacyIds = true;
  for (const t of raw.topics) {
    const record: TopicRecord = { status: t.status, updatedAt: t.updatedAt };
    if (t.title !== undefined) record.title = t.title;
    state.records.set(t.id, record);
  }
  state.notes = raw.notes.map(copyNote);
  state.events = raw.events.map(copyEvent);
  return state;
}

export function fromState(id: string, state: ProgressState): StoredRoadmap {
  const out: StoredRoadmap = { id, topics: [], notes: state.notes, events: state.events };
  if (!state.legacyIds) out.idScheme = ID_SCHEME;
  for (const [topic, r] of state.records) out.topics.push(r.title === undefined ? { id: topic, status: r.status, updatedAt: r.updatedAt } : { id: topic, status: r.status, updatedAt: r.updatedAt, title: r.title });
  return out;
}

function copyEvent(e: HistoryEvent): HistoryEvent {
  const event: HistoryEvent = { ...e, changes: e.changes.map(copyDelta), notesAdded: e.notesAdded.map(copyNote), notesRemoved: e.notesRemoved.map(copyNote) };
  return event;
}

function copyNote(n: Note): Note {
  return { id: n.id, topic: n.topic, text: n.text, at: n.at };
}

function copyDelta(d: StatusDelta): StatusDelta {
  const out: StatusDelta = { topic: d.topic, from: d.from, to: d.to };
  if (typeof d.fromAt === 'string') out.fromAt = d.fromAt;
  if (typeof d.toAt === 'string') out.toAt = d.toAt;
  return out;
}
