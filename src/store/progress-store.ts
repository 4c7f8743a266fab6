import type { Status } from '../core/types.js';

/** One topic's stored state. Pending topics are not stored. */
export interface TopicRecord {
  status: Exclude<Status, 'pending'>;
  /** ISO timestamp of the last change. */
  updatedAt: string;
}

export interface StatusChange {
  id: string;
  /** `pending` removes the record. */
  status: Status;
}

/** Where progress is kept. Commands only talk to this interface. */
export interface ProgressStore {
  /** The file (or a description of the place) that holds the data, for `info` and error messages. */
  readonly location: string;
  read(roadmapId: string): Map<string, TopicRecord>;
  /** Applies changes atomically and returns the ids whose stored status changed. */
  update(roadmapId: string, changes: readonly StatusChange[], at: Date): Promise<string[]>;
  /** Forgets every record of a roadmap and returns how many there were. */
  clear(roadmapId: string): Promise<number>;
}

/** The serialised form of one roadmap's progress. Arrays, not objects, so any string is a safe topic id. */
export interface StoredRoadmap {
  topics: Array<{ id: string } & TopicRecord>;
}

export interface StoredData {
  schemaVersion: 1;
  roadmaps: Record<string, StoredRoadmap>;
}

/** Applies changes to a roadmap's records; returns the changed ids. Shared by every store implementation. */
export function applyChanges(records: Map<string, TopicRecord>, changes: readonly StatusChange[], at: Date): string[] {
  const changed: string[] = [];
  for (const { id, status } of changes) {
    const before = records.get(id)?.status ?? 'pending';
    if (before === status) continue;
    if (status === 'pending') records.delete(id);
    else records.set(id, { status, updatedAt: at.toISOString() });
    changed.push(id);
  }
  return changed;
}

export function toRecords(stored: StoredRoadmap | undefined): Map<string, TopicRecord> {
  const map = new Map<string, TopicRecord>();
  if (!stored || !Array.isArray(stored.topics)) return map;
  for (const t of stored.topics) {
    if (typeof t.id === 'string' && isStoredStatus(t.status)) map.set(t.id, { status: t.status, updatedAt: typeof t.updatedAt === 'string' ? t.updatedAt : '' });
  }
  return map;
}

export function fromRecords(records: Map<string, TopicRecord>): StoredRoadmap {
  return { topics: [...records].map(([id, r]) => ({ id, status: r.status, updatedAt: r.updatedAt })) };
}

function isStoredStatus(s: unknown): s is TopicRecord['status'] {
  return s === 'done' || s === 'in-progress' || s === 'skipped';
}
