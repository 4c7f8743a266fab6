import type { Command } from 'commander';
import type { Context } from '../context.js';
import { computeStats, type Stats } from '../core/progress/stats.js';
import { localOffsetMinutes } from '../ui/format-time.js';
import { renderStats } from '../ui/render/stats.js';
import { SCHEMA_VERSION, progressJson, sectionRef } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { fieldsOf, jsonRequest, pickFields, type FieldTable } from '../app/json-fields.js';
import { openSession, roadmapRef, type GlobalOptions, type Session } from '../app/session.js';
import { resolveSection, sectionOnly } from '../app/topic-args.js';
import type { Section } from '../core/types.js';

export interface StatsOptions extends GlobalOptions {
  section?: string;
}

export interface StatsResult {
  session: Session;
  stats: Stats;
  now: Date;
  /** With --section: the one section measured. */
  section?: Section;
}

/**
 * Progress, weekly rhythm, streaks and pace, measured at the injected clock's time in the local time zone; with
 * --section, of that section alone (its topics finished, its pace and finish date).
 */
export async function runStats(opts: StatsOptions, ctx: Context): Promise<StatsResult> {
  const session = await openSession(ctx, opts);
  const section = opts.section === undefined ? undefined : resolveSection(session, opts.section);
  const now = ctx.now();
  const roadmap = section ? sectionOnly(session.roadmap, section) : session.roadmap;
  const stats = computeStats({ roadmap, statuses: session.statuses, records: session.state.records, now, utcOffsetMinutes: localOffsetMinutes(now) });
  return section ? { session, stats, now, section } : { session, stats, now };
}

/** The `stats --json` document. */
export function statsJson({ session, stats, now, section }: StatsResult) {
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: roadmapRef(session),
    ...(section ? { section: sectionRef(section) } : {}),
    at: now.toISOString(),
    progress: progressJson(stats.progress),
    sections: stats.sections.map((s) => ({ id: s.id, number: s.number, title: s.title, progress: progressJson(s.progress) })),
    weeks: stats.weeks,
    streak: stats.streak,
    pace: stats.pace,
  };
}

type StatsJson = ReturnType<typeof statsJson>;

/** Fields of `stats --json field,…` (`section` with --section); pinned by test/commands/json-fields.test.ts and in the README. */
export const STATS_FIELDS: FieldTable<StatsJson> = {
  ...fieldsOf<StatsJson>(['schemaVersion', 'roadmap']),
  section: (d) => ('section' in d ? d.section : undefined),
  ...fieldsOf<StatsJson>(['at', 'progress', 'sections', 'weeks', 'streak', 'pace']),
};

export const registerStats: RegisterCommand = (kit) => {
  kit
    .sub('stats')
    .option('-s, --section <ref>', 'the stats of one section (number, id or title fragment)')
    .option('--json [fields]', 'print JSON; with fields (streak,pace), only those')
    .addHelpText('after', "\nExamples:\n  $ roadmap stats\n  $ roadmap stats --section 2\n  $ roadmap stats --json | jq .pace\n  $ roadmap stats --json streak,pace\n\nA day counts for a streak when you finished at least one topic on it (your local time).")
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<StatsOptions>(cmd);
      const request = jsonRequest(opts.json, STATS_FIELDS, 'stats');
      const r = await runStats(opts, kit.ctx);
      const title = r.section ? `${r.session.roadmap.title} · section ${r.section.number}: ${r.section.title}` : r.session.roadmap.title;
      if (request === 'all') kit.printJson(statsJson(r));
      else if (request) kit.printJson(pickFields(statsJson(r), request, STATS_FIELDS));
      else kit.print(renderStats(title, r.stats, kit.theme(opts)));
    });
};
