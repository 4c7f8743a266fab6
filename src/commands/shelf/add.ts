import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { applyImport, planImport } from '../../core/progress/merge.js';
import { countTopics } from '../../core/tree.js';
import type { Roadmap } from '../../core/types.js';
import type { RegisterCommand } from '../../app/command-kit.js';
import { InputError, NotFoundError, UsageError } from '../../app/errors.js';
import { roadmapRef, stamp, type GlobalOptions, type RoadmapRef } from '../../app/session.js';
import { findEntry, loadChoice, NAME_PATTERN, openShelf } from '../../app/shelf-choice.js';
import { adoptProgress, defaultName, importTickedBoxes, nameFrom, parseChecked, readWithFeedback } from '../../app/shelf-source.js';
import { prepareWriteBack } from '../../app/write-back.js';
import { BUNDLED_ID, contentHash, fileRoadmapId, stdinRoadmapId } from '../../source/load-roadmap.js';
import { toState } from '../../store/progress-store.js';
import type { ShelfEntry } from '../../store/shelf.js';
import { plural } from '../../ui/render/history.js';
import { inert } from '../../ui/sanitize.js';
import { SCHEMA_VERSION } from '../../ui/topic-json.js';

export interface AddOptions extends GlobalOptions {
  name?: string;
  use?: boolean;
  writeBack?: boolean;
  restore?: boolean;
}

export interface AddResult {
  ref: RoadmapRef;
  entry: ShelfEntry;
  current: boolean;
  counts: { sections: number; topics: number };
  /** Statuses carried over from progress kept for the same file (or stdin content) before it was on the shelf. */
  adopted: number;
  /** Boxes already ticked in a write-back file, recorded as done. */
  ticked: number;
  restored: boolean;
}

function counts(roadmap: Roadmap): AddResult['counts'] {
  return { sections: roadmap.sections.length, topics: roadmap.sections.reduce((n, s) => n + countTopics(s.topics), 0) };
}

function checkName(name: string): void {
  if (name === BUNDLED_ID) throw new UsageError(`"${BUNDLED_ID}" is the bundled roadmap's name`, 'choose another one with --name');
  if (!NAME_PATTERN.test(name)) throw new UsageError(`"${name}" cannot be a roadmap name: use letters, digits, ".", "-" and "_" (at most 64)`, 'for example: --name rust');
}

/** Reads, checks and keeps a roadmap on the shelf; makes it current unless --no-use. */
export async function runAdd(arg: string, opts: AddOptions, ctx: Context): Promise<AddResult> {
  if (opts.restore) return runRestore(arg, opts, ctx);
  const read = await readWithFeedback(ctx, arg);
  if (opts.writeBack && read.kind !== 'file') {
    throw new UsageError('--write-back ticks the boxes in your own Markdown file: give the path of that file', 'roadmap add ./README.md --write-back');
  }
  const shelf = openShelf(ctx);
  const copy = (name: string): string => `${name}.md`;
  const before = shelf.read();
  const same = read.kind === 'stdin' ? undefined : before.roadmaps.find((e) => e.source === read.source);
  if (same) throw new UsageError(`${read.shown} is already on your shelf as "${same.name}"`, `read it again with: roadmap update ${same.name}`);
  // The name is known before parsing only when given; parsing first lets the default come from the title.
  const cacheAs = (name: string): string => (opts.writeBack ? read.source : shelf.pathOf(copy(name)));
  let name = opts.name ?? nameFrom(read.suggestedName);
  if (opts.name !== undefined) checkName(opts.name);
  const roadmap = await parseChecked(ctx, read, cacheAs(name ?? '.unnamed'), opts.color === false);
  name ??= defaultName(read, roadmap);
  checkName(name);
  if (findEntry(before, name)) throw new UsageError(`a roadmap named "${name}" is already on your shelf`, `choose another name with --name, or replace it: roadmap remove ${name}`);
  if (opts.writeBack && prepareWriteBack(roadmap, read.source, read.bytes).byTopic.size === 0) {
    throw new InputError(`${read.shown} has no task boxes that roadmap reads as topics, so there is nothing to tick`, 'write-back is for checklists: list items that start with [ ] or [x]; add it without --write-back');
  }
  const now = ctx.now().toISOString();
  const entry: ShelfEntry = { name, title: roadmap.title, kind: read.kind, source: read.source, copy: copy(name), hash: contentHash(read.bytes), addedAt: now, updatedAt: now };
  if (opts.writeBack) entry.writeBack = true;
  const use = opts.use !== false;
  await shelf.update((data) => {
    if (findEntry(data, entry.name)) throw new UsageError(`a roadmap named "${entry.name}" was just added by another command`, 'choose another name with --name');
    shelf.writeCopy(entry.copy, read.bytes);
    data.roadmaps.push(entry);
    // A removed roadmap of the same name cannot be restored any more: this one has its name (and its progress).
    data.removed = data.removed.filter((r) => r.name !== entry.name);
    if (use) data.current = entry.name;
  });
  const legacy = read.kind === 'file' ? fileRoadmapId(read.source) : read.kind === 'stdin' ? stdinRoadmapId(roadmap, read.bytes) : undefined;
  const adopted = legacy === undefined ? 0 : await adoptProgress(ctx, legacy, entry.name);
  const ticked = opts.writeBack ? await importTickedBoxes(ctx, entry.name, roadmap) : 0;
  const ref: RoadmapRef = { id: entry.name, name: entry.name, title: entry.title, source: entry.source };
  return { ref, entry, current: use, counts: counts(roadmap), adopted, ticked, restored: false };
}

