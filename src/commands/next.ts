import type { Command } from 'commander';
import type { Context } from '../context.js';
import { isFinished, NEXT_REASON_TEXT, nextTopics, positionOf, type NextPick, type NextReason } from '../core/progress/status.js';
import { renderNext } from '../ui/render/topic.js';
import { sectionRef, topicJson, type Ref, type TopicJson } from '../ui/topic-json.js';
import { parseCount, structureFlags, type BareRun, type OutputKit, type RegisterCommand } from '../app/command-kit.js';
import { fieldsOf, jsonRequest, pickFields, type FieldTable } from '../app/json-fields.js';
import { openSession, roadmapRef, type GlobalOptions, type Session } from '../app/session.js';
import { resolveSection, sectionOnly } from '../app/topic-args.js';
import type { Section } from '../core/types.js';
import { inert } from '../ui/sanitize.js';
import { requireTopics, type StructureOptions } from '../app/structure-options.js';

export interface NextOptions extends GlobalOptions, StructureOptions {
  count?: string;
  section?: string;
  long?: boolean;
}

export interface NextResult {
  session: Session;
  picks: NextPick[];
  /** With --section: the section the picks come from. */
  section?: Section;
}

/** One pick in `next --json`: a Topic with its description, section, place and why it was chosen. */
export interface NextJson extends TopicJson {
  section: Ref;
  position: { index: number; of: number };
  reason: NextReason;
  why: string;
}

/** Fields of `next --json field,…`; pinned by test/commands/json-fields.test.ts and listed in the README. */
export const NEXT_FIELDS: FieldTable<NextJson> = {
  ...fieldsOf<NextJson>(['id', 'number', 'title', 'status', 'section', 'position', 'reason', 'why', 'description', 'descriptionMarkdown']),
  links: (t) => t.links,
  children: (t) => t.children,
  notes: (t) => t.notes ?? [],
  ...fieldsOf<NextJson>(['url', 'order', 'icon', 'checked', 'attrs', 'group']),
};

/** What to study now, in the whole roadmap or (--section) in one section, by the same rule. */
export async function runNext(opts: NextOptions, ctx: Context): Promise<NextResult> {
  const count = parseCount(opts.count, '-n');
  const session = await openSession(ctx, opts);
  requireTopics(session, opts);
  if (opts.section === undefined) return { session, picks: nextTopics(session.roadmap, session.statuses, count) };
  const section = resolveSection(session, opts.section);
  return { session, section, picks: nextTopics(sectionOnly(session.roadmap, section), session.statuses, count) };
}

/** `next --json`: an array of Topic, each with its section and why it was chosen (`reason` code, `why` sentence). */
export function nextJson({ session, picks }: NextResult): NextJson[] {
  return picks.map((p) => ({
    ...topicJson(p.topic, session.statuses, true, session.notes),
    section: sectionRef(p.section),
    position: positionOf(p),
    reason: p.reason,
    why: NEXT_REASON_TEXT[p.reason],
    roadmap: roadmapRef(session),
  }));
}

export const registerNext: RegisterCommand = (kit) => {
  structureFlags(kit.sub('next'))
    .option('-n, --count <count>', 'how many topics to show')
    .option('-s, --section <ref>', 'only topics of this section (number, id or title fragment)')
    .option('-l, --long', 'with what there is to learn: the description and links of each')
    .option('--json [fields]', 'print JSON; with fields (title,status,links), only those')
    .addHelpText(
      'after',
      "\nExamples:\n  $ roadmap next\n  $ roadmap next --long\n  $ roadmap next -n 3\n  $ roadmap next --section 4\n  $ roadmap next --json | jq -r '.[0].title'\n  $ roadmap next --json title,why",
    )
    .action(async (_opts: unknown, cmd: Command) => {
      await printNext(kit.options<NextOptions>(cmd), kit);
    });
};

/** `roadmap next` and nothing else: see BareRun. */
export const bareNext: BareRun = (kit, opts) => printNext(opts, kit);

/** What `next` prints, for the options commander parsed (or none, on a bare command line). */
async function printNext(opts: NextOptions, kit: OutputKit): Promise<void> {
  const request = jsonRequest(opts.json, NEXT_FIELDS, 'next');
  const result = await runNext(opts, kit.ctx);
  if (request === 'all') {
    kit.printJson(nextJson(result));
    return;
  }
  if (request) {
    kit.printJson(nextJson(result).map((p) => pickFields(p, request, NEXT_FIELDS)));
    return;
  }
  if (result.picks.length === 0) {
    const scope = result.section ? sectionOnly(result.session.roadmap, result.section) : result.session.roadmap;
    const where = result.section ? `in section ${result.section.number} "${inert(result.section.title)}"` : 'on this roadmap';
    kit.print(isFinished(scope, result.session.statuses, result.picks) ? `Everything ${where} is done. Well done!\n` : `There are no topics ${where}.\n`);
    return;
  }
  if (opts.long) {
    // Only --long loads the Markdown renderer: a plain `roadmap next` stays as quick to start as before.
    const { renderNextLong } = await import('../ui/render/topic-page.js');
    kit.print(renderNextLong(result.picks, kit.theme(opts)));
  } else kit.print(renderNext(result.picks, kit.theme(opts)));
  const first = result.picks[0];
  if (first && kit.ctx.io.stderr.isTTY) kit.ctx.io.stderr.write(`\nWhen you have learned it: roadmap done ${first.topic.number}\n`);
}
