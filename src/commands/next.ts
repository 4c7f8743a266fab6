import type { Command } from 'commander';
import type { Context } from '../context.js';
import { isFinished, NEXT_REASON_TEXT, nextTopics, positionOf, type NextPick } from '../core/progress/status.js';
import { renderNext } from '../ui/render/topic.js';
import { sectionRef, topicJson } from '../ui/topic-json.js';
import { parseCount, structureFlags, type RegisterCommand } from '../app/command-kit.js';
import { openSession, roadmapRef, type GlobalOptions, type Session } from '../app/session.js';
import { resolveSection, sectionOnly } from '../app/topic-args.js';
import type { Section } from '../core/types.js';
import { inert } from '../ui/sanitize.js';
import { requireTopics, type StructureOptions } from '../app/structure-options.js';

export interface NextOptions extends GlobalOptions, StructureOptions {
  count?: string;
  section?: string;
}

export interface NextResult {
  session: Session;
  picks: NextPick[];
  /** With --section: the section the picks come from. */
  section?: Section;
}

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
export function nextJson({ session, picks }: NextResult): unknown {
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
  structureFlags(kit.sub('next', 'say which topic to study now'))
    .option('-n, --count <count>', 'how many topics to show')
    .option('-s, --section <ref>', 'only topics of this section (number, id or title fragment)')
    .option('--json', 'print JSON')
    .addHelpText('after', "\nExamples:\n  $ roadmap next\n  $ roadmap next -n 3\n  $ roadmap next --section 4\n  $ roadmap next --json | jq -r '.[0].title'")
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<NextOptions>(cmd);
      const result = await runNext(opts, kit.ctx);
      if (opts.json) {
        kit.printJson(nextJson(result));
        return;
      }
      if (result.picks.length === 0) {
        const scope = result.section ? sectionOnly(result.session.roadmap, result.section) : result.session.roadmap;
        const where = result.section ? `in section ${result.section.number} "${inert(result.section.title)}"` : 'on this roadmap';
        kit.print(isFinished(scope, result.session.statuses, result.picks) ? `Everything ${where} is done. Well done!\n` : `There are no topics ${where}.\n`);
        return;
      }
      kit.print(renderNext(result.picks, kit.theme(opts)));
      const first = result.picks[0];
      if (first && kit.ctx.io.stderr.isTTY) kit.ctx.io.stderr.write(`\nWhen you have learned it: roadmap done ${first.topic.number}\n`);
    });
};
