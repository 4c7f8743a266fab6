import { StoreError } from './errors.js';
import type { Checked } from './json-file.js';
import { isObject, parseStored, STORE_VERSION, toState, type StoredData } from './progress-store.js';

/** How many entries of each list survive parsing, element by element, with the data model's own reader. */
const KEPT: Record<'topics' | 'notes' | 'events', (entry: unknown) => boolean> = {
  topics: (entry) => toState({ topics: [entry] }).records.size === 1,
  notes: (entry) => toState({ notes: [entry] }).notes.length === 1,
  events: (entry) => toState({ events: [entry] }).events.length === 1,
};

function checkRoadmap(raw: unknown, where: string): string | undefined {
  if (!isObject(raw)) return `${where} is not an object`;
  for (const key of ['topics', 'notes', 'events'] as const) {
    const list = key === 'topics' ? (raw.topics ?? raw.statuses) : raw[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return `${where}.${key} is not a list`;
    const bad = list.findIndex((entry) => !KEPT[key](entry));
    if (bad >= 0) return `${where}.${key}[${bad}] is not a valid entry: ${JSON.stringify(list[bad]).slice(0, 120)}`;
  }
  return undefined;
}

/**
 * Validates the parsed progress file. parseStored leaves out entries of the wrong shape; here any such entry makes
 * the file damaged instead, because what is left out would be lost at the next write. A file from a newer version
 * is an error and is left alone.
 */
export function checkStoredData(value: unknown): Checked<StoredData> {
  if (!isObject(value)) return { ok: false, problem: 'its top level is not a JSON object' };
  const version = value.schemaVersion;
  if (typeof version === 'number' && version > STORE_VERSION) {
    throw new StoreError(`the progress file was written by a newer version of roadmap (schema ${version}); it was left as it is`, 'upgrade roadmap to use it');
  }
  if (version !== undefined && version !== 1 && version !== STORE_VERSION) return { ok: false, problem: `"schemaVersion" is ${JSON.stringify(version)}` };
  const roadmaps = value.roadmaps ?? [];
  let problem: string | undefined;
  if (Array.isArray(roadmaps)) {
    for (const [i, r] of roadmaps.entries()) {
      problem ??= isObject(r) && typeof r.id === 'string' ? checkRoadmap(r, `roadmaps[${i}]`) : `roadmaps[${i}] has no text "id"`;
    }
  } else if (isObject(roadmaps)) {
    for (const [id, r] of Object.entries(roadmaps)) problem ??= checkRoadmap(r, `roadmaps[${JSON.stringify(id)}]`);
  } else {
    problem = '"roadmaps" is neither a list nor an object';
  }
  return problem === undefined ? { ok: true, value: parseStored(value) } : { ok: false, problem };
}
