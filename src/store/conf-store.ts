import { join } from 'node:path';
import { checkStoredData } from './check-data.js';
import { parseJsonText, readJsonFile, withStoreLock } from './json-file.js';
import { emptyData, stateOf, withState, type ProgressState, type ProgressStore, type StoredData } from './progress-store.js';

const FILE_NAME = 'progress';

type ConfClass = typeof import('conf').default;

/**
 * Progress in a JSON file written by conf (atomic writes) under a lock file, so concurrent commands lose nothing.
 * Reads parse the file directly so that read-only commands do not pay for loading conf. Every change goes through
 * `write`, one locked read-modify-write of the whole file. A damaged file is moved aside, never overwritten.
 */
export class ConfStore implements ProgressStore {
  readonly location: string;

  constructor(
    private readonly dir: string,
    private readonly warn: (message: string) => void = (message) => process.stderr.write(message),
  ) {
    this.location = join(dir, `${FILE_NAME}.json`);
  }

  read(roadmapId: string): ProgressState {
    return stateOf(this.readAll(), roadmapId);
  }

  async update<T>(roadmapId: string, change: (state: ProgressState) => T): Promise<T> {
    return this.write((data) => {
      const state = stateOf(data, roadmapId);
      const result = change(state);
      return { data: withState(data, roadmapId, state), result };
    });
  }

  /** The single read-modify-write: reads the file fresh, lets `mutator` produce the new content, saves it. */
  private async write<T>(mutator: (data: StoredData) => { data: StoredData; result: T }): Promise<T> {
    const { default: Conf } = await import('conf');
    // Everything from the read to conf's rename happens under the lock: a read-modify-write without one loses updates.
    return withStoreLock(this.location, () => this.writeLocked(Conf, mutator), this.warn);
  }

  private writeLocked<T>(Conf: ConfClass, mutator: (data: StoredData) => { data: StoredData; result: T }): T {
    const { data, result } = mutator(this.readAll());
    const conf = new Conf<StoredData>({
      cwd: this.dir,
      configName: FILE_NAME,
      projectName: 'roadmap',
      accessPropertiesByDotNotation: false,
      watch: false,
      deserialize: (text) => parseJsonText(text) as StoredData,
    });
    conf.store = data;
    return result;
  }

  private readAll(): StoredData {
    return readJsonFile(this.location, checkStoredData, this.warn) ?? emptyData();
  }

  roadmapIds(): string[] {
    return this.readAll().roadmaps.map((r) => r.id);
  }
}
