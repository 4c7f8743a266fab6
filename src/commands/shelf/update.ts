import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { recordEvent } from '../../core/progress/history.js';
import { planFix, renamedTopics } from '../../core/progress/orphans.js';
import { allTopics } from '../../core/tree.js';
import type { Roadmap } from '../../core/types.js';
import type { RegisterCommand } from '../../app/command-kit.js';
import { NotFoundError, UsageError } from '../../app/errors.js';
import { stamp, type GlobalOptions, type RoadmapRef } from '../../app/session.js';
import { findEntry, openShelf, sourceOptions } from '../../app/shelf-choice.js';
import { importTickedBoxes, parseChecked, readWithFeedback } from '../../app/shelf-source.js';
import { BUNDLED_ID, contentHash, parseRoadmapBytes, readRoadmapBytes } from '../../source/load-roadmap.js';
import { SourceError } from '../../source/errors.js';
import type { ShelfEntry } from '../../store/shelf.js';
import { renderUpdate, type TopicLine, type UpdateView } from '../../ui/render/shelf.js';
import { plural } from '../../ui/render/history.js';
import { SCHEMA_VERSION } from '../../ui/topic-json.js';

export interface UpdateOptions extends GlobalOptions {
  source?: string;
}

export interface UpdateResult extends UpdateView {
  ref: RoadmapRef;
  ticked: number;
}

/** The shelf roadmap `update` works on: the one named, else --roadmap or ROADMAP, else the current one. */
function pick(name: string | undefined, opts: UpdateOptions, ctx: Context): ShelfEntry {
  const data = openShelf(ctx).read();
  const chosen = name ?? opts.roadmap ?? (ctx.env.ROADMAP || undefined);
  // A file that is on the shelf names its roadmap, as everywhere else.
  const byPath = chosen === undefined ? undefined : data.roadmaps.find((e) => e.kind === 'file' && e.source === resolve(ctx.cwd, chosen));
  const wanted = byPath?.name ?? chosen ?? data.current;
  if (wanted === undefined || wanted === BUNDLED_ID) {
    throw new UsageError(`the bundled roadmap (${BUNDLED_ID}) comes with roadmap itself; there is nothing to read again`, 'name a roadmap from your shelf: roadmap update NAME');
  }
  const entry = findEntry(data, wanted);
  if (!entry) throw new NotFoundError(`there is no roadmap named "${wanted}" on your shelf`, 'see your roadmaps with: roadmap roadmaps');
  return entry;
}

async function keptCopy(ctx: Context, entry: ShelfEntry): Promise<Roadmap | undefined> {
  const path = openShelf(ctx).pathOf(entry.copy);
  try {
    return await parseRoadmapBytes(sourceOptions(ctx), readRoadmapBytes(path), path, entry.name, entry.title);
  } catch (error) {
    if (error instanceof SourceError) return undefined;
    throw error;
  }
}

/**
 * Reads a shelf roadmap's source again (the file, the URL, the folder; `--source` points it somewhere new), keeps
 * the new copy, and says which topics were added, removed and renamed. Renamed topics are matched as `doctor` matches
 * them (core/progress/orphans.ts), among the topics that are new, and their progress moves along as one event that
 * `undo` reverts.
 */
