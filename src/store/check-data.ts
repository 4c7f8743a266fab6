import { EVENT_ACTIONS, emptyState, type EventAction, type HistoryEvent, type Note, type ProgressState, type StatusDelta, type StoredStatus } from '../core/progress/history.js';
import { STATUSES, type Status } from '../core/types.js';
import { StoreError } from './errors.js';
import type { Checked } from './json-file.js';
import { fromState, ID_SCHEME, isObject, STORE_VERSION, type StoredData } from './progress-store.js';

/** What is wrong with stored or exported progress, as "where what" ("roadmaps[0].events[3].changes[0].to is …"). */
export class Malformed extends Error {}

function bad(path: string, what: string): never {
  throw new Malformed(`${path} ${what}`);
}

/** A short description of a value for messages. It never walks into the value, so any nesting depth is safe. */
export function preview(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) bad(path, `is ${preview(v)}, not an object`);
  return v;
}

/** Every field of `o` must be one roadmap knows: anything else would be left out when the file is written again. */
function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) bad(path, `has a field roadmap does not know, ${preview(key)}`);
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') bad(path, `is ${preview(v)}, not text`);
  return v;
}

function optStr(v: unknown, path: string): string | undefined {
  return v === undefined ? undefined : str(v, path);
}

/** A list; a missing one is empty. */
function list(v: unknown, path: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) bad(path, `is ${preview(v)}, not a list`);
  return v;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (!(allowed as readonly unknown[]).includes(v)) bad(path, `is ${preview(v)}, not one of ${allowed.join(', ')}`);
  return v as T;
}

const STORED: readonly StoredStatus[] = ['done', 'in-progress', 'skipped'];

function note(raw: unknown, path: string): Note {
  const n = obj(raw, path);
  onlyKeys(n, ['id', 'topic', 'text', 'at', 'edited'], path);
  const out: Note = { id: str(n.id, `${path}.id`), topic: str(n.topic, `${path}.topic`), text: str(n.text, `${path}.text`), at: str(n.at, `${path}.at`) };
  const edited = optStr(n.edited, `${path}.edited`);
  if (edited !== undefined) out.edited = edited;
  return out;
}

function delta(raw: unknown, path: string): StatusDelta {
  const d = obj(raw, path);
  onlyKeys(d, ['topic', 'from', 'to', 'fromAt', 'toAt'], path);
  const out: StatusDelta = { topic: str(d.topic, `${path}.topic`), from: oneOf<Status>(d.from, STATUSES, `${path}.from`), to: oneOf<Status>(d.to, STATUSES, `${path}.to`) };
  const fromAt = optStr(d.fromAt, `${path}.fromAt`);
  const toAt = optStr(d.toAt, `${path}.toAt`);
  if (fromAt !== undefined) out.fromAt = fromAt;
  if (toAt !== undefined) out.toAt = toAt;
  return out;
}

const EVENT_KEYS = ['id', 'at', 'action', 'subject', 'changes', 'notesAdded', 'notesRemoved', 'undoneBy', 'reverts', 'redoneBy', 'redoes', 'importedBy'];

/** A history entry; `dropped` (the entries an undone import brought, kept for redo) holds entries one level deep. */
function event(raw: unknown, path: string, nested = false): HistoryEvent {
  const e = obj(raw, path);
  onlyKeys(e, nested ? EVENT_KEYS : [...EVENT_KEYS, 'dropped'], path);
  const out: HistoryEvent = {
    id: str(e.id, `${path}.id`),
    at: str(e.at, `${path}.at`),
    action: oneOf<EventAction>(e.action, EVENT_ACTIONS, `${path}.action`),
    changes: list(e.changes, `${path}.changes`).map((d, i) => delta(d, `${path}.changes[${i}]`)),
    notesAdded: list(e.notesAdded, `${path}.notesAdded`).map((n, i) => note(n, `${path}.notesAdded[${i}]`)),
    notesRemoved: list(e.notesRemoved, `${path}.notesRemoved`).map((n, i) => note(n, `${path}.notesRemoved[${i}]`)),
  };
  for (const key of ['subject', 'undoneBy', 'reverts', 'redoneBy', 'redoes', 'importedBy'] as const) {
    const v = optStr(e[key], `${path}.${key}`);
    if (v !== undefined) out[key] = v;
  }
  if (e.dropped !== undefined) out.dropped = list(e.dropped, `${path}.dropped`).map((d, i) => event(d, `${path}.dropped[${i}]`, true));
  return out;
}

