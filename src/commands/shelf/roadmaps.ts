import { homedir } from 'node:os';
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import type { ProgressState } from '../../core/progress/history.js';
import { roadmapProgress } from '../../core/progress/status.js';
import type { RegisterCommand } from '../../app/command-kit.js';
import { roadmapRef, type GlobalOptions, type RoadmapRef } from '../../app/session.js';
import { loadChoice, openShelf, type ChosenRoadmap } from '../../app/shelf-choice.js';
import { RoadmapInputError } from '../../core/errors.js';
import { SourceError } from '../../source/errors.js';
import { inert } from '../../ui/sanitize.js';
import { BUNDLED_ID } from '../../source/load-roadmap.js';
import type { ShelfKind } from '../../store/shelf.js';
import { renderShelf, type ShelfRow } from '../../ui/render/shelf.js';
import { progressJson, SCHEMA_VERSION } from '../../ui/topic-json.js';

export interface ShelfItem extends ShelfRow {
  ref: RoadmapRef;
  kind: ShelfKind | 'bundled';
  addedAt: string | undefined;
}

export interface ShelfListing {
  items: ShelfItem[];
  current: string;
  removed: Array<{ name: string; title: string; source: string; removedAt: string; purged: boolean }>;
}

/** The newest time anything was recorded for a roadmap: its last history entry, else its newest status. */
function lastActivity(state: ProgressState): string | undefined {
  let last: string | undefined;
  for (const e of state.events) if (last === undefined || e.at > last) last = e.at;
  for (const r of state.records.values()) if (r.updatedAt && (last === undefined || r.updatedAt > last)) last = r.updatedAt;
  return last;
}

function shown(source: string, ctx: Context): string {
  const home = ctx.env.HOME ?? homedir();
  return home && source.startsWith(`${home}/`) ? `~${source.slice(home.length)}` : source;
}

/** A roadmap that cannot be read (its kept copy deleted, say) is still listed, with a warning instead of its progress. */
async function loadOrWarn(ctx: Context, name: string): Promise<ChosenRoadmap | undefined> {
  try {
    return await loadChoice(ctx, name);
  } catch (error) {
    if (!(error instanceof SourceError || error instanceof RoadmapInputError)) throw error;
    ctx.io.stderr.write(`warning: ${inert(name)}: ${inert(error.message)}${error.hint ? ` (${inert(error.hint)})` : ''}\n`);
    return undefined;
  }
}

/** Every roadmap you follow, the bundled one included, with its progress and which one is current. */
export async function runRoadmaps(ctx: Context): Promise<ShelfListing> {
  const data = openShelf(ctx).read();
  const current = data.current !== undefined && data.roadmaps.some((e) => e.name === data.current) ? data.current : BUNDLED_ID;
  const items: ShelfItem[] = [];
  for (const name of [BUNDLED_ID, ...data.roadmaps.map((e) => e.name)]) {
    const loaded = await loadOrWarn(ctx, name);
    const state = ctx.store.read(name);
    const statuses = new Map([...state.records].map(([id, r]) => [id, r.status]));
    const entry = data.roadmaps.find((e) => e.name === name);
    const title = loaded?.roadmap.title ?? entry?.title ?? name;
    items.push({
      ref: loaded ? roadmapRef(loaded) : { id: name, name, title, source: entry?.source ?? '' },
      name,
      title,
      source: entry ? shown(entry.source, ctx) : '(bundled)',
      kind: entry?.kind ?? 'bundled',
      current: name === current,
      progress: loaded ? roadmapProgress(loaded.roadmap, statuses) : { done: 0, skipped: 0, inProgress: 0, pending: 0, total: 0, percent: 0 },
      lastActivity: lastActivity(state),
      writeBack: entry?.writeBack === true,
      addedAt: entry?.addedAt,
    });
  }
  const removed = data.removed.map((r) => ({ name: r.name, title: r.title, source: r.source, removedAt: r.removedAt, purged: r.purged !== undefined }));
  return { items, current, removed };
}

export function roadmapsJson(r: ShelfListing): unknown {
  const current = r.items.find((i) => i.current);
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: current?.ref ?? null,
    current: r.current,
    roadmaps: r.items.map((i) => ({
      ...i.ref,
      kind: i.kind,
      current: i.current,
      writeBack: i.writeBack,
      progress: progressJson(i.progress),
      lastActivity: i.lastActivity ?? null,
      addedAt: i.addedAt ?? null,
    })),
    removed: r.removed,
  };
}

export const registerRoadmaps: RegisterCommand = (kit) => {
  kit
    .sub('roadmaps')
    .option('--json', 'print JSON')
    .addHelpText('after', "\nExamples:\n  $ roadmap roadmaps\n  $ roadmap roadmaps --json | jq -r '.roadmaps[] | \"\\(.name) \\(.progress.percent)%\"'")
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<GlobalOptions>(cmd);
      const r = await runRoadmaps(kit.ctx);
      if (opts.json) kit.printJson(roadmapsJson(r));
      else kit.print(renderShelf(r.items, r.removed.map((x) => x.name), kit.theme(opts)));
    });
};
