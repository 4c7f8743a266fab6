import { join } from 'node:path';
import { checkStoredData } from './check-data.js';
import { StoreError } from './errors.js';
import { MAX_STORE_BYTES, readJsonFile, withStoreLock, writeFileAtomic } from './json-file.js';
import type { Roadmap } from '../core/types.js';
import { emptyData, KnownRoadmaps, stateOf, withState, type ProgressState, type ProgressStore, type StoredData } from './progress-store.js';

const FILE_NAME = 'progress';
/** A progress file smaller than this (compact) is written indented with tabs. */
const INDENT_BELOW = 1024 * 1024;

/**
 * Progress in a JSON file replaced atomically under a lock file, so concurrent commands lose nothing. Every change
 * goes through `write`, one locked read-modify-write of the whole file whose rename happens only while the lock is
 * still this process's. A damaged file is moved aside, never overwritten. (The file used to be written by conf; the
 * check right before the rename needs the write in this code.)
 */
export class ConfStore implements ProgressStore {
  readonly location: string;

  constructor(
    private readonly dir: string,
    private readonly warn: (message: string) => void = (message) => process.stderr.write(message),
  ) {
    this.location = join(dir, `${FILE_NAME}.json`);
  }

  private readonly known = new KnownRoadmaps();

  read(roadmapId: string): ProgressState {
    return this.known.adopt(roadmapId, stateOf(this.readAll(), roadmapId));
  }

  useRoadmap(roadmapId: string, roadmap: Roadmap): void {
    this.known.use(roadmapId, roadmap);
  }

  async update<T>(roadmapId: string, change: (state: ProgressState) => T): Promise<T> {
    return this.write((data) => {
      const state = this.known.adopt(roadmapId, stateOf(data, roadmapId));
      const result = change(state);
      return { data: withState(data, roadmapId, state), result };
    });
  }

  /** The single read-modify-write: reads the file fresh, lets `mutator` produce the new content, saves it. */
  private async write<T>(mutator: (data: StoredData) => { data: StoredData; result: T }): Promise<T> {
    // Everything from the read to the rename happens under the lock: a read-modify-write without one loses updates.
    return withStoreLock(this.location, () => this.writeLocked(mutator), this.warn);
  }

  private writeLocked<T>(mutator: (data: StoredData) => { data: StoredData; result: T }): T {
    const { data, result } = mutator(this.readAll());
    let text = JSON.stringify(data);
    // Indented for people while it is small enough to read; compact beyond, where size and speed matter more.
    if (text.length < INDENT_BELOW) text = JSON.stringify(data, undefined, '\t');
    if (text.length > MAX_STORE_BYTES) {
      throw new StoreError(
        `saving this change would make the progress file ${(text.length / 1024 / 1024).toFixed(0)} MB, more than the ${String(MAX_STORE_BYTES / 1024 / 1024)} MB roadmap reads; nothing was saved`,
        'a history this long was not made by hand: export what you need (roadmap export), then start a new progress file',
      );
    }
    writeFileAtomic(this.location, `${text}\n`);
    return result;
  }

  private readAll(): StoredData {
    return readJsonFile(this.location, checkStoredData, this.warn) ?? emptyData();
  }

  roadmapIds(): string[] {
    return this.readAll().roadmaps.map((r) => r.id);
  }
}
