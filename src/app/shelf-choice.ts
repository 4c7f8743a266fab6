import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import {
  BUNDLED_ID,
  BUNDLED_TITLE,
  bundledRoadmapPath,
  fallbackTitleOf,
  contentHash,
  loadRoadmap,
  parseRoadmapBytes,
  readRoadmapBytes,
  type LoadedRoadmap,
  type ReadingOptions,
  type SourceOptions,
} from '../source/load-roadmap.js';
import { SourceError } from '../source/errors.js';
import { Shelf, type ShelfData, type ShelfEntry } from '../store/shelf.js';
import { startSpinner } from '../ui/spinner.js';
import { inert } from '../ui/sanitize.js';
import { NotFoundError } from './errors.js';
import { prepareWriteBack, type WriteBack } from './write-back.js';

/** A roadmap chosen by name, file, stdin or the shelf's current one, with what identifies it. */
export interface ChosenRoadmap extends LoadedRoadmap {
  /** Its name on the shelf (`go-backend` for the bundled one); undefined for a file not on the shelf or stdin. */
  name: string | undefined;
  /** The shelf entry, when it is on the shelf. */
  entry?: ShelfEntry;
  /** Set when done, reset, skip and undo tick the boxes in the learner's own file. */
  writeBack?: WriteBack;
}

/** What the source layer needs from the context: where to read and cache, and a spinner for a slow first parse. */
export function sourceOptions(ctx: Context): SourceOptions {
  return {
    cwd: ctx.cwd,
    // Looked up only when a roadmap comes from stdin: setting the stream up costs start-up time.
    get stdin() {
      return ctx.io.stdin;
    },
    cacheDir: ctx.paths.cache,
    onSlowParse: async ({ shown, bytes }) => {
      const spinner = await startSpinner(ctx.feedback, ctx.io.stderr, `Reading ${inert(shown)} (${(bytes / 1024 / 1024).toFixed(1)} MB) for the first time…`);
      return () => spinner.stop();
    },
  };
}

function readKept(path: string): Uint8Array | undefined {
  try {
    return readRoadmapBytes(path);
  } catch {
    return undefined;
  }
}

/** The shelf of this context's ROADMAP_HOME. */
export function openShelf(ctx: Context): Shelf {
  return new Shelf(ctx.paths.data);
}

/** Shelf names: what `--name` accepts and what a default name is made into. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** Finds a name on the shelf; `go-backend` is the bundled roadmap and always there. */
export function findEntry(data: ShelfData, name: string): ShelfEntry | undefined {
  return data.roadmaps.find((e) => e.name === name);
}

/**
 * Loads the roadmap a command works on. In order: `--roadmap`, then the ROADMAP environment variable, then the
 * shelf's current roadmap, then the bundled one. A value is a shelf name when one has it, `-` for standard input,
 * else a file path; a file that is on the shelf (by its path) is that shelf roadmap, with its progress.
 */
export async function loadChoice(ctx: Context, flag: string | undefined, reading: ReadingOptions = {}): Promise<ChosenRoadmap> {
  const options = sourceOptions(ctx);
  const choice = flag ?? (ctx.env.ROADMAP || undefined);
  const bundled = async (): Promise<ChosenRoadmap> => ({ ...(await loadRoadmap(options, undefined, reading)), name: BUNDLED_ID });
  if (choice === '-') return { ...(await loadRoadmap(options, '-', reading)), name: undefined };
  if (choice === BUNDLED_ID) return bundled();
  const shelf = openShelf(ctx);
  const data = shelf.read();
  if (choice === undefined) {
    const current = data.current === undefined ? undefined : findEntry(data, data.current);
    return current ? loadEntry(ctx, shelf, current, reading) : bundled();
  }
  const named = findEntry(data, choice);
  if (named) return loadEntry(ctx, shelf, named, reading);
  const path = resolve(ctx.cwd, choice);
  const isFile = statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  if (isFile) {
    const entry = data.roadmaps.find((e) => e.kind === 'file' && e.source === path);
    if (entry) return loadEntry(ctx, shelf, entry, reading, path);
    return { ...(await loadRoadmap(options, choice, reading)), name: undefined };
  }
  if (/^[\w.-]+$/.test(choice) && !/\.(md|markdown|mdx|txt)$/i.test(choice)) {
    throw new NotFoundError(`there is no roadmap named "${choice}" on your shelf, and no file of that name`, 'see your roadmaps with: roadmap roadmaps   (add one with: roadmap add FILE)');
  }
  return { ...(await loadRoadmap(options, choice, reading)), name: undefined };
}

