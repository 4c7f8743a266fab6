import { DUPLICATE_MARK } from '../ids.js';
import { shortHash } from '../text/hash.js';
import { work } from '../work.js';
import { isAscii } from '../text/lazy-pattern.js';

const MAX_SLUG = 64;

/** Characters that separate the words of a slug; every other character that is no letter or digit is dropped. */
const ASCII_SEPARATORS = /[\s\-_/\\.:,;|+&]+/g;
const ASCII_DROPPED = /[^a-z0-9\s\-_/\\.:,;|+&]+/g;

/** A readable, stable slug: Unicode lowercase, letters and digits of every script kept, separators collapsed to "-". */
export function slugify(title: string): string {
  let words: string[];
  // ASCII, the usual title: slugged without Unicode normalisation or property classes (building one costs most of a ms).
  if (isAscii(title)) {
    // For ASCII the two paths give the same words: letters and digits, split at separators, other characters
    // dropped. Their words joined by "-" are made with two replaces, and the slug is that text or a cut of it.
    let joined = title.toLowerCase().replace(ASCII_DROPPED, '').replace(ASCII_SEPARATORS, '-');
    if (joined.startsWith('-')) joined = joined.slice(1);
    if (joined.endsWith('-')) joined = joined.slice(0, -1);
    if (joined.length <= MAX_SLUG) return joined;
    // Longer: the words up to the last "-" within the limit, or the first word alone (cut at twice the limit), as the
    // loop below keeps them, found with no array of words.
    const cut = joined.lastIndexOf('-', MAX_SLUG);
    if (cut > 0) return joined.slice(0, cut);
    const first = joined.indexOf('-');
    return joined.slice(0, Math.min(first < 0 ? joined.length : first, MAX_SLUG * 2));
  } else {
    words = title
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\s\-_/\\.:,;|+&]+/gu, ' ')
      .replace(/[^\p{L}\p{M}\p{N} ]/gu, (ch) => (ch === '\u200C' || ch === '\u200D' ? ch : ''))
      .trim()
      .split(/\s+/u);
  }
  // Whole words while they fit (a first word alone is cut at twice the length), joined once: a slug built word by
  // word would be a chain of string pieces that every topic id keeps alive.
  const kept: string[] = [];
  let length = -1;
  for (const word of words) {
    if (!word) continue;
    if (kept.length > 0 && length + 1 + word.length > MAX_SLUG) break;
    kept.push(word);
    length += 1 + word.length;
  }
  return kept.join('-').slice(0, MAX_SLUG * 2);
}

/** Slug for a node, falling back to the url's last path segment, then a hash of the title. */
export function slugFor(title: string, url?: string): string {
  const slug = slugify(title);
  if (slug) return slug;
  if (url) {
    const segment = url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
    const fromUrl = slugify(decodeURIComponentSafe(segment));
    if (fromUrl) return fromUrl;
  }
  return `t-${shortHash(title || url || '')}`;
}

/** decodeURIComponent that keeps the text as it is when it is not valid percent-encoding. */
export function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Hands out unique slugs among siblings: the second "x" becomes "x--2" (DUPLICATE_MARK, a form no title's slug takes),
 * in constant time however many repeat.
 */
export class SlugAllocator {
  private readonly seen = new Map<string, number>();

  /** What `take` gives on a fresh allocator, without making one: the slug of a topic that has no siblings. */
  static only(base: string): string {
    work.slugSteps++;
    return base;
  }

  take(base: string): string {
    work.slugSteps++;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}${DUPLICATE_MARK}${n}`;
  }
}
