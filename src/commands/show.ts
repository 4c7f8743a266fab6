import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { TopicEntry } from '../core/tree.js';
import { sectionRef, topicJson, type Ref, type TopicJson } from '../ui/topic-json.js';
import { structureFlags, type RegisterCommand } from '../app/command-kit.js';
import { fieldsOf, jsonOrArgument, jsonRequest, pickFields, type FieldTable } from '../app/json-fields.js';
import { positionOf } from '../core/progress/status.js';
import { pickTopics } from '../app/topic-args.js';
import { openSession, roadmapRef, type GlobalOptions, type RoadmapRef, type Session } from '../app/session.js';

export interface ShowResult {
  session: Session;
  entry: TopicEntry;
}

/** The `show --json` document: one Topic with its description, section, parents and place. */
export interface ShowJson extends TopicJson {
  roadmap: RoadmapRef;
  section: Ref;
  parents: Ref[];
  position: { index: number; of: number };
  line: number;
}

/** Fields of `show --json field,…`; pinned by test/commands/json-fields.test.ts and listed in the README. */
export const SHOW_FIELDS: FieldTable<ShowJson> = {
  ...fieldsOf<ShowJson>(['id', 'number', 'title', 'status', 'section', 'parents', 'position', 'line', 'description', 'descriptionMarkdown']),
  links: (t) => t.links,
  children: (t) => t.children,
  notes: (t) => t.notes ?? [],
  ...fieldsOf<ShowJson>(['url', 'order', 'icon', 'checked', 'attrs', 'group', 'roadmap']),
};

export async function runShow(ref: string | undefined, opts: GlobalOptions, ctx: Context): Promise<ShowResult> {
  const session = await openSession(ctx, opts);
  const [entry] = await pickTopics(ctx, session, ref === undefined ? [] : [ref], 'show', opts.json);
  if (!entry) throw new Error('the picker returned no topic');
  return { session, entry };
}

/** `show --json`: one Topic with its section, parents and description (plain text and Markdown). */
export function showJson({ session, entry }: ShowResult): ShowJson {
  return {
    ...topicJson(entry.topic, session.statuses, true, session.notes),
    section: sectionRef(entry.section),
    parents: entry.ancestors.map((a) => ({ id: a.id, number: a.number, title: a.title })),
    position: positionOf(entry),
    line: entry.topic.line,
    roadmap: roadmapRef(session),
  };
}

export const registerShow: RegisterCommand = (kit) => {
  structureFlags(kit.sub('show'))
    .argument('[topic]', 'topic number (3.2), id or title fragment (on a terminal, omit it to pick from a list)')
    .option('--json [fields]', 'print JSON; with fields (title,status,links), only those')
    .addHelpText('after', '\nExamples:\n  $ roadmap show 2.2\n  $ roadmap show gorm --json | jq .links\n  $ roadmap show 2.2 --json title,status,description')
    .action(async (given: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const { json, argument } = jsonOrArgument(opts.json, given, SHOW_FIELDS);
      const request = jsonRequest(json, SHOW_FIELDS, 'show');
      const r = await runShow(argument, { ...opts, json: request !== undefined }, kit.ctx);
      if (request === 'all') kit.printJson(showJson(r));
      else if (request) kit.printJson(pickFields(showJson(r), request, SHOW_FIELDS));
      else {
        // The Markdown renderer (and the lexer it uses) is loaded only here, not by every command.
        const { renderShow } = await import('../ui/render/topic-page.js');
        kit.print(renderShow(r.entry, r.session.statuses, kit.theme(opts), r.session.notes.get(r.entry.topic.id) ?? []));
      }
    });
};
