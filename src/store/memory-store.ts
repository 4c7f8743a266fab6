import type { Roadmap } from '../core/types.js';
import { emptyData, KnownRoadmaps, stateOf, withState, type ProgressState, type ProgressStore, type StoredData } from './progress-store.js';

/** A store that lives in memory, for tests of commands that do not care about files. Same shape as the file. */
export class MemoryStore implements ProgressStore {
  readonly location = '(memory)';
  private data: StoredData = emptyData();
  private readonly known = new KnownRoadmaps();

  read(roadmapId: string): ProgressState {
    // A deep copy, as a file read would give: callers may edit what they get.
    return this.known.adopt(roadmapId, stateOf(structuredClone(this.data), roadmapId));
  }

  useRoadmap(roadmapId: string, roadmap: Roadmap): void {
    this.known.use(roadmapId, roadmap);
  }

  update<T>(roadmapId: string, change: (state: ProgressState) => T): Promise<T> {
    const state = this.read(roadmapId);
    const result = change(state);
    this.data = withState(this.data, roadmapId, state);
    return Promise.resolve(result);
  }

  roadmapIds(): string[] {
    return this.data.roadmaps.map((r) => r.id);
  }
}
