import type { Roadmap, Section } from './types.js';
import { allTopics, pathLookup, sectionEntries, type TopicEntry } from './tree.js';
import { work } from './work.js';

export type TopicMatch =
  | { kind: 'one'; entry: TopicEntry }
  | { kind: 'many'; candidates: TopicEntry[] }
  | { kind: 'none'; suggestions: TopicEntry[] };

const NUMBER = /^\d+(?:\.\d+)+$/;

/**
 * Finds a topic by id, by number ("3.2", "3.2.1") or by a case-insensitive fragment of its title.
 * A title equal to the reference wins over titles that merely contain it.
 */
export function findTopic(roadmap: Roadmap, ref: string): TopicMatch {
  const wanted = ref.trim();
  const direct = inItsSection(roadmap, wanted);
  if (direct) return { kind: 'one', entry: direct };
  const entries = allTopics(roadmap);
  const byId = entries.find((e) => e.topic.id === wanted);
  if (byId) return { kind: 'one', entry: byId };
  if (NUMBER.test(wanted)) {
    const byNumber = entries.find((e) => e.topic.number === wanted);
    return byNumber ? { kind: 'one', entry: byNumber } : { kind: 'none', suggestions: [] };
  }
  const needle = fold(wanted);
  if (!needle) return { kind: 'none', suggestions: [] };
  const exact = entries.filter((e) => fold(e.topic.title) === needle);
  if (exact.length === 1 && exact[0]) return { kind: 'one', entry: exact[0] };
  const containing = entries.filter((e) => fold(e.topic.title).includes(needle) || e.topic.id.endsWith(`/${wanted}`));
  if (containing.length === 1 && containing[0]) return { kind: 'one', entry: containing[0] };
  if (containing.length > 1) return { kind: 'many', candidates: containing };
  return { kind: 'none', suggestions: closest(entries, needle, 3) };
}

/**
 * The topic an id or a number names, looked for only in the section the reference starts with. A topic's id is its
 * section's id, "/" and slugs, and its number its section's number, "." and positions (core/parse/assemble.ts), and
 * no slug holds "/" or ".": so no topic of another section can have that id or number, and no topic's id is a
 * number. Only that section's topics are read, which on a big roadmap from the parse cache is most of a run (the
 * other sections are read from the cache when first asked for). Undefined when the reference is neither, or that
 * section has no such topic: findTopic then looks at every topic as before.
 */
function inItsSection(roadmap: Roadmap, wanted: string): TopicEntry | undefined {
  if (wanted.indexOf('/') > 0) return pathLookup(roadmap)(wanted);
  if (!NUMBER.test(wanted)) return undefined;
  const head = wanted.slice(0, wanted.indexOf('.'));
  const section = roadmap.sections.find((s) => s.number === head);
  return section && sectionEntries(section).find((e) => e.topic.number === wanted);
}

/**
 * The topics a picker shows for what the user has typed so far: number prefix, title fragment or id fragment,
 * compared as findTopic compares them. An empty term shows every topic.
 */
export function filterTopics(entries: readonly TopicEntry[], term: string): TopicEntry[] {
  const needle = fold(term);
  if (!needle) return [...entries];
  return entries.filter((e) => e.topic.number.startsWith(needle) || fold(e.topic.title).includes(needle) || e.topic.id.includes(needle));
}

/** Finds a section by number ("3"), id or a case-insensitive fragment of its title. */
export function findSection(roadmap: Roadmap, ref: string): Section | Section[] | undefined {
  const wanted = ref.trim();
  const direct = roadmap.sections.find((s) => s.number === wanted || s.id === wanted);
  if (direct) return direct;
  const needle = fold(wanted);
  const exact = roadmap.sections.filter((s) => fold(s.title) === needle);
  if (exact.length === 1) return exact[0];
  const containing = roadmap.sections.filter((s) => fold(s.title).includes(needle));
  if (containing.length === 1) return containing[0];
  return containing.length > 1 ? containing : undefined;
}

/** How references and titles are compared: NFKC, lower case, runs of white space as one space. */
export function fold(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Bounds on "did you mean": edit distance is quadratic in word length, so words are compared on their first
 * SUGGEST_WORD characters, at most SUGGEST_WORDS words of the reference and of each title, and titles are compared
 * until SUGGEST_CELLS table cells are spent (then the best found so far are offered). A misspelt title is short.
 */
export const SUGGEST_WORD = 32;
export const SUGGEST_WORDS = 12;
export const SUGGEST_CELLS = 20_000_000;

/** Titles nearest to a misspelt reference, by the best word-level edit similarity. */
export function closest(entries: TopicEntry[], needle: string, limit: number): TopicEntry[] {
  const queryWords = needle
    .split(/[\s/_-]+/)
    .filter(Boolean)
    .slice(0, SUGGEST_WORDS)
    .map((w) => w.slice(0, SUGGEST_WORD));
  const spentAtStart = work.editCells;
  const scored: Array<{ e: TopicEntry; score: number }> = [];
  for (const e of entries) {
    if (work.editCells - spentAtStart > SUGGEST_CELLS) break;
    const words = firstWords(e.topic.title, SUGGEST_WORDS).map((w) => w.slice(0, SUGGEST_WORD));
    let score = 0;
    for (const q of queryWords) {
      let best = 0;
      for (const w of words) best = Math.max(best, similarity(q, w));
      score += best;
    }
    scored.push({ e, score: queryWords.length ? score / queryWords.length : 0 });
  }
  return scored
    .filter((s) => s.score >= 0.6)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.e);
}

/** 1 - edit distance / longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}

/** The first `count` words of a title, folded, reading no further into a long title than they need. */
function firstWords(title: string, count: number): string[] {
  const words: string[] = [];
  for (const m of fold(title.slice(0, count * (SUGGEST_WORD + 8))).matchAll(/[\p{L}\p{N}]+/gu)) {
    words.push(m[0]);
    if (words.length === count) break;
  }
  return words;
}

let rows = new Uint32Array(0);

/** Levenshtein distance in two rows of one reused buffer; callers bound the lengths (it is quadratic). */
function editDistance(a: string, b: string): number {
  const n = b.length;
  if (rows.length < 2 * (n + 1)) rows = new Uint32Array(2 * (n + 1));
  let prev = 0;
  let cur = n + 1;
  for (let j = 0; j <= n; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const del = (rows[prev + j] ?? 0) + 1;
      const ins = (rows[cur + j - 1] ?? 0) + 1;
      const sub = (rows[prev + j - 1] ?? 0) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      rows[cur + j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    [prev, cur] = [cur, prev];
  }
  work.editCells += a.length * n;
  return rows[prev + n] ?? 0;
}
