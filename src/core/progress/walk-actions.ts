import type { Status } from '../types.js';

/** What the walk menu can do with the topic on screen. */
export type WalkAction = 'done' | 'start' | 'skip' | 'reset' | 'next' | 'note' | 'link' | 'pick' | 'quit';

/** Which status actions make sense for a topic showing `status`: none that would change nothing. */
const OFFERED: Record<'done' | 'start' | 'skip' | 'reset' | 'next', (status: Status) => boolean> = {
  done: (s) => s !== 'done',
  start: (s) => s === 'pending',
  skip: (s) => s === 'pending' || s === 'in-progress',
  reset: (s) => s !== 'pending',
  // A finished or skipped topic (reached with --topic or "Pick") needs a way on without changing it.
  next: (s) => s === 'done' || s === 'skipped',
};

/**
 * The walk menu for a topic, in order; the first is the default (Enter). Actions that cannot work are left out
 * rather than shown disabled, so the cursor never stops on one: no "Open a link" without links.
 */
export function walkActions(status: Status, hasLinks: boolean): WalkAction[] {
  const byStatus = (['done', 'next', 'start', 'skip', 'reset'] as const).filter((a) => OFFERED[a](status));
  return [...byStatus, 'note', ...(hasLinks ? (['link'] as const) : []), 'pick', 'quit'];
}
