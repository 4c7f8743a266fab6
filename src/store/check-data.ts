import { STATUSES } from '../core/types.js';
import { InputError } from '../errors.js';
import type { Checked } from './json-file.js';
import type { StoredData } from './progress-store.js';

const STORED = new Set<string>(STATUSES.filter((s) => s !== 'pending'));

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(problem: string): Checked<StoredData> {
  return { ok: false, problem };
}

/**
 * Validates the parsed progress file. A wrong shape is reported rather than skipped: whatever was skipped would be
 * lost at the next write. A file from a newer version is an error and is left alone.
 */
export function checkStoredData(value: unknown): Checked<StoredData> {
  if (!isObject(value)) return bad('its top level is not a JSON object');
  const version = value.schemaVersion;
  if (typeof version === 'number' && version > 1) {
    throw new InputError(`the progress file was written by a newer version of roadmap (schema ${version}); it was left as it is`, 'upgrade roadmap to use it');
  }
  if (version !== undefined && version !== 1) return bad(`"schemaVersion" is ${JSON.stringify(version)}, not 1`);
  const roadmaps = value.roadmaps ?? {};
  if (!isObject(roadmaps)) return bad('"roadmaps" is not an object');
  for (const [id, roadmap] of Object.entries(roadmaps)) {
    const where = `roadmaps[${JSON.stringify(id)}]`;
    if (!isObject(roadmap) || !Array.isArray(roadmap.topics)) return bad(`${where}.topics is not a list`);
    for (const [i, topic] of (roadmap.topics as unknown[]).entries()) {
      const at = `${where}.topics[${i}]`;
      if (!isObject(topic) || typeof topic.id !== 'string') return bad(`${at} has no text "id"`);
      if (typeof topic.status !== 'string' || !STORED.has(topic.status)) return bad(`${at} has status ${JSON.stringify(topic.status)}, not one of ${[...STORED].join(', ')}`);
      if (topic.updatedAt !== undefined && typeof topic.updatedAt !== 'string') return bad(`${at} has an "updatedAt" that is not text`);
    }
  }
  return { ok: true, value: { schemaVersion: 1, roadmaps: roadmaps as StoredData['roadmaps'] } };
}
