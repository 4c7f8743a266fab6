import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import {
  applyChanges,
  fromRecords,
  toRecords,
  type ProgressStore,
  type StatusChange,
  type StoredData,
  type TopicRecord,
} from './progress-store.js';

const FILE_NAME = 'progress';

/**
 * Progress in a JSON file written by conf (atomic writes). Reads parse the file directly so that read-only
 * commands do not pay for loading conf.
 */
export class ConfStore implements ProgressStore {
  readonly location: string;

  constructor(private readonly dir: string) {
    this.location = join(dir, `${FILE_NAME}.json`);
  }

  read(roadmapId: string): Map<string, TopicRecord> {
    const data = this.readAll();
    return toRecords(Object.hasOwn(data.roadmaps, roadmapId) ? data.roadmaps[roadmapId] : undefined);
  }

  async update(roadmapId: string, changes: readonly StatusChange[], at: Date): Promise<string[]> {
    return this.write(roadmapId, (records) => applyChanges(records, changes, at));
  }

  async clear(roadmapId: string): Promise<number> {
    return this.write(roadmapId, (records) => {
      const n = records.size;
      records.clear();
      return n;
    });
  }

  private async write<T>(roadmapId: string, change: (records: Map<string, TopicRecord>) => T): Promise<T> {
    const { default: Conf } = await import('conf');
    const data = this.readAll();
    const records = toRecords(Object.hasOwn(data.roadmaps, roadmapId) ? data.roadmaps[roadmapId] : undefined);
    const result = change(records);
    const roadmaps = Object.fromEntries(Object.entries(data.roadmaps).filter(([id]) => id !== roadmapId));
    if (records.size > 0) roadmaps[roadmapId] = fromRecords(records);
    const conf = new Conf<StoredData>({
      cwd: this.dir,
      configName: FILE_NAME,
      projectName: 'roadmap',
      accessPropertiesByDotNotation: false,
      watch: false,
    });
    conf.store = { schemaVersion: 1, roadmaps };
    return result;
  }

  private readAll(): StoredData {
    let text: string;
    try {
      text = readFileSync(this.location, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: 1, roadmaps: {} };
      throw new InputError(`cannot read the progress file ${this.location}: ${(error as Error).message}`);
    }
    if (text.startsWith('\uFEFF')) text = text.slice(1);
    if (text.trim() === '') return { schemaVersion: 1, roadmaps: {} };
    try {
      const parsed = JSON.parse(text) as Partial<StoredData> | null;
      const roadmaps = parsed && typeof parsed.roadmaps === 'object' && !Array.isArray(parsed.roadmaps) ? parsed.roadmaps : {};
      return { schemaVersion: 1, roadmaps };
    } catch {
      throw new InputError(
        `the progress file ${this.location} is not valid JSON`,
        'it was left as it is; move it aside (or fix it) and run the command again',
      );
    }
  }
}
