import { applyChanges, type ProgressStore, type StatusChange, type TopicRecord } from './progress-store.js';

/** A store that lives in memory, for tests of commands that do not care about files. */
export class MemoryStore implements ProgressStore {
  readonly location = '(memory)';
  private readonly data = new Map<string, Map<string, TopicRecord>>();

  read(roadmapId: string): Map<string, TopicRecord> {
    return new Map(this.data.get(roadmapId));
  }

  update(roadmapId: string, changes: readonly StatusChange[], at: Date): Promise<string[]> {
    const records = this.read(roadmapId);
    const changed = applyChanges(records, changes, at);
    this.data.set(roadmapId, records);
    return Promise.resolve(changed);
  }

  clear(roadmapId: string): Promise<number> {
    const n = this.data.get(roadmapId)?.size ?? 0;
    this.data.delete(roadmapId);
    return Promise.resolve(n);
  }
}
