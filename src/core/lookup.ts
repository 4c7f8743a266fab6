import type { Roadmap, Section } from './types.js';
import { allTopics, type TopicEntry } from './tree.js';

export type TopicMatch =
  | { kind: 'one'; entry: TopicEntry }
  | { kind: 'many'; candidates: TopicEntry[] }
  | { kind: 'none'; suggestions: TopicEntry[] };

const NUMBER = /^\d+(?:\.\d+)+$/;

/**
 * Finds a topic by id, by number ("3.2", "3.2.1") or by a case-insensitive fragment of its title.
 * A title equal to the reference wins over titles that merely contain it.
 */
export function findTopic(roadmap: Roadmap, ref: string, entries: TopicEntry[] = allTopics(roadmap)): TopicMatch {
  const wanted = ref.trim();
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

/** Titles nearest to a misspelt reference, by the best word-level edit similarity. */
export function closest(entries: TopicEntry[], needle: string, limit: number): TopicEntry[] {
  const queryWords = needle.split(/[\s/_-]+/).filter(Boolean);
  const scored = entries.map((e) => {
    const words = fold(e.topic.title).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    let score = 0;
    for (const q of queryWords) {
      let best = 0;
      for (const w of words) best = Math.max(best, similarity(q, w));
      score += best;
    }
    return { e, score: queryWords.length ? score / queryWords.length : 0 };
  });
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

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
