import type { Note, ProgressState, StatusDelta } from './history.js';
import { similarity } from '../lookup.js';
import type { Roadmap, Status, Topic } from '../types.js';
import { allTopics, pathLookup, type TopicEntry } from '../tree.js';
import { work } from '../work.js';

/**
 * Stored ids compared with current topics in one run, at most: a comparison is a few microseconds, so doctor stays
 * within about a second however many orphans an import brought. Orphans past the budget are listed without matches.
 */
export const MAX_ORPHAN_PAIRS = 250_000;

/** Below this a topic is not offered as a match at all. */
const MIN_CANDIDATE = 0.45;
/** `doctor --fix` moves progress only to a match this close... */
const MIN_FIX = 0.6;
/** ...and clearly closer than the runner-up. */
const MIN_MARGIN = 0.1;

export interface Candidate {
  entry: TopicEntry;
  score: number;
}

/** Progress stored under a topic id the roadmap no longer has. */
export interface Orphan {
  id: string;
  status: Status;
  notes: Note[];
  /** Most similar current topics, best first. */
  candidates: Candidate[];
  /** The topic `doctor --fix` would move it to, when the match is unambiguous. */
  fixTo?: TopicEntry;
  /** Why there is no fix, when there is none. */
  why?: string;
  /**
   * Set when the id still exists but its status was set on a topic titled this (two titles whose slugs were cut to
   * the same 64 characters, then reordered): the status now shows on the wrong topic.
   */
  markedAs?: string;
}

/** Stored topic ids (statuses and notes) that no longer exist in the roadmap. Cheap: no similarity is computed. */
export function orphanIds(roadmap: Roadmap, state: ProgressState): string[] {
  // Every command asks: with nothing stored there is nothing to look up, and a big roadmap is not walked for it.
  if (state.records.size === 0 && state.notes.length === 0) return [];
  // Ids are paths: a topic's id starts with its section's or parent's id and a slash. Following that path looks at
  // the sections and topics on the way only, so a tree read lazily from the parse cache stays mostly unread. Ids not
  // found that way (orphans, or a tree whose ids are not paths) are confirmed by the full walk below.
  const lookup = pathLookup(roadmap);
  const found = (id: string): boolean => lookup(id) !== undefined;
  if ([...state.records.keys()].every(found) && state.notes.every((n) => found(n.topic))) return [];
  // Only the ids: every command runs this, and an entry per topic (with its ancestors) is garbage on a big roadmap.
  const known = new Set<string>();
  const collect = (topics: readonly Topic[]): void => {
    for (const t of topics) {
      known.add(t.id);
      if (t.children.length > 0) collect(t.children);
    }
  };
  for (const section of roadmap.sections) collect(section.topics);
  const ids = new Set<string>();
  for (const id of state.records.keys()) if (!known.has(id)) ids.add(id);
  for (const n of state.notes) if (!known.has(n.topic)) ids.add(n.topic);
  return [...ids].sort();
}

/** A title compared by its letters and digits only: "Practice!" is "practice", "Practice 2" is not. */
function titleKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Statuses kept under an id the roadmap has, but set on a topic with another title (recorded when they were set):
 * they now show on the wrong topic. The fix is the one topic with that title (a sibling first) without progress.
 */
export function diagnoseMoved(roadmap: Roadmap, state: ProgressState): Orphan[] {
  let entries: TopicEntry[] | undefined;
  let byId: Map<string, TopicEntry> | undefined;
  let byTitle: Map<string, TopicEntry[]> | undefined;
  const out: Orphan[] = [];
  for (const [id, r] of state.records) {
    if (r.title === undefined) continue;
    entries ??= allTopics(roadmap);
    byId ??= new Map(entries.map((e) => [e.topic.id, e]));
    const here = byId.get(id);
    const key = titleKey(r.title);
    if (!here || titleKey(here.topic.title) === key) continue;
    if (!byTitle) {
      byTitle = new Map();
      for (const e of entries) {
        const k = titleKey(e.topic.title);
        const list = byTitle.get(k);
        if (list) list.push(e);
        else byTitle.set(k, [e]);
      }
    }
    const parent = id.slice(0, id.lastIndexOf('/') + 1);
    const all = byTitle.get(key) ?? [];
    const siblings = all.filter((e) => e.topic.id.startsWith(parent) && !e.topic.id.slice(parent.length).includes('/'));
    const matches = siblings.length > 0 ? siblings : all;
    const o: Orphan = { id, status: r.status, notes: [], candidates: matches.slice(0, 3).map((entry) => ({ entry, score: 1 })), markedAs: r.title };
    const only = matches[0];
    if (!only) o.why = `no topic is titled "${r.title}" now`;
    else if (matches.length > 1) o.why = `several topics are titled "${r.title}"`;
    else if (state.records.has(only.topic.id)) o.why = 'the topic with that title has progress of its own';
    else o.fixTo = only;
    out.push(o);
  }
  return out;
}

/**
 * Orphans with their likely new homes. Ids are slug paths (section/parent/topic), so a renamed topic keeps most of
 * its id: the score weighs the topic's own slug most and its section and parents less.
 */
export function diagnoseOrphans(roadmap: Roadmap, state: ProgressState): Orphan[] {
  const stored = new Set([...state.records.keys(), ...state.notes.map((n) => n.topic)]);
  const lost = lostTopic(state);
  return matchOrphans(orphanIds(roadmap, state).map(lost), allTopics(roadmap), stored);
}

