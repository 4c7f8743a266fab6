import type { Command } from 'commander';
import { isInteractive, type Context } from '../context.js';
import { recordEvent, type HistoryEvent } from '../core/progress/history.js';
import { planBulkReset } from '../core/progress/status-change.js';
import { roadmapProgress, sectionProgress, type Progress } from '../core/progress/status.js';
import type { Section } from '../core/types.js';
import { CliError, ExitCode, UsageError } from '../app/errors.js';
import { renderMarked } from '../ui/render/topic.js';
import { inert } from '../ui/sanitize.js';
import { SCHEMA_VERSION, sectionRef } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { changedJson, markTopics, type MarkResult } from '../app/change-progress.js';
import { openSession, refreshSession, stamp, updateProgress, type GlobalOptions, type Session } from '../app/session.js';
import { resolveSection } from '../app/topic-args.js';

export interface ResetOptions extends GlobalOptions {
  all?: boolean;
  section?: string;
  yes?: boolean;
}

export type ResetResult =
  | { kind: 'topics'; result: MarkResult }
  | { kind: 'all' | 'section'; session: Session; section?: Section; cleared: number; event: HistoryEvent | undefined; progress: Progress };

/** Resets topics, a whole section (`--section`) or the whole roadmap (`--all`); the bulk forms ask first. */
export async function runReset(refs: readonly string[], opts: ResetOptions, ctx: Context): Promise<ResetResult> {
  const bulk = [opts.all ? '--all' : '', opts.section !== undefined ? '--section' : ''].filter(Boolean);
  if (bulk.length === 0) return { kind: 'topics', result: await markTopics(refs, 'pending', opts, ctx) };
  if (bulk.length > 1 || refs.length > 0) {
    throw new UsageError('give topics, --section or --all: one of them', 'roadmap reset 1.1 2.3   or   roadmap reset --section 2 --yes   or   roadmap reset --all --yes');
  }
  const session = await openSession(ctx, opts);
  const section = opts.section === undefined ? undefined : resolveSection(session, opts.section);
  const before = section ? sectionProgress(section, session.statuses) : roadmapProgress(session.roadmap, session.statuses);
  const what = section ? `section ${section.number} "${inert(section.title)}"` : `"${inert(session.roadmap.title)}"`;
  if (!opts.yes) {
    if (!isInteractive(ctx) || opts.json) {
      const flag = section ? `--section ${section.number}` : '--all';
      throw new UsageError(`reset ${flag} forgets the progress on ${what} and needs --yes when not run on a terminal`, `roadmap reset ${flag} --yes   (roadmap undo brings it back)`);
    }
    const ok = await ctx.prompter.confirm(`Reset all progress on ${what} (${before.done} done, ${before.inProgress} in progress, ${before.skipped} skipped)?`, false);
    if (!ok) throw new CliError('nothing was reset', ExitCode.failure);
  }
  const { event, state } = await updateProgress(ctx, session, (state) => ({ event: recordEvent(state, stamp(ctx), planBulkReset(state, section)), state }));
  refreshSession(session, state);
  const progress = section ? sectionProgress(section, session.statuses) : roadmapProgress(session.roadmap, session.statuses);
  const base = { session, cleared: event?.changes.length ?? 0, event, progress };
  return section ? { kind: 'section', section, ...base } : { kind: 'all', ...base };
}

/** JSON for the bulk forms. */
export function bulkResetJson(r: Exclude<ResetResult, { kind: 'topics' }>): unknown {
  const out: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION, roadmap: { id: r.session.id, title: r.session.roadmap.title } };
  if (r.section) out.section = sectionRef(r.section);
  out.cleared = r.cleared;
  out.topics = r.event?.changes.map((d) => ({ id: d.topic, from: d.from })) ?? [];
  return out;
}

export const registerReset: RegisterCommand = (kit) => {
  kit
    .sub('reset', 'mark topics not started again (a section with --section, everything with --all)')
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments (on a terminal, omit them to pick from a list)')
    .option('-s, --section <ref>', 'reset every topic of this section (number, id or title fragment)')
    .option('--all', 'reset every topic of this roadmap (notes are kept)')
    .option('-y, --yes', 'do not ask for confirmation (needed with --section and --all when not on a terminal)')
    .option('--json', 'print what changed as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap reset 1.1\n  $ roadmap reset --section 2 --yes\n  $ roadmap reset --all --yes\n  $ roadmap undo            # changed your mind')
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      const opts = kit.options<ResetOptions>(cmd);
      const r = await runReset(refs, opts, kit.ctx);
      if (r.kind === 'topics') {
        if (opts.json) kit.printJson(changedJson(r.result));
        else kit.print(renderMarked(r.result.named, r.result.changed, 'pending', r.result.progress, kit.theme(opts)));
        return;
      }
      if (opts.json) {
        kit.printJson(bulkResetJson(r));
        return;
      }
      const where = r.section ? `section ${r.section.number} "${inert(r.section.title)}"` : `"${inert(r.session.roadmap.title)}"`;
      kit.print(`Reset ${r.cleared} topic ${r.cleared === 1 ? 'status' : 'statuses'} on ${where}.\n`);
      if (r.cleared > 0) kit.ctx.io.stderr.write('Notes are kept. To bring the statuses back: roadmap undo\n');
    });
};
