import { join } from 'node:path';
import { checkStoredData } from './check-data.js';
import { parseJsonText, readJsonFile, withStoreLock } from './json-file.js';
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

type ConfClass = typeof import('conf').default;

/**
 * Progress in a JSON file written by conf (atomic writes) under a lock file, so concurrent commands lose nothing.
 * Reads parse the file directly so that read-only commands do not pay for loading conf; a damaged file is moved
 * aside, never overwritten, and `warn` says where it went.
 */
export class ConfStore implements ProgressStore {
  readonly location: string;

  constructor(
    private readonly dir: string,
    private readonly warn: (message: string) => void = (message) => process.stderr.write(message),
  ) {
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
    // Everything from the read to conf's rename happens under the lock: a read-modify-write without one loses updates.
    return withStoreLock(this.location, () => this.writeLocked(Conf, roadmapId, change), this.warn);
  }

  private writeLocked<T>(Conf: ConfClass, roadmapId: string, change: (records: Map<string, TopicRecord>) => T): T {
    const data = this.readAll();
    const records = toRecords(Object.hasOwn(data.roadmaps, roadmapId) ? data.roadmaps[roadmapId] : undefined);
    const result = change(records);
    const roadmaps = Object.fromEntries(Object.entries(data.roadmaps).filter(([id]) => id !== roadmapId));
    // defineProperty, not assignment: a roadmap id such as "__proto__" must be stored like any other.
    if (records.size > 0) Object.defineProperty(roadmaps, roadmapId, { value: fromRecords(records), enumerable: true, writable: true, configurable: true });
    const conf = new Conf<StoredData>({
      cwd: this.dir,
      configName: FILE_NAME,
      projectName: 'roadmap',
      accessPropertiesByDotNotation: false,
      watch: false,
      deserialize: (text) => parseJsonText(text) as StoredData,
    });
    conf.store = { schemaVersion: 1, roadmaps };
    return result;
  }

  private readAll(): StoredData {
    return readJsonFile(this.location, checkStoredData, this.warn) ?? { schemaVersion: 1, roadmaps: {} };
  }
}
