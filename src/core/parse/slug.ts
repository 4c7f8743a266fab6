import { DUPLICATE_MARK } from '../ids.js';
import { shortHash } from '../text/hash.js';
import { work } from '../work.js';

const MAX_SLUG = 64;
const ASCII = /^[\0-\x7f]*$/;

/** A readable, stable slug: Unicode lowercase, letters and digits of every script kept, separators collapsed to "-". */
export function slugify(title: string): string {
  const words = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-_/\\.:,;|+&]+/gu, ' ')
    // In ASCII, letters, marks and numbers are [a-z0-9] once lowercased: no Unicode class to build (most of a ms).
    .replace(ASCII.test(title) ? /[^a-z0-9 ]/g : /[^\p{L}\p{M}\p{N} ]/gu, (ch) => (ch === '\u200C' || ch === '\u200D' ? ch : ''))
    .trim()
    .split(/\s+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG && slug) break;
    slug = next.slice(0, MAX_SLUG * 2);
  }
  return slug;
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

  take(base: string): string {
    work.slugSteps++;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}${DUPLICATE_MARK}${n}`;
  }
}
