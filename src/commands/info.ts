import type { Command } from 'commander';
import type { Context } from '../context.js';
import { roadmapProgress } from '../core/progress/status.js';
import { sectionGroups, sectionLeaves } from '../core/tree.js';
import { renderInfo, type InfoData } from '../ui/render/info.js';
import { progressJson, SCHEMA_VERSION } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { fieldsOf, jsonRequest, pickFields } from '../app/json-fields.js';
import { openSession, roadmapRef, type GlobalOptions } from '../app/session.js';

/** Collects the roadmap's facts; renderers print them for people or as JSON. */
export async function runInfo(opts: GlobalOptions, ctx: Context): Promise<InfoData> {
  const session = await openSession(ctx, opts);
  const { roadmap } = session;
  const info: InfoData = {
    schemaVersion: SCHEMA_VERSION,
    roadmap: { ...roadmapRef(session), source: session.source, bundled: session.bundled },
    overview: roadmap.overview,
    counts: {
      sections: roadmap.sections.length,
      // Counted without reading the sections of a cached roadmap (see core/tree.ts, countsUnread).
      topics: roadmap.sections.reduce((n, s) => n + sectionLeaves(s), 0),
      groups: roadmap.sections.reduce((n, s) => n + sectionGroups(s), 0),
    },
    progress: progressJson(roadmapProgress(roadmap, session.statuses)),
    store: { path: ctx.store.location },
    warnings: roadmap.warnings,
  };
  if (roadmap.description !== undefined) info.roadmap.description = roadmap.description;
  return info;
}

/** Fields of `info --json field,…`; pinned by test/commands/json-fields.test.ts and listed in the README. */
export const INFO_FIELDS = fieldsOf<InfoData>(['schemaVersion', 'roadmap', 'overview', 'counts', 'progress', 'store', 'warnings']);

export const registerInfo: RegisterCommand = (kit) => {
  kit
    .sub('info')
    .option('--json [fields]', 'print JSON; with fields (counts,progress), only those')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const request = jsonRequest(opts.json, INFO_FIELDS, 'info');
      const info = await runInfo(opts, kit.ctx);
      if (request === 'all') kit.printJson(info);
      else if (request) kit.printJson(pickFields(info, request, INFO_FIELDS));
      else kit.print(renderInfo(info, kit.theme(opts)));
    });
};
