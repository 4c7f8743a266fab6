import { randomUUID } from 'node:crypto';
import type { Context } from '../context.js';
import type { Note, ProgressState, Stamp } from '../core/history.js';
import { adoptCurrentIds, stampTitles } from '../core/identity.js';
import { findSection, findTopic } from '../core/lookup.js';
import { orphanIds } from '../core/orphans.js';
import type { StatusMap } from '../core/progress.js';
import type { Section, Status } from '../core/types.js';
import type { TopicEntry } from '../core/walk.js';
import { NotFoundError, UsageError } from '../errors.js';
import { loadRoadmap, type LoadedRoadmap } from '../load.js';
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
  const loaded = await loadRoadmap(ctx, options.roadmap);
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

/** `roadmap doctor` for the roadmap the user chose, to paste as is. */
export function doctorCommand(options: GlobalOptions, extra = ''): string {
  const choice = options.roadmap === undefined ? '' : ` --roadmap ${/^[\w./-]+$/.test(options.roadmap) ? options.roadmap : `'${inert(options.roadmap).replace(/'/g, "'\\''")}'`}`;
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

/** Resolves a topic reference or throws: several matches are a usage error (2), none is a failure (1). */
export function resolveTopic(session: Session, ref: string, verb = 'show'): TopicEntry {
  const match = findTopic(session.roadmap, ref);
  switch (match.kind) {
    case 'one':
      return match.entry;
    case 'many': {
      const shown = match.candidates.slice(0, 15);
      const lines = shown.map((e) => `  ${e.topic.number.padEnd(8)} ${inert(e.topic.id)}  ${inert(e.topic.title)}`);
      if (match.candidates.length > shown.length) lines.push(`  … and ${match.candidates.length - shown.length} more`);
      const first = match.candidates[0]?.topic.number ?? '1.1';
      throw new UsageError(
        `"${inert(ref)}" matches ${match.candidates.length} topics:\n${lines.join('\n')}`,
        `name one by its number or id, for example: roadmap ${verb} ${first}`,
      );
    }
    case 'none': {
      const isSection = /^\d+$/.test(ref.trim()) && session.roadmap.sections.some((s) => s.number === ref.trim());
      if (isSection) {
        throw new UsageError(`"${ref.trim()}" is a section, not a topic`, `name a topic such as ${ref.trim()}.1, or see the section with: roadmap list --section ${ref.trim()}`);
      }
      const hint = match.suggestions.length
        ? `did you mean:\n${match.suggestions.map((e) => `  ${e.topic.number.padEnd(8)} ${inert(e.topic.title)}`).join('\n')}`
        : 'run `roadmap list` to see topics with their numbers';
      throw new NotFoundError(`no topic matches "${inert(ref)}"`, hint);
    }
  }
}

/** Resolves a section reference (number, id, or title fragment) or throws. */
export function resolveSection(session: Session, ref: string): Section {
  const found = findSection(session.roadmap, ref);
  if (Array.isArray(found)) {
    const lines = found.map((s) => `  ${s.number.padEnd(4)} ${inert(s.id)}  ${inert(s.title)}`).join('\n');
    throw new UsageError(`"${inert(ref)}" matches ${found.length} sections:\n${lines}`, 'name one by its number, for example: --section 1');
  }
  if (!found) {
    throw new NotFoundError(`no section matches "${inert(ref)}"`, `sections are numbered 1 to ${session.roadmap.sections.length}; run \`roadmap list\` to see them`);
  }
  return found;
}

export type { StatusMap };