export async function runUpdate(name: string | undefined, opts: UpdateOptions, ctx: Context): Promise<UpdateResult> {
  const entry = pick(name, opts, ctx);
  const source = opts.source ?? entry.source;
  if (source === '-' && opts.source === undefined) {
    throw new UsageError(`"${entry.name}" was added from standard input, which cannot be read again`, `pipe the new version in: cat FILE | roadmap update ${entry.name} --source -`);
  }
  const movedHint = `if it moved: roadmap update ${entry.name} --source NEW-PATH   (or: roadmap doctor --link --roadmap NEW-PATH)`;
  const read = await readWithFeedback(ctx, source, opts.source === undefined ? movedHint : undefined);
  if (entry.writeBack && read.kind !== 'file') throw new UsageError(`"${entry.name}" ticks the boxes in its file: its source must stay a Markdown file`, `roadmap update ${entry.name} --source PATH/TO/FILE.md`);
  const shelf = openShelf(ctx);
  const after = await parseChecked(ctx, read, entry.writeBack ? read.source : shelf.pathOf(entry.copy), opts.color === false);
  const before = (await keptCopy(ctx, entry)) ?? after;
  const state = ctx.store.read(entry.name);
  const renamed = renamedTopics(before, after, state);
  const fixable = renamed.filter((o) => o.fixTo);
  const moved = new Set<string>();
  if (fixable.some((o) => o.status !== 'pending' || o.notes.length > 0)) {
    await ctx.store.update(entry.name, (fresh) => {
      const again = renamedTopics(before, after, fresh).filter((o) => o.fixTo);
      recordEvent(fresh, stamp(ctx), { action: 'doctor', subject: `update ${entry.name}`, ...planFix(again, fresh) });
      for (const o of again) if (o.status !== 'pending' || o.notes.length > 0) moved.add(o.id);
    });
  }
  const now = ctx.now().toISOString();
  await shelf.update((data) => {
    const e = findEntry(data, entry.name);
    if (!e) throw new NotFoundError(`"${entry.name}" was just removed by another command`);
    shelf.writeCopy(e.copy, read.bytes);
    e.title = after.title;
    e.hash = contentHash(read.bytes);
    e.updatedAt = now;
    if (opts.source !== undefined) {
      e.source = read.source;
      e.kind = read.kind;
    }
  });
  const ticked = entry.writeBack ? await importTickedBoxes(ctx, entry.name, after) : 0;
  const line = (id: string, r: Roadmap): TopicLine => {
    const found = allTopics(r).find((x) => x.topic.id === id);
    return found ? { number: found.topic.number, title: found.topic.title } : { title: id };
  };
  const oldIds = new Set(allTopics(before).map((e) => e.topic.id));
  const renamedTo = new Set(fixable.map((o) => o.fixTo?.topic.id));
  const renamedFrom = new Set(fixable.map((o) => o.id));
  const gone = renamed.filter((o) => !renamedFrom.has(o.id));
  return {
    ref: { id: entry.name, name: entry.name, title: after.title, source: opts.source === undefined ? entry.source : read.source },
    name: entry.name,
    source: read.shown,
    added: allTopics(after)
      .filter((e) => !oldIds.has(e.topic.id) && !renamedTo.has(e.topic.id))
      .map((e) => ({ number: e.topic.number, title: e.topic.title })),
    removed: gone.map((o) => ({ title: line(o.id, before).title })),
    renamed: fixable.map((o) => ({ from: { title: line(o.id, before).title }, to: line(o.fixTo?.topic.id ?? '', after), progressMoved: moved.has(o.id) })),
    keptProgress: gone.filter((o) => o.status !== 'pending' || o.notes.length > 0).length,
    ticked,
  };
}

export function updateJson(r: UpdateResult): unknown {
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: r.ref,
    added: r.added,
    removed: r.removed,
    renamed: r.renamed,
    keptProgress: r.keptProgress,
    ticked: r.ticked,
  };
}

export const registerUpdate: RegisterCommand = (kit) => {
  kit
    .sub('update')
    .argument('[name]', 'its name (default: the current roadmap)')
    .option('--source <source>', 'read it from here from now on: a moved file, a new URL, "-" for stdin')
    .option('--json', 'print what changed as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap update\n  $ roadmap update rust\n  $ roadmap update rust --source ~/notes/rust.md      # the file moved\n  $ roadmap undo                                     # put the moved progress back')
    .action(async (name: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = kit.options<UpdateOptions>(cmd);
      const r = await runUpdate(name, opts, kit.ctx);
      if (opts.json) kit.printJson(updateJson(r));
      else kit.print(renderUpdate(r, kit.theme(opts)));
      if (!opts.json && r.ticked > 0) kit.ctx.io.stderr.write(`${plural(r.ticked, 'box', 'boxes')} ticked in the file by hand ${r.ticked === 1 ? 'is' : 'are'} now marked done.\n`);
    });
};