/** `roadmap add --restore NAME`: puts a removed roadmap back, with the progress a --purge took away. */
async function runRestore(name: string, opts: AddOptions, ctx: Context): Promise<AddResult> {
  const shelf = openShelf(ctx);
  const data = shelf.read();
  if (findEntry(data, name)) throw new UsageError(`"${name}" is on your shelf already`, `roadmap use ${name}`);
  const removed = data.removed.filter((r) => r.name === name).at(-1);
  if (!removed) throw new NotFoundError(`no removed roadmap is named "${name}"`, 'see the removed ones at the end of: roadmap roadmaps');
  const use = opts.use !== false;
  const { purged } = removed;
  const entry: ShelfEntry = { ...removed };
  delete (entry as Partial<typeof removed>).removedAt;
  delete (entry as Partial<typeof removed>).purged;
  await shelf.update((fresh) => {
    const at = fresh.removed.findIndex((x) => x.name === name && x.removedAt === removed.removedAt);
    if (at < 0) throw new NotFoundError(`"${name}" was just restored by another command`);
    fresh.removed.splice(at, 1);
    fresh.roadmaps.push(entry);
    if (use) fresh.current = entry.name;
  });
  if (purged !== undefined) {
    const saved = toState(JSON.parse(readFileSync(shelf.pathOf(purged), 'utf8')) as unknown);
    await ctx.store.update(entry.name, (state) => {
      if (state.records.size === 0 && state.notes.length === 0 && state.events.length === 0) {
        state.records = saved.records;
        state.notes = saved.notes;
        state.events = saved.events;
      } else {
        applyImport(state, planImport(state, saved), stamp(ctx), 'restore');
      }
    });
    shelf.removeFile(purged);
  }
  const loaded = await loadChoice(ctx, entry.name);
  return { ref: roadmapRef(loaded), entry, current: use, counts: counts(loaded.roadmap), adopted: 0, ticked: 0, restored: true };
}

export function addJson(r: AddResult): unknown {
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: r.ref,
    kind: r.entry.kind,
    current: r.current,
    writeBack: r.entry.writeBack === true,
    restored: r.restored,
    counts: r.counts,
    adopted: r.adopted,
    ticked: r.ticked,
  };
}

export const registerAdd: RegisterCommand = (kit) => {
  kit
    .sub('add')
    .argument('<source>', 'a file, an http(s) URL, github:OWNER/REPO[/PATH][@REF], a roadmap.sh roadmap folder, "-" (stdin); with --restore, a removed name')
    .option('--name <name>', 'its name on the shelf (default: from the file, repository or title)')
    .option('--no-use', 'do not make it the current roadmap')
    .option('--write-back', 'tick [x] / untick [ ] the boxes in this file when you mark topics (checklists)')
    .option('--restore', 'bring back a roadmap removed with roadmap remove (its progress too)')
    .option('--json', 'print what was added as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ roadmap add ./rust-roadmap.md\n  $ roadmap add https://example.com/roadmap.md --name web\n  $ roadmap add github:jwasham/coding-interview-university\n  $ roadmap add ./developer-roadmap/src/data/roadmaps/docker      # roadmap.sh data\n  $ roadmap add ./Front-End-Checklist/README.md --write-back      # your fork: boxes get ticked\n  $ curl -s https://example.com/r.md | roadmap add - --name r\n  $ roadmap add --restore rust                                     # undo a remove',
    )
    .action(async (arg: string, _opts: unknown, cmd: Command) => {
      const opts = kit.options<AddOptions>(cmd);
      const r = await runAdd(arg, opts, kit.ctx);
      if (opts.json) {
        kit.printJson(addJson(r));
        return;
      }
      const { ref, counts: n } = r;
      const from = ref.source === '-' ? 'standard input' : inert(ref.source);
      kit.print(`${r.restored ? 'Restored' : 'Added'} "${inert(ref.title)}" as ${inert(r.entry.name)} (${plural(n.sections, 'section')}, ${plural(n.topics, 'topic')}) from ${from}.\n`);
      const notes: string[] = [];
      if (r.adopted > 0) notes.push(`Your progress on it (${plural(r.adopted, 'topic status', 'topic statuses')}) now follows the name ${inert(r.entry.name)}.`);
      if (r.ticked > 0) notes.push(`${plural(r.ticked, 'box', 'boxes')} already ticked in the file ${r.ticked === 1 ? 'is' : 'are'} marked done.`);
      if (r.entry.writeBack) notes.push('done, reset, skip and undo will tick and untick its boxes in the file.');
      notes.push(r.current ? `It is your current roadmap: roadmap list, roadmap next.` : `Use it with: roadmap use ${inert(r.entry.name)}   (or --roadmap ${inert(r.entry.name)})`);
      kit.ctx.io.stderr.write(`${notes.join('\n')}\n`);
    });
};
