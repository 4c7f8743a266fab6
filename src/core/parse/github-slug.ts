import { isAscii, once } from '../text/lazy-pattern.js';

/**
 * The anchors GitHub gives headings, as github-slugger (the maintained port of GitHub's algorithm) makes them,
 * written here from its documented behaviour: lowercase; every character removed except letters, marks, decimal and
 * letter numbers, connector punctuation (`_`), `-` and the space; each space then becomes `-`. Emoji go, so
 * "🚀 Recommended tools" is `-recommended-tools`. Repeated slugs get `-1`, `-2`, … skipping any already taken.
 */
const REMOVED = once(() => /[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu);
/** The same for ASCII, without property classes (made on first use, they cost a fraction of a ms): in ASCII, \p{L} is
 * A-Z and a-z, \p{Nd} is 0-9, \p{Pc} is "_", and \p{M} and \p{Nl} are empty. */
const REMOVED_ASCII = /[^A-Za-z0-9_ -]/g;

/** The anchor of one heading text, without de-duplication. */
export function githubSlug(text: string): string {
  const lower = text.toLowerCase();
  return lower.replace(isAscii(lower) ? REMOVED_ASCII : REMOVED(), '').replace(/ /g, '-');
}

/** Hands out anchors in document order, numbering repeats the way GitHub does. */
export class GithubSlugger {
  private readonly occurrences = new Map<string, number>();

  slug(text: string): string {
    const base = githubSlug(text);
    let slug = base;
    while (this.occurrences.has(slug)) {
      const n = (this.occurrences.get(base) ?? 0) + 1;
      this.occurrences.set(base, n);
      slug = `${base}-${n}`;
    }
    this.occurrences.set(slug, 0);
    return slug;
  }
}
