import type { Command } from 'commander';
import type { Context } from '../context.js';
import { computeStats, type Stats } from '../core/progress/stats.js';
import { localOffsetMinutes } from '../ui/format-time.js';
import { renderStats } from '../ui/render/stats.js';
import { SCHEMA_VERSION, progressJson } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { openSession, type GlobalOptions, type Session } from '../app/session.js';

export interface StatsResult {
  session: Session;
  stats: Stats;
  now: Date;
}

/** Progress, weekly rhythm, streaks and pace, measured at the injected clock's time in the local time zone. */
export async function runStats(opts: GlobalOptions, ctx: Context): Promise<StatsResult> {
  const session = await openSession(ctx, opts);
  const now = ctx.now();
  const stats = computeStats({ roadmap: session.roadmap, statuses: session.statuses, records: session.state.records, now, utcOffsetMinutes: localOffsetMinutes(now) });
  return { session, stats, now };
}

export function statsJson({ session, stats, now }: StatsResult): unknown {
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: { id: session.id, title: session.roadmap.title },
    at: now.toISOString(),
    progress: progressJson(stats.progress),
    sections: stats.sections.map((s) => ({ id: s.id, number: s.number, title: s.title, progress: progressJson(s.progress) })),
    weeks: stats.weeks,
    streak: stats.streak,
    pace: stats.pace,
  };
}

export const registerStats: RegisterCommand = (kit) => {
  kit
    .sub('stats', 'show progress per section, topics finished per week, streaks, pace and a finish date')
    .option('--json', 'print JSON')
    .addHelpText('after', "\nExamples:\n  $ roadmap stats\n  $ roadmap stats --json | jq .pace\n\nA day counts for a streak when you finished at least one topic on it (your local time).")
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const r = await runStats(opts, kit.ctx);
      if (opts.json) kit.printJson(statsJson(r));
      else kit.print(renderStats(r.session.roadmap.title, r.stats, kit.theme(opts)));
    });
};
