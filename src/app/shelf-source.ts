import type { Context } from '../context.js';
import { planStatus, recordEvent, type ProgressState } from '../core/progress/history.js';
import { applyImport, planImport } from '../core/progress/merge.js';
import { allTopics } from '../core/tree.js';
import { slugify } from '../core/parse/slug.js';
import { validateRoadmap } from '../core/parse/validate.js';
import type { Roadmap } from '../core/types.js';
import { FETCH_DEFAULTS } from '../source/fetch-url.js';
import { contentHash, parseRoadmapBytes } from '../source/load-roadmap.js';
import { readSource, sourceKind, type ReadSource, type ReadSourceOptions } from '../source/read-source.js';
import { renderValidation } from '../ui/render/validate.js';
import { inert } from '../ui/sanitize.js';
import { startSpinner } from '../ui/spinner.js';
import { createTheme } from '../ui/theme.js';
import { InputError } from './errors.js';
import { NAME_PATTERN, openShelf, sourceOptions } from './shelf-choice.js';
import { randomId } from './session.js';

const GITHUB_RAW = 'https://raw.githubusercontent.com';

function envMs(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const n = Number(env[key]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * How sources are read from this context. ROADMAP_CONNECT_TIMEOUT_MS and ROADMAP_FETCH_TIMEOUT_MS change the
 * timeouts; ROADMAP_GITHUB_RAW_BASE changes where `github:` points (a mirror, or a test's local server).
 */
export function readSourceOptions(ctx: Context, onProgress?: (received: number, total: number | undefined) => void): ReadSourceOptions {
  return {
    ...sourceOptions(ctx),
    fetch: {
      connectTimeoutMs: envMs(ctx.env, 'ROADMAP_CONNECT_TIMEOUT_MS', FETCH_DEFAULTS.connectTimeoutMs),
      idleTimeoutMs: envMs(ctx.env, 'ROADMAP_FETCH_TIMEOUT_MS', FETCH_DEFAULTS.idleTimeoutMs),
      ...(onProgress ? { onProgress } : {}),
    },
    githubRawBase: ctx.env.ROADMAP_GITHUB_RAW_BASE || GITHUB_RAW,
  };
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads a source for `add` or `update`; fetching a URL shows a spinner with the bytes received (on a terminal). */
export async function readWithFeedback(ctx: Context, arg: string, missingHint?: string): Promise<ReadSource> {
  const kind = sourceKind(arg, ctx.cwd);
  if (kind !== 'url' && kind !== 'github') return readSource(arg, { ...readSourceOptions(ctx), ...(missingHint === undefined ? {} : { missingHint }) });
  const what = `Fetching ${inert(arg)}`;
  const spinner = await startSpinner(ctx.feedback, ctx.io.stderr, `${what}…`);
  try {
    return await readSource(
      arg,
      readSourceOptions(ctx, (received, total) => {
        spinner.update(`${what}: ${size(received)}${total === undefined ? '' : ` of ${size(total)}`} received`);
      }),
    );
  } finally {
    await spinner.stop();
  }
}

/**
 * Parses what was read and checks it is a roadmap; when it is not, validate's report goes to stderr and the command
 * fails with nothing added. `cacheAs` names the parse-cache entry (the path the roadmap will be read from later).
 */
export async function parseChecked(ctx: Context, read: ReadSource, cacheAs: string, noColor: boolean): Promise<Roadmap> {
  const roadmap = await parseRoadmapBytes(sourceOptions(ctx), read.bytes, cacheAs, read.shown, read.fallbackTitle);
  const report = validateRoadmap(roadmap);
  if (!report.usable) {
    ctx.io.stderr.write(renderValidation({ file: read.shown, ...report }, createTheme(ctx.io.stderr, ctx.env, noColor)));
    throw new InputError(`${read.shown} is not a usable roadmap: ${report.problems.join('; ')}; nothing was added`, 'see what roadmap reads in it with: roadmap validate FILE');
  }
  return roadmap;
}

/** A shelf name made from a file, folder, repository or title; undefined when nothing usable is left. */
export function nameFrom(text: string): string | undefined {
  const slug = slugify(text).slice(0, 40).replace(/-+$/, '');
  return NAME_PATTERN.test(slug) ? slug : undefined;
}

/** The shelf name a source gets when --name is not given: from its file, folder, repository or URL, else its title. */
export function defaultName(read: ReadSource, roadmap: Roadmap): string {
  return nameFrom(read.suggestedName) ?? nameFrom(roadmap.title) ?? `roadmap-${contentHash(read.bytes).slice(0, 6)}`;
}

function isEmpty(state: ProgressState): boolean {
  return state.records.size === 0 && state.notes.length === 0 && state.events.length === 0;
}

/**
 * Moves the progress kept under another key (a file's path, standard input's content) to a shelf name, so adding a
 * roadmap you already followed with --roadmap FILE keeps what you did. Into an empty name it moves as it is, history
 * included; otherwise it merges as `import` does. Returns how many statuses came along.
 */
export async function adoptProgress(ctx: Context, fromId: string, toId: string): Promise<number> {
  if (fromId === toId) return 0;
  const from = ctx.store.read(fromId);
  if (isEmpty(from)) return 0;
  await ctx.store.update(toId, (state) => {
    if (isEmpty(state)) {
      state.records = new Map(from.records);
      state.notes = [...from.notes];
      state.events = [...from.events];
      return;
    }
    applyImport(state, planImport(state, from), { id: randomId(), at: ctx.now().toISOString() }, fromId);
  });
  // Cleared only once the copy is saved: a crash in between leaves the progress in both places, never in neither.
  await ctx.store.update(fromId, (state) => {
    state.records.clear();
    state.notes = [];
    state.events = [];
  });
  return from.records.size;
}

/** Boxes already ticked in a write-back file become `done` (one event, so `undo` takes it back); returns how many. */
export async function importTickedBoxes(ctx: Context, id: string, roadmap: Roadmap): Promise<number> {
  const ticked = allTopics(roadmap)
    .map((e) => e.topic)
    .filter((t) => t.checked === true && t.children.length === 0);
  if (ticked.length === 0) return 0;
  const event = await ctx.store.update(id, (state) => {
    const todo = ticked.filter((t) => state.records.get(t.id)?.status !== 'done');
    return recordEvent(state, { id: randomId(), at: ctx.now().toISOString() }, { action: 'done', subject: 'boxes ticked in the file', changes: planStatus(state, todo.map((t) => t.id), 'done') });
  });
  return event?.changes.length ?? 0;
}

/** Points a shelf roadmap at a new source file (it moved): the name, copy and progress stay. */
export async function linkSource(ctx: Context, name: string, path: string): Promise<void> {
  await openShelf(ctx).update((data) => {
    const entry = data.roadmaps.find((e) => e.name === name);
    if (!entry) throw new InputError(`"${name}" was just removed from your shelf by another command`);
    entry.source = path;
    entry.kind = 'file';
    entry.updatedAt = ctx.now().toISOString();
  });
}
