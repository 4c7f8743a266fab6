import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { Roadmap } from '../core/types.js';
import type { ProgressState, ProgressStore } from '../store/progress-store.js';
import { autoSyncOn, startBackgroundSync, takeUnreportedFailure } from '../sync/background.js';
import { formatTime } from '../ui/format-time.js';
import { inert } from '../ui/sanitize.js';

/** The store as commands see it, remembering whether this run changed progress. */
class ChangeTracker implements ProgressStore {
  changed = false;
  readonly location: string;

  constructor(private readonly inner: ProgressStore) {
    this.location = inner.location;
  }

  read(roadmapId: string): ProgressState {
    return this.inner.read(roadmapId);
  }

  async update<T>(roadmapId: string, change: (state: ProgressState) => T): Promise<T> {
    const result = await this.inner.update(roadmapId, change);
    this.changed = true;
    return result;
  }

  roadmapIds(): string[] {
    return this.inner.roadmapIds();
  }

  useRoadmap(roadmapId: string, roadmap: Roadmap): void {
    this.inner.useRoadmap?.(roadmapId, roadmap);
  }
}

/** What the CLI does around every command for auto-sync. */
export interface AutoSync {
  /** Notes the command that runs (a preAction hook). */
  ran(command: Command): void;
  /**
   * After the command: tells a failed background sync once (unless this run was a sync), and starts a background
   * sync when this run changed progress and auto-sync is on. Never throws and never waits for the sync.
   */
  finish(): void;
}

/** Watches the context's store for changes (it replaces `ctx.store`). */
export function watchForAutoSync(ctx: Context): AutoSync {
  const tracker = new ChangeTracker(ctx.store);
  ctx.store = tracker;
  let isSync = false;
  return {
    ran(command) {
      for (let c: Command | null = command; c; c = c.parent) if (c.name() === 'sync' && c.parent) isSync = true;
    },
    finish() {
      if (isSync) return;
      try {
        const failure = takeUnreportedFailure(ctx.paths.data);
        if (failure) {
          ctx.io.stderr.write(`warning: the background sync of ${formatTime(failure.at)} failed: ${inert(failure.message ?? 'no reason was recorded', true)}\n`);
          ctx.io.stderr.write('Your progress here is safe; run `roadmap sync` to sync now (see also: roadmap sync status).\n');
        }
        if (tracker.changed && autoSyncOn(ctx.paths.data)) startBackgroundSync(ctx.paths.data, ctx.env);
      } catch {
        // Auto-sync is a convenience: it never fails the command.
      }
    },
  };
}
