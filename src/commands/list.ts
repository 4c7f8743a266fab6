import type { Command } from 'commander';
import type { Context } from '../context.js';
import { effectiveStatus, roadmapProgress, sectionProgress, sumProgress } from '../core/progress/status.js';
import type { Section } from '../core/types.js';
import { allTopics, type TopicEntry } from '../core/tree.js';
import { renderTree } from '../ui/render/list.js';
import { SCHEMA_VERSION, progressJson, sectionRef, topicJson } from '../ui/topic-json.js';
import { structureFlags, type BareRun, type OutputKit, type RegisterCommand } from '../app/command-kit.js';
import { jsonRequest, pickFields, type FieldTable } from '../app/json-fields.js';
import { openSession, roadmapRef, type GlobalOptions, type Session } from '../app/session.js';
import { requireTopics, type StructureOptions } from '../app/structure-options.js';
import { resolveSection } from '../app/topic-args.js';

export interface ListOptions extends GlobalOptions, StructureOptions {
  section?: string;
}

export interface ListResult {
  session: Session;
  sections: Section[];
}

export async function runList(opts: ListOptions, ctx: Context): Promise<ListResult> {
  const session = await openSession(ctx, opts);
  requireTopics(session, opts);
  const sections = opts.section === undefined ? session.roadmap.sections : [resolveSection(session, opts.section)];
  return { session, sections };
}

/** One topic of `list --json field,…`: every topic at every depth, in order, with its session. */
export interface ListedTopic {
  entry: TopicEntry;
  session: Session;
}

/**
 * Fields of `list --json field,…`: with fields, list prints one object per topic (subtopics included, in order), as
 * `gh pr list --json` prints one per pull request. Pinned by test/commands/json-fields.test.ts and listed in the README.
 */
export const LIST_FIELDS: FieldTable<ListedTopic> = {
  id: ({ entry }) => entry.topic.id,
  number: ({ entry }) => entry.topic.number,
  title: ({ entry }) => entry.topic.title,
  status: ({ entry, session }) => effectiveStatus(entry.topic, session.statuses),
  section: ({ entry }) => sectionRef(entry.section),
  parent: ({ entry }) => {
    const p = entry.ancestors[entry.ancestors.length - 1];
    return p ? { id: p.id, number: p.number, title: p.title } : null;
  },
  description: ({ entry }) => entry.topic.description,
  descriptionMarkdown: ({ entry }) => entry.topic.descriptionMarkdown,
  links: ({ entry }) => entry.topic.links.map((l) => ({ title: l.title, url: l.url })),
  notes: ({ entry, session }) => (session.notes.get(entry.topic.id) ?? []).map((n) => ({ id: n.id, text: n.text, at: n.at })),
  url: ({ entry }) => entry.topic.url,
  order: ({ entry }) => entry.topic.order,
  icon: ({ entry }) => entry.topic.icon,
  checked: ({ entry }) => entry.topic.checked,
  attrs: ({ entry }) => entry.topic.attrs,
  group: ({ entry }) => entry.topic.group,
};

/** The topics `list --json field,…` prints: those of the listed sections, every depth, in order. */
export function listedTopics({ session, sections }: ListResult): ListedTopic[] {
  const shown = new Set(sections);
  return allTopics(session.roadmap)
    .filter((entry) => shown.has(entry.section))
    .map((entry) => ({ entry, session }));
}

/** The `list --json` document. */
export function listJson({ session, sections }: ListResult): unknown {
  const progress = sections.map((s) => sectionProgress(s, session.statuses));
  // Listing every section (the usual case), the roadmap's progress is theirs added up: no second walk of the tree.
  const whole = sections === session.roadmap.sections ? sumProgress(progress) : roadmapProgress(session.roadmap, session.statuses);
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: roadmapRef(session),
    progress: progressJson(whole),
    sections: sections.map((s, i) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      progress: progressJson(progress[i] ?? sectionProgress(s, session.statuses)),
      topics: s.topics.map((t) => topicJson(t, session.statuses, false, session.notes)),
      ...(s.order === undefined ? {} : { order: s.order }),
      ...(s.icon === undefined ? {} : { icon: s.icon }),
      ...(s.description === undefined ? {} : { description: s.description }),
      links: s.links.map((l) => ({ title: l.title, url: l.url })),
    })),
  };
}

export const registerList: RegisterCommand = (kit) => {
  structureFlags(kit.sub('list'))
    .option('-s, --section <ref>', 'only this section (number, id or title fragment)')
    .option('--json [fields]', 'print JSON; with fields (title,status), one object per topic with only those')
    .addHelpText('after', '\nExamples:\n  $ roadmap list\n  $ roadmap list --section 3\n  $ roadmap list --roadmap notes.md --sections h3 --topics tasks\n  $ roadmap list --json number,title,status\n  $ roadmap list --json | jq -r \'.sections[] | "\\(.number) \\(.title) \\(.progress.percent)%"\'')
    .action(async (_opts: unknown, cmd: Command) => {
      await printList(kit.options<ListOptions>(cmd), kit);
    });
};

/** `roadmap list` and nothing else: see BareRun. */
export const bareList: BareRun = (kit, opts) => printList(opts, kit);

/** What `list` prints, for the options commander parsed (or none, on a bare command line). */
async function printList(opts: ListOptions, kit: OutputKit): Promise<void> {
  const request = jsonRequest(opts.json, LIST_FIELDS, 'list');
  const result = await runList(opts, kit.ctx);
  if (request === 'all') kit.printJson(listJson(result));
  else if (request) kit.printJson(listedTopics(result).map((t) => pickFields(t, request, LIST_FIELDS)));
  else kit.print(renderTree(result.session.roadmap, result.sections, result.session.statuses, kit.theme(opts), opts.section !== undefined));
}
