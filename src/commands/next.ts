import type { Command } from 'commander';
import type { Context } from '../context.js';
import { isFinished, NEXT_REASON_TEXT, nextTopics, positionOf, type NextPick } from '../core/progress/status.js';
import { renderNext } from '../ui/render/topic.js';
import { sectionRef, topicJson } from '../ui/topic-json.js';
import { parseCount, type RegisterCommand } from '../app/command-kit.js';
import { openSession, type GlobalOptions, type Session } from '../app/session.js';

export interface NextOptions extends GlobalOptions {
  count?: string;
}

export interface NextResult {
  session: Session;
  picks: NextPick[];
}

export async function runNext(opts: NextOptions, ctx: Context): Promise<NextResult> {
  const count = parseCount(opts.count, '-n');
  const session = await openSession(ctx, opts);
  return { session, picks: nextTopics(session.roadmap, session.statuses, count) };
}

/** `next --json`: an array of Topic, each with its section and why it was chosen (`reason` code, `why` sentence). */
export function nextJson({ session, picks }: NextResult): unknown {
  return picks.map((p) => ({
    ...topicJson(p.topic, session.statuses, true, session.notes),
    section: sectionRef(p.section),
    position: positionOf(p),
    reason: p.reason,
    why: NEXT_REASON_TEXT[p.reason],
  }));
}

export const registerNext: RegisterCommand = (kit) => {
  kit
    .sub('next', 'say which topic to study now')
    .option('-n, --count <count>', 'how many topics to show')
    .option('--json', 'print JSON')
    .addHelpText('after', "\nExamples:\n  $ roadmap next\n  $ roadmap next -n 3\n  $ roadmap next --json | jq -r '.[0].title'")
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<NextOptions>(cmd);
      const result = await runNext(opts, kit.ctx);
      if (opts.json) {
        kit.printJson(nextJson(result));
        return;
      }
      if (result.picks.length === 0) {
        kit.print(isFinished(result.session.roadmap, result.session.statuses, result.picks) ? 'Everything on this roadmap is done. Well done!\n' : 'This roadmap has no topics.\n');
        return;
      }
      kit.print(renderNext(result.picks, kit.theme(opts)));
      const first = result.picks[0];
      if (first && kit.ctx.io.stderr.isTTY) kit.ctx.io.stderr.write(`\nWhen you have learned it: roadmap done ${first.topic.number}\n`);
    });
};
