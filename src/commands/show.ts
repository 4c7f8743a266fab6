import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { TopicEntry } from '../core/tree.js';
import { renderShow } from '../ui/render/topic.js';
import { sectionRef, topicJson } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { positionOf } from '../core/progress/status.js';
import { pickTopics } from '../app/topic-args.js';
import { openSession, type GlobalOptions, type Session } from '../app/session.js';

export interface ShowResult {
  session: Session;
  entry: TopicEntry;
}

export async function runShow(ref: string | undefined, opts: GlobalOptions, ctx: Context): Promise<ShowResult> {
  const session = await openSession(ctx, opts);
  const [entry] = await pickTopics(ctx, session, ref === undefined ? [] : [ref], 'show', opts.json);
  if (!entry) throw new Error('the picker returned no topic');
  return { session, entry };
}

/** `show --json`: one Topic with its section, parents and description. */
export function showJson({ session, entry }: ShowResult): unknown {
  return {
    ...topicJson(entry.topic, session.statuses, true, session.notes),
    section: sectionRef(entry.section),
    parents: entry.ancestors.map((a) => ({ id: a.id, number: a.number, title: a.title })),
    position: positionOf(entry),
    line: entry.topic.line,
  };
}

export const registerShow: RegisterCommand = (kit) => {
  kit
    .sub('show', 'show one topic: section, status, subtopics, description and links')
    .argument('[topic]', 'topic number (3.2), id or title fragment (on a terminal, omit it to pick from a list)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap show 2.2\n  $ roadmap show gorm --json | jq .links')
    .action(async (ref: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const r = await runShow(ref, opts, kit.ctx);
      if (opts.json) kit.printJson(showJson(r));
      else kit.print(renderShow(r.entry, r.session.statuses, kit.theme(opts), r.session.notes.get(r.entry.topic.id) ?? []));
    });
};
