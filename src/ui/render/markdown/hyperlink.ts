import type { Style } from './wrap.js';

/**
 * The url as it may go inside an OSC 8 hyperlink, or undefined: only http and https, and only when the url as
 * written has no control character and its normalised form is printable ASCII (the URL parser percent-encodes the
 * rest), so nothing in it can end the escape sequence early or start another one.
 */
export function clickableUrl(raw: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/u.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return /^[\x21-\x7e]+$/.test(url.href) ? url.href : undefined;
}

/** A style that makes text a hyperlink to `url` (already checked by clickableUrl), drawn with `look` inside. */
export function hyperlinkStyle(url: string, look: Style): Style {
  // Ended by BEL, as GNU ls writes them: every terminal that knows OSC 8 reads it.
  return (text) => `\u001b]8;;${url}\u0007${look(text)}\u001b]8;;\u0007`;
}
