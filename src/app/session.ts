import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { Context } from '../context.js';
import type { Note, ProgressState, Stamp } from '../core/progress/history.js';
import { orphanIds } from '../core/progress/orphans.js';
import type { Status } from '../core/types.js';
import { shellQuote } from '../core/text/shell-quote.js';
import { inert } from '../ui/sanitize.js';
import { findTwin, loadChoice, type ChosenRoadmap } from './shelf-choice.js';

export { sourceOptions } from './shelf-choice.js';
import { structureChoice, type StructureOptions } from './structure-options.js';

/** Options every command receives from the global flags. */
export interface GlobalOptions {
  roadmap?: string;
  /** Bare `--json` is true; read commands also take fields (`--json title,status`), a string. */
  json?: boolean | string;
  color?: boolean;
  debug?: boolean;
}

export interface Session extends ChosenRoadmap {
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
export async function openSession(ctx: Context, options: GlobalOptions & StructureOptions, { orphans = true } = {}): Promise<Session> {
  const loaded = await loadChoice(ctx, options.roadmap, { structure: structureChoice(options) });
  for (const w of loaded.roadmap.warnings) {
    if (w.kind === 'encoding-repaired') ctx.io.stderr.write(`warning: ${loaded.source === '-' ? 'standard input' : inert(loaded.source)}: ${inert(w.message)}\n`);
  }
  // Progress stored with the old ids is translated to this roadmap's on every read and write from here on.
  ctx.store.useRoadmap?.(loaded.id, loaded.roadmap);
  const state = ctx.store.read(loaded.id);
  const session: Session = { ...loaded, state, statuses: new Map(), notes: new Map() };
  refreshSession(session, session.state);
  if (orphans && session.state.events.length === 0) {
    const twin = findTwin(ctx, session);
    if (twin) ctx.io.stderr.write(`note: this file has the same content as "${inert(twin.name)}" on your shelf (added from ${inert(twin.source)}); to keep its progress, link them: ${doctorCommand(options, ' --link')}\n`);
  }
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
  const choice = options.roadmap === undefined ? '' : ` --roadmap ${/^[\w./-]+$/.test(options.roadmap) ? options.roadmap : shellQuote(inert(options.roadmap))}`;
  return `roadmap doctor${extra}${choice}`;
}

/** How every command's JSON names the roadmap it worked on. */
export interface RoadmapRef {
  id: string;
  /** Its name on the shelf; null for a file not on the shelf or standard input. */
  name: string | null;
  title: string;
  /** A path, a URL, `github:…`, `-` for standard input, or `bundled` (the same wherever roadmap is installed). */
  source: string;
}

export function roadmapRef(r: ChosenRoadmap): RoadmapRef {
  return { id: r.id, name: r.name ?? null, title: r.roadmap.title, source: r.bundled ? 'bundled' : r.source };
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
  refreshSession(session, ctx.store.read(session.id));
}

/** A fresh event identity: a random id and the injected clock's time. */
export function stamp(ctx: Context): Stamp {
  return { id: randomId(), at: ctx.now().toISOString() };
}

/**
 * A random UUID (version 4) for an event or a note, unique across machines (sync merges histories by it). Read from
 * /dev/urandom where there is one: node:crypto, which randomUUID needs, takes 2 to 3 ms to load, a fifth of what a
 * whole `roadmap done` should take.
 */
export function randomId(): string {
  const bytes = Buffer.alloc(16);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, bytes) !== 16) return randomUUID();
    } finally {
      closeSync(fd);
    }
  } catch {
    return randomUUID();
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