/**
 * A shelf roadmap: its kept copy (a write-back roadmap: the learner's own file, which is what gets ticked), with its
 * progress under its name. `given` is the path the user named, when they named the file rather than the name.
 */
async function loadEntry(ctx: Context, shelf: Shelf, entry: ShelfEntry, reading: ReadingOptions, given?: string): Promise<ChosenRoadmap> {
  const options = sourceOptions(ctx);
  const copy = shelf.pathOf(entry.copy);
  let path = copy;
  let bytes: Uint8Array | undefined;
  let writeBack = false;
  if (entry.writeBack) {
    try {
      bytes = readRoadmapBytes(entry.source);
      path = entry.source;
      writeBack = true;
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      ctx.io.stderr.write(`warning: ${inert(entry.source)} (ticked by ${inert(entry.name)}) cannot be read: ${inert(error.message)}; using the copy kept on the shelf, and no box is ticked until it is back (or: roadmap update ${inert(entry.name)} --source NEW-PATH)\n`);
    }
  }
  if (!bytes) {
    try {
      bytes = readRoadmapBytes(copy);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      throw new SourceError(`the copy of "${entry.name}" kept on the shelf is missing (${copy})`, `read its source again with: roadmap update ${entry.name}`);
    }
  }
  const roadmap = await parseRoadmapBytes(options, bytes, path, entry.name, entry.title, reading);
  const hash = contentHash(bytes);
  if (given !== undefined && !entry.writeBack) {
    const now = contentHash(readRoadmapBytes(given));
    if (now !== entry.hash) ctx.io.stderr.write(`note: ${inert(given)} changed since it was added as "${inert(entry.name)}"; this shows the kept copy. Read it again with: roadmap update ${inert(entry.name)}\n`);
  }
  const chosen: ChosenRoadmap = { roadmap, id: entry.name, source: entry.source, bundled: false, hash, name: entry.name, entry };
  if (writeBack) chosen.writeBack = prepareWriteBack(roadmap, entry.source, bytes, readKept(copy));
  return chosen;
}

/**
 * A roadmap on the shelf with exactly this content, added from another path: the same file, moved or copied. Only for
 * a file that is not on the shelf itself; `doctor` offers to link the two so the file keeps the shelf's progress.
 */
export function findTwin(ctx: Context, chosen: ChosenRoadmap): ShelfEntry | undefined {
  if (chosen.name !== undefined || chosen.source === '-') return undefined;
  return openShelf(ctx)
    .read()
    .roadmaps.find((e) => e.kind === 'file' && e.hash === chosen.hash && e.source !== chosen.source);
}

/**
 * Which file, parsed with which fallback title, holds the tree of the roadmap a command line names, without reading
 * it (shell completion looks it up in the parse cache only): chosen as loadChoice chooses; undefined for stdin.
 */
export function cacheTarget(ctx: Context, flag: string | undefined): { path: string; fallbackTitle: string } | undefined {
  const choice = flag ?? (ctx.env.ROADMAP || undefined);
  if (choice === '-') return undefined;
  const bundled = { path: bundledRoadmapPath(), fallbackTitle: BUNDLED_TITLE };
  if (choice === BUNDLED_ID) return bundled;
  const shelf = openShelf(ctx);
  let data: ShelfData;
  try {
    data = shelf.read();
  } catch {
    return undefined;
  }
  const of = (e: ShelfEntry): { path: string; fallbackTitle: string } => ({ path: e.writeBack ? e.source : shelf.pathOf(e.copy), fallbackTitle: e.title });
  if (choice === undefined) {
    const current = data.current === undefined ? undefined : findEntry(data, data.current);
    return current ? of(current) : bundled;
  }
  const named = findEntry(data, choice);
  if (named) return of(named);
  const path = resolve(ctx.cwd, choice);
  const byPath = data.roadmaps.find((e) => e.kind === 'file' && e.source === path);
  return byPath ? of(byPath) : { path, fallbackTitle: fallbackTitleOf(path) };
}
