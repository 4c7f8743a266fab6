import type { Command } from 'commander';
import { isInteractive, type Context } from '../context.js';
import { roadmapProgress } from '../core/progress.js';
import { CliError, ExitCode, UsageError } from '../errors.js';
import { renderMarked } from '../ui/render-topic.js';
import { inert } from '../ui/sanitize.js';
import { SCHEMA_VERSION } from '../ui/topic-json.js';
import type { RegisterCommand } from './kit.js';
import { changedJson, markTopics, type MarkResult } from './done.js';
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

export const registerReset: RegisterCommand = (kit) => {
  kit
    .sub('reset', 'mark topics not done again')
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments (on a terminal, omit them to pick from a list)')
    .option('--all', 'forget all progress on this roadmap')
    .option('-y, --yes', 'do not ask for confirmation (needed with --all when not on a terminal)')
    .option('--json', 'print the changed topics as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap reset 1.1\n  $ roadmap reset --all --yes')
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      const opts = kit.options<ResetOptions>(cmd);
      const r = await runReset(refs, opts, kit.ctx);
      if (r.kind === 'topics') {
        if (opts.json) kit.printJson(changedJson(r.result));
        else kit.print(renderMarked(r.result.named, r.result.changed, 'pending', r.result.progress, kit.theme(opts)));
        return;
      }
      if (opts.json) kit.printJson({ schemaVersion: SCHEMA_VERSION, roadmap: { id: r.session.id, title: r.session.roadmap.title }, cleared: r.cleared });
      else kit.print(`Forgot ${r.cleared} stored topic statuses on "${inert(r.session.roadmap.title)}".\n`);
    });
};
