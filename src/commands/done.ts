import type { Command } from 'commander';
import type { Context } from '../context.js';
import { roadmapProgress, type Progress } from '../core/progress.js';
import type { Status } from '../core/types.js';
import { subtree, type TopicEntry } from '../core/walk.js';
import { renderMarked } from '../ui/render-topic.js';
import { sectionRef, topicJson } from '../ui/topic-json.js';
import type { RegisterCommand } from './kit.js';
import { pickTopics } from './pick.js';
import { readStatuses, openSession, type GlobalOptions, type Session } from './shared.js';

export interface MarkResult {
  session: Session;
  /** Topics the user named, in the order given. */
  named: TopicEntry[];
  /** Ids whose stored status changed (descendants of a named parent included). */
  changed: Set<string>;
  status: Status;
  progress: Progress;
}

/**
 * Sets the status of the named topics and their subtopics. All references are resolved before anything is
 * written, so one bad reference changes nothing.
 */
export async function markTopics(refs: readonly string[], status: Status, opts: GlobalOptions, ctx: Context, verb: string = status === 'done' ? 'done' : 'reset'): Promise<MarkResult> {
  const session = await openSession(ctx, opts);
  const named = await pickTopics(ctx, session, refs, verb, opts.json);
  const ids = new Set(named.flatMap((e) => subtree(e.topic).map((t) => t.id)));
  const changed = await ctx.store.update(session.id, [...ids].map((id) => ({ id, status })), ctx.now());
  session.statuses = readStatuses(ctx, session.id);
  return { session, named, changed: new Set(changed), status, progress: roadmapProgress(session.roadmap, session.statuses) };
}

export function runDone(refs: readonly string[], opts: GlobalOptions, ctx: Context): Promise<MarkResult> {
  return markTopics(refs, 'done', opts, ctx);
}

/** JSON for `done` and `reset`: the topics the command changed, each with its section. */
export function changedJson(r: MarkResult): unknown {
  return r.named
    .filter((e) => subtree(e.topic).some((t) => r.changed.has(t.id)))
    .map((e) => ({ ...topicJson(e.topic, r.session.statuses), section: sectionRef(e.section) }));
}

export const registerDone: RegisterCommand = (kit) => {
  kit
    .sub('done', 'mark topics done (and their subtopics)')
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments (on a terminal, omit them to pick from a list)')
    .option('--json', 'print the changed topics as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap done 1.1\n  $ roadmap done gorm pprof\n  $ roadmap done web-development-apis/building-graphql-apis-using-gqlgen')
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const r = await runDone(refs, opts, kit.ctx);
      if (opts.json) kit.printJson(changedJson(r));
      else kit.print(renderMarked(r.named, r.changed, r.status, r.progress, kit.theme(opts)));
    });
};
