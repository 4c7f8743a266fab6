import type { ProgressState } from '../core/progress/history.js';
import { longHash } from '../core/text/hash.js';
import { sortedJson } from '../core/text/sorted-json.js';
import { fromState, isObject, toState } from '../store/progress-store.js';

/** Marks a sync file so nothing else is read as one. */
export const SYNC_KIND = 'roadmap-sync';
export const SYNC_FILE_VERSION = 1;
/** The folder of the sync repository that holds one file per roadmap. */
export const PROGRESS_DIR = 'progress';

/** `progress/<roadmap id>.json`; an id that is not a plain file name is hashed (the id itself is inside the file). */
export function fileFor(roadmapId: string): string {
  const name = /^[a-z0-9][a-z0-9_-]{0,99}$/i.test(roadmapId) ? roadmapId : `id-${longHash(roadmapId)}`;
  return `${PROGRESS_DIR}/${name}.json`;
}

/** Whether a path in the repository is a roadmap's file (`progress/*.json`, not in a subfolder). */
export function isProgressFile(path: string): boolean {
  return path.startsWith(`${PROGRESS_DIR}/`) && path.endsWith('.json') && !path.slice(PROGRESS_DIR.length + 1).includes('/');
}

/**
 * A roadmap's progress as the repository keeps it, written for diffs: keys sorted everywhere, and each topic, note and
 * history entry on a line of its own, so a change shows as the lines it touched.
 */
export function serializeSyncFile(roadmapId: string, state: ProgressState): string {
  const stored = fromState(roadmapId, state);
  stored.topics.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const list = (items: readonly unknown[]): string => (items.length === 0 ? '[]' : `[\n${items.map((i) => `    ${sortedJson(i)}`).join(',\n')}\n  ]`);
  return [
    '{',
    `  "events": ${list(stored.events)},`,
    `  "kind": ${JSON.stringify(SYNC_KIND)},`,
    `  "notes": ${list(stored.notes)},`,
    `  "roadmap": ${sortedJson(roadmapId)},`,
    `  "schemaVersion": ${String(SYNC_FILE_VERSION)},`,
    `  "topics": ${list(stored.topics)}`,
    '}',
    '',
  ].join('\n');
}

export type ParsedSyncFile = { ok: true; roadmapId: string; state: ProgressState } | { ok: false; problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a sync file strictly: any entry the data model would not keep exactly as written, a repeated id, or a wrong
 * document makes the whole file damaged (sync refuses it rather than drop part of someone's progress).
 */
export function parseSyncFile(bytes: Uint8Array): ParsedSyncFile {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    return { ok: false, problem: error instanceof SyntaxError ? `it is not valid JSON (${error.message})` : 'it is not UTF-8 text' };
  }
  if (!isObject(value)) return { ok: false, problem: 'its top level is not a JSON object' };
  if (value.kind !== SYNC_KIND) return { ok: false, problem: `"kind" is not "${SYNC_KIND}"` };
  if (typeof value.schemaVersion !== 'number' || value.schemaVersion > SYNC_FILE_VERSION) {
    return { ok: false, problem: `"schemaVersion" is ${sortedJson(value.schemaVersion) || 'missing'}: written by a newer roadmap (this one reads ${String(SYNC_FILE_VERSION)}); update roadmap on this machine` };
  }
  if (typeof value.roadmap !== 'string') return { ok: false, problem: '"roadmap" (the roadmap id) is not text' };
  const state = toState(value);
  const stored = fromState(value.roadmap, state);
  for (const key of ['topics', 'notes', 'events'] as const) {
    const raw = value[key] ?? [];
    if (!Array.isArray(raw)) return { ok: false, problem: `"${key}" is not a list` };
    const kept: readonly unknown[] = stored[key];
    if (raw.length !== kept.length) {
      const index = raw.findIndex((entry, i) => sortedJson(entry) !== sortedJson(kept[i]));
      return { ok: false, problem: `${key}[${String(Math.max(index, 0))}] is not a valid entry, or repeats an id` };
    }
    const bad = raw.findIndex((entry, i) => sortedJson(entry) !== sortedJson(kept[i]));
    if (bad >= 0) return { ok: false, problem: `${key}[${String(bad)}] is not a valid entry: ${sortedJson(raw[bad]).slice(0, 120)}` };
  }
  for (const key of ['notes', 'events'] as const) {
    const ids = stored[key].map((e) => e.id);
    if (new Set(ids).size !== ids.length) return { ok: false, problem: `two ${key} have the same id` };
  }
  return { ok: true, roadmapId: value.roadmap, state };
}
