import { isInteractive, type Context } from '../context.js';
import { roadmapProgress } from '../core/progress.js';
import { CliError, ExitCode, UsageError } from '../errors.js';
import { inert } from '../ui/sanitize.js';
import { markTopics, type MarkResult } from './done.js';
import { openSession, readStatuses, type GlobalOptions, type Session } from './shared.js';

export interface ResetOptions extends GlobalOptions {
  all?: boolean;
  yes?: boolean;
}

export type ResetResult = { kind: 'topics'; result: MarkResult } | { kind: 'all'; session: Session; cleared: number };

export async function runReset(refs: readonly string[], opts: ResetOptions, ctx: Context): Promise<ResetResult> {
  if (!opts.all) return { kind: 'topics', result: await markTopics(refs, 'pending', opts, ctx) };
  if (refs.length > 0) throw new UsageError('give either topics or --all, not both', 'roadmap reset 1.1 2.3   or   roadmap reset --all --yes');
  const session = await openSession(ctx, opts);
  const before = roadmapProgress(session.roadmap, session.statuses);
  if (!opts.yes) {
    if (!isInteractive(ctx) || opts.json) {
      throw new UsageError('reset --all forgets all progress on this roadmap and needs --yes when not run on a terminal', 'roadmap reset --all --yes');
    }
    const ok = await ctx.prompter.confirm(
      `Forget all progress on "${inert(session.roadmap.title)}" (${before.done} done)?`,
      false,
    );
    if (!ok) throw new CliError('nothing was reset', ExitCode.failure);
  }
  const cleared = await ctx.store.clear(session.id);
  session.statuses = readStatuses(ctx, session.id);
  return { kind: 'all', session, cleared };
}