/**
 * Topics a new version of a roadmap no longer has, each matched as `doctor` matches orphans, but only to topics that
 * are new in it: `fixTo` is the topic it was renamed to, when that is unambiguous. For `roadmap update`.
 */
export function renamedTopics(before: Roadmap, after: Roadmap, state: ProgressState): Orphan[] {
  const now = allTopics(after);
  const known = new Set(now.map((e) => e.topic.id));
  const old = allTopics(before).map((e) => e.topic.id);
  const had = new Set(old);
  const gone = old.filter((id) => !known.has(id));
  const added = now.filter((e) => !had.has(e.topic.id));
  const stored = new Set([...state.records.keys(), ...state.notes.map((n) => n.topic)]);
  return matchOrphans(gone.map(lostTopic(state)), added, stored);
}

/** What is stored for a lost id; the notes are grouped once, so many orphans with many notes stay linear. */
function lostTopic(state: ProgressState): (id: string) => Pick<Orphan, 'id' | 'status' | 'notes'> {
  const notes = new Map<string, Note[]>();
  for (const n of state.notes) {
    const list = notes.get(n.topic);
    if (list) list.push(n);
    else notes.set(n.topic, [n]);
  }
  return (id) => ({ id, status: state.records.get(id)?.status ?? 'pending', notes: notes.get(id) ?? [] });
}

function matchOrphans(lost: ReadonlyArray<Pick<Orphan, 'id' | 'status' | 'notes'>>, entries: readonly TopicEntry[], stored: ReadonlySet<string>): Orphan[] {
  const parts = entries.map((e) => idParts(e.topic.id));
  let budget = MAX_ORPHAN_PAIRS;
  const orphans: Orphan[] = lost.map((o) => {
    if (budget < entries.length) {
      return { ...o, candidates: [], why: `not compared: doctor compares at most ${MAX_ORPHAN_PAIRS} stored ids with topics in one run; fix or reset the others first` };
    }
    budget -= entries.length;
    work.orphanPairs += entries.length;
    const mine = idParts(o.id);
    const candidates = entries
      .map((entry, i) => ({ entry, score: partsSimilarity(mine, parts[i] ?? mine) }))
      .filter((c) => c.score >= MIN_CANDIDATE)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3);
    return { ...o, candidates };
  });
  const wanted = new Map<string, number>();
  for (const o of orphans) {
    const best = o.candidates[0];
    if (best) wanted.set(best.entry.topic.id, (wanted.get(best.entry.topic.id) ?? 0) + 1);
  }
  for (const o of orphans) {
    const [best, second] = o.candidates;
    if (o.why !== undefined) continue;
    if (!best || best.score < MIN_FIX) o.why = 'no current topic is similar enough';
    else if (second && best.score - second.score < MIN_MARGIN) o.why = 'several topics are about as similar';
    else if ((wanted.get(best.entry.topic.id) ?? 0) > 1) o.why = 'another orphan matches the same topic';
    else if (stored.has(best.entry.topic.id)) o.why = 'the matching topic has progress of its own';
    else o.fixTo = best.entry;
  }
  return orphans;
}

/** The status changes and note moves that carry fixable orphans to their matches. */
export function planFix(orphans: readonly Orphan[], state: ProgressState): { changes: StatusDelta[]; notesAdded: Note[]; notesRemoved: Note[] } {
  const changes: StatusDelta[] = [];
  const notesAdded: Note[] = [];
  const notesRemoved: Note[] = [];
  for (const o of orphans) {
    if (!o.fixTo) continue;
    const to = o.fixTo.topic.id;
    const record = state.records.get(o.id);
    if (record) {
      changes.push({ topic: o.id, from: record.status, to: 'pending', fromAt: record.updatedAt });
      changes.push({ topic: to, from: 'pending', to: record.status, toAt: record.updatedAt });
    }
    for (const n of o.notes) {
      notesRemoved.push(n);
      notesAdded.push({ ...n, topic: to });
    }
  }
  return { changes, notesAdded, notesRemoved };
}

/** An id split once for many comparisons: path (section and parents) and last slug, each capped, with its words. */
interface IdParts {
  path: string;
  leaf: string;
  pathWords: Set<string>;
  leafWords: Set<string>;
}

function idParts(id: string): IdParts {
  const i = id.lastIndexOf('/');
  const path = i < 0 ? '' : id.slice(0, i);
  const leaf = i < 0 ? id : id.slice(i + 1);
  return { path: cap(path), leaf: cap(leaf), pathWords: words(path), leafWords: words(leaf) };
}

/** 0..1: mostly the last slug, partly the path before it (section and parents). */
export function idSimilarity(a: string, b: string): number {
  return partsSimilarity(idParts(a), idParts(b));
}

function partsSimilarity(a: IdParts, b: IdParts): number {
  const leaf = Math.max(similarity(a.leaf, b.leaf), wordOverlap(a.leafWords, b.leafWords));
  const path = a.path === b.path ? 1 : Math.max(similarity(a.path, b.path), wordOverlap(a.pathWords, b.pathWords));
  return Math.round((0.75 * leaf + 0.25 * path) * 1000) / 1000;
}

/** Edit distance is quadratic: long slugs are compared on their first 80 characters. */
function cap(s: string): string {
  return s.slice(0, 80);
}

function words(s: string): Set<string> {
  return new Set(s.split(/[-/]+/).filter(Boolean));
}

function wordOverlap(wa: ReadonlySet<string>, wb: ReadonlySet<string>): number {
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}
