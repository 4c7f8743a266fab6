import type { Command } from 'commander';
import type { Context } from '../context.js';
import { roadmapProgress } from '../core/progress/status.js';
import { countTopics } from '../core/tree.js';
import { renderInfo, type InfoData } from '../ui/render/info.js';
import { progressJson, SCHEMA_VERSION } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { openSession, type GlobalOptions } from '../app/session.js';

/** Collects the roadmap's facts; renderers print them for people or as JSON. */
export async function runInfo(opts: GlobalOptions, ctx: Context): Promise<InfoData> {
  const session = await openSession(ctx, opts);
  const { roadmap } = session;
  const info: InfoData = {
    schemaVersion: SCHEMA_VERSION,
    roadmap: { id: session.id, title: roadmap.title, source: session.source, bundled: session.bundled },
    overview: roadmap.overview,
    counts: { sections: roadmap.sections.length, topics: roadmap.sections.reduce((n, s) => n + countTopics(s.topics), 0) },
    progress: progressJson(roadmapProgress(roadmap, session.statuses)),
    store: { path: ctx.store.location },
    warnings: roadmap.warnings,
  };
  if (roadmap.description !== undefined) info.roadmap.description = roadmap.description;
  return info;
}

export const registerInfo: RegisterCommand = (kit) => {
  kit
    .sub('info', 'show the roadmap: title, source, overview, counts, progress, where progress is stored')
    .option('--json', 'print JSON')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const info = await runInfo(opts, kit.ctx);
      if (opts.json) kit.printJson(info);
      else kit.print(renderInfo(info, kit.theme(opts)));
    });
};