/**
 * One roadmap's statuses, notes and history, every entry checked: a field of the wrong type, a status or action that
 * does not exist, an unknown field or a topic listed twice is Malformed (with its path), never left out. `topics` is
 * the list's name in the progress file, `statuses` in an export.
 */
export function readRoadmapState(r: Record<string, unknown>, path: string, topicsKey: 'topics' | 'statuses', idSchemeAllowed: boolean): ProgressState {
  const state = emptyState();
  if (r.idScheme !== undefined && (!idSchemeAllowed || r.idScheme !== ID_SCHEME)) bad(`${path}.idScheme`, `is ${preview(r.idScheme)}, not ${ID_SCHEME}`);
  if (r.idScheme === undefined) state.legacyIds = true;
  list(r[topicsKey], `${path}.${topicsKey}`).forEach((raw, i) => {
    const where = `${path}.${topicsKey}[${i}]`;
    const t = obj(raw, where);
    onlyKeys(t, ['id', 'status', 'updatedAt', 'title'], where);
    const id = str(t.id, `${where}.id`);
    if (state.records.has(id)) bad(where, `lists topic ${preview(id)} a second time`);
    const record = { status: oneOf(t.status, STORED, `${where}.status`), updatedAt: optStr(t.updatedAt, `${where}.updatedAt`) ?? '' };
    const title = optStr(t.title, `${where}.title`);
    state.records.set(id, title === undefined ? record : { ...record, title });
  });
  state.notes = list(r.notes, `${path}.notes`).map((n, i) => note(n, `${path}.notes[${i}]`));
  state.events = list(r.events, `${path}.events`).map((e, i) => event(e, `${path}.events[${i}]`));
  return state;
}

/** The progress in an export (`roadmap export`), every entry checked as in the progress file. */
export function readExportState(doc: Record<string, unknown>): ProgressState {
  onlyKeys(doc, ['schemaVersion', 'kind', 'exportedAt', 'idScheme', 'roadmap', 'statuses', 'notes', 'events'], 'its top level');
  onlyKeys(obj(doc.roadmap, 'roadmap'), ['id', 'name', 'title', 'source'], 'roadmap');
  return readRoadmapState(doc, 'export', 'statuses', true);
}

function checkStored(value: unknown): StoredData {
  const top = obj(value, 'its top level');
  const version = top.schemaVersion;
  if (typeof version === 'number' && version > STORE_VERSION) {
    throw new StoreError(`the progress file was written by a newer version of roadmap (schema ${version}); it was left as it is`, 'upgrade roadmap to use it');
  }
  if (version !== undefined && version !== 1 && version !== 2 && version !== STORE_VERSION) bad('"schemaVersion"', `is ${preview(version)}`);
  onlyKeys(top, ['schemaVersion', 'roadmaps'], 'its top level');
  // Files before version 3 were written with the old topic ids (see ID_SCHEME); they are translated when read.
  const current = version === STORE_VERSION;
  const data: StoredData = { schemaVersion: STORE_VERSION, roadmaps: [] };
  const seen = new Map<string, number>();
  const add = (id: string, state: ProgressState, where: string): void => {
    const first = seen.get(id);
    if (first !== undefined) bad(where, `repeats the roadmap id ${preview(id)} of roadmaps[${first}]`);
    seen.set(id, data.roadmaps.length);
    data.roadmaps.push(fromState(id, state));
  };
  const roadmaps = top.roadmaps ?? [];
  if (Array.isArray(roadmaps)) {
    roadmaps.forEach((raw, i) => {
      const where = `roadmaps[${i}]`;
      const r = obj(raw, where);
      onlyKeys(r, ['id', 'idScheme', 'topics', 'notes', 'events'], where);
      add(str(r.id, `${where}.id`), readRoadmapState(r, where, 'topics', current), where);
    });
  } else if (isObject(roadmaps)) {
    for (const [id, raw] of Object.entries(roadmaps)) {
      const where = `roadmaps[${JSON.stringify(id)}]`;
      const r = obj(raw, where);
      onlyKeys(r, ['topics', 'notes', 'events'], where);
      add(id, readRoadmapState(r, where, 'topics', false), where);
    }
  } else {
    bad('"roadmaps"', 'is neither a list nor an object');
  }
  return data;
}

/**
 * Validates the parsed progress file, every entry at every level. Whatever roadmap would not write back exactly as it
 * is (an unknown field, a wrong type, a duplicate) makes the file damaged, so it is moved aside whole instead of
 * losing that part at the next write. A file from a newer version is an error and is left alone.
 */
export function checkStoredData(value: unknown): Checked<StoredData> {
  try {
    return { ok: true, value: checkStored(value) };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, problem: error.message };
    throw error;
  }
}
