import { work } from './work.js';

const MAX_SLUG = 64;

/** A readable, stable slug: Unicode lowercase, letters and digits of every script kept, separators collapsed to "-". */
export function slugify(title: string): string {
  const words = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-_/\\.:,;|+&]+/gu, ' ')
    .replace(/[^\p{L}\p{M}\p{N} ]/gu, (ch) => (ch === '\u200C' || ch === '\u200D' ? ch : ''))
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

/** A short, stable hash (FNV-1a, 32 bit) in hex, for ids that have no letters to slug. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
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
 * Marks the n-th sibling with the same slug: the second "x" is "x--2". slugify never makes two hyphens in a row (its
 * words are split on them and joined by one), nor does slugFor, so no title's own slug takes this form: "X 2" stays
 * "x-2" whatever order the file lists them in. (Until store version 3 it was "x-2", taken by whichever came first.)
 */
export const DUPLICATE_MARK = '--';

/** The slug a node's id was made from: its id's last part without a DUPLICATE_MARK suffix. */
export function baseSlug(idPart: string): string {
  const at = idPart.indexOf(DUPLICATE_MARK);
  return at < 0 ? idPart : idPart.slice(0, at);
}

/** Hands out unique slugs among siblings: the second "x" becomes "x--2", in constant time however many repeat. */
export class SlugAllocator {
  private readonly seen = new Map<string, number>();

  take(base: string): string {
    work.slugSteps++;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}${DUPLICATE_MARK}${n}`;
  }
}
