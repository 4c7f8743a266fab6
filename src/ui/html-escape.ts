import { inert } from './sanitize.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * THE way untrusted text (titles, notes, urls, file names) enters HTML, as element text or as a quoted attribute
 * value: the five characters that could open markup or leave an attribute become entities, and control and bidi
 * characters are shown as in the terminal (`inert`), newlines kept. Idempotent on text that has none of `&<>"'`.
 */
export function escapeHtml(text: string): string {
  return inert(text, true).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * The url as an href when it is a plain web link (http or https, parsable, no credentials), else undefined: a
 * `javascript:`, `data:` or relative url is never made a link. The result is escaped for an attribute.
 */
export function safeHref(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) return undefined;
  return escapeHtml(parsed.href);
}
