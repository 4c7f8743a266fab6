import type { Context } from '../../context.js';
import type { ChangeCounts } from '../../core/progress/sync-merge.js';
import type { SyncContext } from '../../sync/run-sync.js';
import { startSpinner } from '../../ui/spinner.js';
import type { SyncView } from '../../ui/render/sync.js';
import { SCHEMA_VERSION } from '../../ui/topic-json.js';

/** What the sync layer needs from the CLI's context. */
export function syncContext(ctx: Context, background: boolean): SyncContext {
  return {
    dataDir: ctx.paths.data,
    store: ctx.store,
    env: ctx.env,
    now: ctx.now,
    background,
    onWait: (message) => ctx.io.stderr.write(message),
  };
}

/** Runs slow git work behind a spinner (drawn only on a terminal). */
export async function withSpinner<T>(ctx: Context, text: string, work: () => Promise<T>): Promise<T> {
  const spinner = await startSpinner(ctx.feedback, ctx.io.stderr, text);
  try {
    return await work();
  } finally {
    await spinner.stop();
  }
}

/** Change counts in JSON, the same keys in every sync command. */
export function countsJson(c: ChangeCounts): Record<string, number> {
  return { done: c.done, started: c.started, skipped: c.skipped, reset: c.reset, notesAdded: c.notesAdded, notesRemoved: c.notesRemoved, historyEntries: c.events };
}

/** `sync --json` (and the first sync of `sync init --json`). */
export function syncJson(v: SyncView): unknown {
  return { schemaVersion: SCHEMA_VERSION, remote: v.remote, machine: v.machine, received: countsJson(v.received), sent: countsJson(v.sent), commit: v.commit ?? null, retries: v.retries };
}

/** Tells stderr that pushes were refused and the sync pulled and merged again. */
export function retryNote(ctx: Context, retries: number): void {
  if (retries > 0) ctx.io.stderr.write(`Another machine pushed during the sync: pulled and merged again (${String(retries)} ${retries === 1 ? 'time' : 'times'}).\n`);
}
