import type { Command } from 'commander';
import type { Context } from '../context.js';
import { roadmapProgress, sectionProgress } from '../core/progress/status.js';
import type { Section } from '../core/types.js';
import { renderTree } from '../ui/render/list.js';
import { SCHEMA_VERSION, progressJson, topicJson } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { openSession, type GlobalOptions, type Session } from '../app/session.js';
import { resolveSection } from '../app/topic-args.js';

export interface ListOptions extends GlobalOptions {
  section?: string;
}

export interface ListResult {
  session: Session;
  sections: Section[];
}

export async function runList(opts: ListOptions, ctx: Context): Promise<ListResult> {
  const session = await openSession(ctx, opts);
  const sections = opts.section === undefined ? session.roadmap.sections : [resolveSection(session, opts.section)];
  return { session, sections };
}

/** The `list --json` document. */
export function listJson({ session, sections }: ListResult): unknown {
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: { id: session.id, title: session.roadmap.title },
    progress: progressJson(roadmapProgress(session.roadmap, session.statuses)),
    sections: sections.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      progress: progressJson(sectionProgress(s, session.statuses)),
      topics: s.topics.map((t) => topicJson(t, session.statuses, false, session.notes)),
      ...(s.order === undefined ? {} : { order: s.order }),
      ...(s.icon === undefined ? {} : { icon: s.icon }),
      ...(s.description === undefined ? {} : { description: s.description }),
      links: s.links.map((l) => ({ title: l.title, url: l.url })),
    })),
  };
}

export const registerList: RegisterCommand = (kit) => {
  kit
    .sub('list', 'show the roadmap as a tree with your progress')
    .alias('ls')
    .option('-s, --section <ref>', 'only this section (number, id or title fragment)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap list\n  $ roadmap list --section 3\n  $ roadmap list --json | jq -r \'.sections[] | "\\(.number) \\(.title) \\(.progress.percent)%"\'')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<ListOptions>(cmd);
      const result = await runList(opts, kit.ctx);
      if (opts.json) kit.printJson(listJson(result));
      else kit.print(renderTree(result.session.roadmap, result.sections, result.session.statuses, kit.theme(opts), opts.section !== undefined));
    });
};
