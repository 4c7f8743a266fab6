import {
  EVENT_ACTIONS,
  emptyState,
  type EventAction,
  type HistoryEvent,
  type Note,
  type ProgressState,
  type StatusDelta,
  type StoredStatus,
  type TopicRecord,
} from '../core/progress/history.js';
import { STATUSES, type Status } from '../core/types.js';
import { adoptCurrentIds } from '../core/progress/identity.js';
import type { Roadmap } from '../core/types.js';

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
  /** The ids of the roadmaps that have progress stored (for sync, which carries all of them). */
  roadmapIds(): string[];
  /**
   * Tells the store which roadmap an id holds progress for. From then on every read and update of that id translates
   * topic ids stored the old way (before store version 3) to the roadmap's current ones first, whichever command
   * path reads or writes it; a roadmap never named here keeps its stored ids as they are, marked as old.
   */
  useRoadmap?(roadmapId: string, roadmap: Roadmap): void;
}

/** The per-process list of roadmaps named through useRoadmap, and the translation it applies. */
export class KnownRoadmaps {
  private readonly trees = new Map<string, Roadmap>();

  use(roadmapId: string, roadmap: Roadmap): void {
    this.trees.set(roadmapId, roadmap);
  }

  /** The state with current ids when its roadmap is known (see adoptCurrentIds); as it is otherwise. */
  adopt(roadmapId: string, state: ProgressState): ProgressState {
    const roadmap = this.trees.get(roadmapId);
    if (roadmap) adoptCurrentIds(roadmap, state);
    return state;
  }
}

/**
 * The file, version 3. Every id (roadmap, topic, note, event) is a value inside an array, never an object key, so
 * any string is safe (`__proto__`, `0`, `a.b`). Versions 1 (`roadmaps` keyed by id, statuses only) and 2 are read
 * too; their topic ids are the old ones (see ID_SCHEME). check-data.ts reads the file, strictly.
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
 * moved progress between them. 2: it is "x--2", which no title's slug can be (see core/ids.ts).
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

/**
 * One roadmap's state from its stored entry (or a sync file). Entries of the wrong shape are left out here: readers
 * that must not lose anything check first (check-data.ts for the progress file and exports, sync for its files).
 */
export function toState(raw: unknown): ProgressState {
  const state = emptyState();
  if (!isObject(raw)) return state;
  if (raw.idScheme !== ID_SCHEME) state.legacyIds = true;
  for (const t of arrayOf(raw.topics ?? raw.statuses)) {
    if (isObject(t) && typeof t.id === 'string' && isStored(t.status)) {
      const record: TopicRecord = { status: t.status, updatedAt: typeof t.updatedAt === 'string' ? t.updatedAt : '' };
      if (typeof t.title === 'string') record.title = t.title;
      state.records.set(t.id, record);
    }
  }
  state.notes = arrayOf(raw.notes).filter(isNote).map(copyNote);
  state.events = arrayOf(raw.events).map((e) => toEvent(e)).filter((e) => e !== undefined);
  return state;
}

export function fromState(id: string, state: ProgressState): StoredRoadmap {
  const out: StoredRoadmap = { id, topics: [], notes: state.notes, events: state.events };
  if (!state.legacyIds) out.idScheme = ID_SCHEME;
  for (const [topic, r] of state.records) {
    out.topics.push(r.title === undefined ? { id: topic, status: r.status, updatedAt: r.updatedAt } : { id: topic, status: r.status, updatedAt: r.updatedAt, title: r.title });
  }
  return out;
}

function toEvent(raw: unknown, nested = false): HistoryEvent | undefined {
  if (!isObject(raw) || typeof raw.id !== 'string' || typeof raw.at !== 'string' || !isAction(raw.action)) return undefined;
  const event: HistoryEvent = {
    id: raw.id,
    at: raw.at,
    action: raw.action,
    changes: arrayOf(raw.changes).filter(isDelta).map(copyDelta),
    notesAdded: arrayOf(raw.notesAdded).filter(isNote).map(copyNote),
    notesRemoved: arrayOf(raw.notesRemoved).filter(isNote).map(copyNote),
  };
  for (const key of ['subject', 'undoneBy', 'reverts', 'importedBy', 'redoneBy', 'redoes'] as const) {
    const v = raw[key];
    if (typeof v === 'string') event[key] = v;
  }
  // The history an undone import brought in, kept for redo: one level deep, never nested further.
  if (!nested && Array.isArray(raw.dropped)) {
    const dropped = raw.dropped.map((d) => toEvent(d, true)).filter((e) => e !== undefined);
    if (dropped.length > 0) event.dropped = dropped;
  }
  return event;
}

function copyNote(n: Note): Note {
  const out: Note = { id: n.id, topic: n.topic, text: n.text, at: n.at };
  if (typeof n.edited === 'string') out.edited = n.edited;
  return out;
}

function copyDelta(d: StatusDelta): StatusDelta {
  const out: StatusDelta = { topic: d.topic, from: d.from, to: d.to };
  if (typeof d.fromAt === 'string') out.fromAt = d.fromAt;
  if (typeof d.toAt === 'string') out.toAt = d.toAt;
  return out;
}

/** A plain JSON object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isStored(s: unknown): s is StoredStatus {
  return s === 'done' || s === 'in-progress' || s === 'skipped';
}

function isStatus(s: unknown): s is Status {
  return STATUSES.includes(s as Status);
}

function isAction(a: unknown): a is EventAction {
  return EVENT_ACTIONS.includes(a as EventAction);
}

function isNote(n: unknown): n is Note {
  return isObject(n) && typeof n.id === 'string' && typeof n.topic === 'string' && typeof n.text === 'string' && typeof n.at === 'string';
}

function isDelta(d: unknown): d is StatusDelta {
  return isObject(d) && typeof d.topic === 'string' && isStatus(d.from) && isStatus(d.to);
}
