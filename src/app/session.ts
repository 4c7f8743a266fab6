import { randomUUID } from 'node:crypto';
import type { Context } from '../context.js';
import type { Note, ProgressState, Stamp } from '../core/progress/history.js';
import { adoptCurrentIds, stampTitles } from '../core/progress/identity.js';
import { orphanIds } from '../core/progress/orphans.js';
import type { Status } from '../core/types.js';
import { shellQuote } from '../core/text/shell-quote.js';
import { loadRoadmap, type LoadedRoadmap, type SourceOptions } from '../source/load-roadmap.js';
import { startSpinner } from '../ui/spinner.js';
import { inert } from '../ui/sanitize.js';

/** Options every command receives from the global flags. */
export interface GlobalOptions {
  roadmap?: string;
  json?: boolean;
  color?: boolean;
  debug?: boolean;
}

export interface Session extends LoadedRoadmap {
  /** Statuses, notes and history as stored. */
  state: ProgressState;
  statuses: Map<string, Status>;
  /** Notes per topic id, oldest first. */
  notes: Map<string, Note[]>;
}

/**
 * Loads the chosen roadmap and its progress, telling stderr about repaired input and, in one line, about progress
 * kept for topics the roadmap no longer has (`orphans: false` for the commands that report those themselves).
 */
export async function openSession(ctx: Context, options: GlobalOptions, { orphans = true } = {}): Promise<Session> {
  const loaded = await loadRoadmap(sourceOptions(ctx), options.roadmap);
  for (const w of loaded.roadmap.warnings) {
    if (w.kind === 'encoding-repaired') ctx.io.stderr.write(`warning: ${loaded.source === '-' ? 'standard input' : inert(loaded.source)}: ${inert(w.message)}\n`);
  }
  const state = ctx.store.read(loaded.id);
  adoptCurrentIds(loaded.roadmap, state);
  const session: Session = { ...loaded, state, statuses: new Map(), notes: new Map() };
  refreshSession(session, session.state);
  if (orphans) {
    const lost = orphanIds(session.roadmap, session.state);
    if (lost.length > 0) {
      const what = lost.length === 1 ? '1 topic that is' : `${lost.length} topics that are`;
      ctx.io.stderr.write(`warning: your progress includes ${what} no longer in this roadmap (was the file edited?); run \`${doctorCommand(options)}\` to see and move it\n`);
    }
  }
  return session;
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

/** `roadmap doctor` for the roadmap the user chose, to paste as is. */
export function doctorCommand(options: GlobalOptions, extra = ''): string {
  const choice = options.roadmap === undefined ? '' : ` --roadmap ${/^[\w./-]+$/.test(options.roadmap) ? options.roadmap : shellQuote(inert(options.roadmap))}`;
  return `roadmap doctor${extra}${choice}`;
}

/** Points the session at a new state (after a write) and rebuilds the lookups derived from it. */
export function refreshSession(session: Session, state: ProgressState): void {
  session.state = state;
  session.statuses = new Map([...state.records].map(([id, r]) => [id, r.status]));
  session.notes = new Map();
  for (const n of state.notes) {
    const list = session.notes.get(n.topic);
    if (list) list.push(n);
    else session.notes.set(n.topic, [n]);
  }
}

/** Re-reads the session's state from the store. */
export function reloadSession(ctx: Context, session: Session): void {
  const state = ctx.store.read(session.id);
  adoptCurrentIds(session.roadmap, state);
  refreshSession(session, state);
}

/**
 * One read-modify-write of the session's progress (see ProgressStore.update). Ids stored the old way are translated
 * first, so the file is saved with current ids, and every status `change` sets remembers its topic's title.
 */
export function updateProgress<T>(ctx: Context, session: Session, change: (state: ProgressState) => T): Promise<T> {
  return ctx.store.update(session.id, (state) => {
    adoptCurrentIds(session.roadmap, state);
    const before = new Map(state.records);
    const result = change(state);
    stampTitles(session.roadmap, before, state);
    return result;
  });
}

/** A fresh event identity: a random id and the injected clock's time. */
export function stamp(ctx: Context): Stamp {
  return { id: randomUUID(), at: ctx.now().toISOString() };
}

