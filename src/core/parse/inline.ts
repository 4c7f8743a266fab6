import type { Token, Tokens } from 'marked';
import type { Link } from '../types.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', mdash: '—', ndash: '–', hellip: '…',
  copy: '©', reg: '®', trade: '™', rarr: '→', larr: '←', harr: '↔', laquo: '«', raquo: '»', middot: '·',
  bull: '•', times: '×', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', deg: '°', zwnj: '\u200C', zwj: '\u200D',
};

/** Runs of whitespace that `collapseSpaces` rewrites: two or more, or one that is not a plain space. */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/**
 * `text.replace(/\s+/g, ' ')`, faster: a single plain space (nearly every one) is not matched, so text already spaced
 * that way comes back as it is instead of being rebuilt.
 */
export function collapseSpaces(text: string): string {
  return text.replace(SPACE_RUN, ' ');
}

/** Decodes HTML character references. Control characters stay in the text; renderers make them inert. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text written as Markdown that reads back as the same text: the characters Markdown gives meaning to are
 * escaped, and so is a leading list or heading marker.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#!|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*)(\d{1,9})(?=[.)](?:\s|$))/, '$1$2\\');
}

/** The Markdown source of a run of inline tokens, as written. */
export function inlineSource(tokens: readonly Token[]): string {
  return tokens.map((t) => t.raw).join('');
}

/** Plain text and links of a run of inline tokens. */
export interface InlineText {
  text: string;
  links: Link[];
}

/** Renders inline Markdown to plain text: link text kept and its url collected, code text kept, emphasis and HTML dropped. */
export function inlineText(tokens: readonly Token[] | undefined, fallback = ''): InlineText {
  const links: Link[] = [];
  const text = tokens ? walk(tokens, links) : decodeEntities(fallback);
  return { text: collapseSpaces(text).trim(), links };
}

function walk(tokens: readonly Token[], links: Link[]): string {
  // One token (a plain item's text) is its own text; more by index: for-of makes an iterator result per token in
  // code not yet optimised, which is most of a first parse.
  if (tokens.length === 1) return one(tokens[0] as Token, links);
  let out = '';
  for (let i = 0; i < tokens.length; i++) out += one(tokens[i] as Token, links);
  return out;
}

function one(token: Token, links: Link[]): string {
  switch (token.type) {
    case 'text':
    case 'escape': {
      const t = token as Tokens.Text;
      return t.tokens ? walk(t.tokens, links) : decodeEntities(t.text);
    }
    case 'codespan':
      return (token as Tokens.Codespan).text;
    case 'strong':
    case 'em':
    case 'del':
      return walk((token as Tokens.Strong).tokens, links);
    case 'link': {
      const t = token as Tokens.Link;
      const text = walk(t.tokens, links).trim();
      links.push({ title: collapseSpaces(text) || t.href, url: t.href });
      return text;
    }
    case 'image':
      return '';
    case 'br':
      return ' ';
    case 'html':
      return htmlText((token as Tokens.HTML).text, links);
    default:
      return 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : '';
  }
}

/** Text of inline HTML: tags dropped, `<a href>` urls kept as links. */
export function htmlText(html: string, links: Link[]): string {
  const noComments = html.replace(/<!--[\s\S]*?(-->|$)/g, '');
  for (const m of noComments.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
    const url = m[1] ?? '';
    const title = decodeEntities((m[2] ?? '').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
    links.push({ title: title || url, url });
  }
  // Entries of an HTML list and lines broken with <br> stay apart: "Big O; Sorting", not "Big OSorting".
  const separated = noComments.replace(/<\/li\s*>\s*(?=<li\b)|<br\s*\/?>/giu, '; ').replace(/<\/li\s*>\s*<ul\b/giu, '; <ul');
  return decodeEntities(separated.replace(/<[^>]*>/g, '')).replace(/(?:;\s*)+$/u, '');
}
