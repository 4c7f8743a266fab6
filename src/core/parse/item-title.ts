import type { Token, Tokens } from 'marked';
import { collapseSpaces, decodeEntities, escapeMarkdown, inlineSource, inlineText } from './inline.js';
import type { Link } from '../types.js';
import { isNumberingOnly } from './title.js';
import { TYPE_MARKER } from './vocabulary.js';
import { once } from '../text/lazy-pattern.js';

/** A list item's first line split into what a person reads as its title, its link and its description. */
export interface ItemTitle {
  text: string;
  url?: string;
  description?: string;
  /** The description as written, in Markdown. */
  descriptionMarkdown?: string;
  links: Link[];
  /** The title is a link. */
  linkFirst: boolean;
  /** The item is essentially one link (a short note such as "FREE" or "(2014)" at most). */
  linkOnly: boolean;
  /** It starts with a resource type marker (📖, 🎥, `(video)`, `@article@`). */
  marker: boolean;
  /** The title is a bold term that labels the text after it (`**Book**: Deep Learning`). */
  term?: boolean;
}

const SEPARATOR = /^\s*(?:[-–—:|：,]|\s)\s*/u;
const DASH_OR_COLON = /[-–—:|：,]/u;
/** Emoji badges ("💲", "⭐") then a dash or colon: made on first use, as few items carry badges. */
const BADGED_SEPARATOR = once(() => /^\s*(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]+\s*)+[-–—:|：]\s*/u);
const EMOJI_ONLY = /^[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]*$/u;

function blank(t: Token): boolean {
  if (t.type === 'image' || t.type === 'br' || t.type === 'checkbox') return true;
  if (t.type === 'html') return !(t as Tokens.HTML).text.replace(/<[^>]*>/g, '').trim();
  if (t.type !== 'text' && t.type !== 'escape') return false;
  const text = (t as Tokens.Text).text.trim();
  return EMOJI_ONLY.test(text) || (TYPE_MARKER.test(text) && !/\s/u.test(text));
}

/** The link a token is, directly or wrapped in emphasis (`**[Name](url)**`). */
function linkOf(t: Token): Tokens.Link | undefined {
  if (t.type === 'link') return t as Tokens.Link;
  if (t.type === 'strong' || t.type === 'em') {
    const inner = (t as Tokens.Strong).tokens.filter((x) => !blank(x));
    if (inner.length === 1 && inner[0]) return linkOf(inner[0]);
  }
  return undefined;
}

/** Splits an item's inline tokens: `[Name](url) - desc`, `**Term:** desc`, a lone link, or plain text. */
export function splitItemTitle(tokens: readonly Token[], fallback: string): ItemTitle {
  if (tokens.length === 0) {
    const text = collapseSpaces(decodeEntities(fallback)).trim();
    return { text, links: [], linkFirst: false, linkOnly: false, marker: TYPE_MARKER.test(text) };
  }
  const full = inlineText(tokens);
  let markerLead = false;
  for (let i = 0; i < 3 && i < tokens.length && !markerLead; i++) {
    const t = tokens[i];
    markerLead = t?.type === 'text' && TYPE_MARKER.test((t as Tokens.Text).text.trim());
  }
  const start = tokens.findIndex((t) => !blank(t));
  const first = tokens[start];
  // `out` is this call's own object: each case below sets what it found on it (no copies of it per case).
  const out: ItemTitle = { text: full.text, links: [], linkFirst: false, linkOnly: false, marker: markerLead || TYPE_MARKER.test(full.text) };
  if (!first) {
    out.links = full.links;
    return out;
  }
  const link = linkOf(first);
  // What follows the first token matters only after a link or a bold term: plain items (most) skip reading it.
  const rest = link || first.type === 'strong' ? inlineText(tokens.slice(start + 1)) : undefined;
  if (link && rest) {
    let name = inlineText(link.tokens, link.text).text;
    const typed = /^@([a-z]+)@\s*/iu.exec(name);
    if (typed) {
      name = name.slice(typed[0].length);
      out.marker = true;
    }
    let separator = SEPARATOR;
    let sep = separator.exec(rest.text);
    if (!(sep && DASH_OR_COLON.test(sep[0])) && rest.text.charCodeAt(sep ? sep[0].length : 0) >= 0x80) {
      // "[Book](url) 💲 - A deep dive": badges between the name and the dash mark the item; the dash still splits.
      const badged = BADGED_SEPARATOR().exec(rest.text);
      if (badged) [separator, sep] = [BADGED_SEPARATOR(), badged];
    }
    const after = sep ? rest.text.slice(sep[0].length) : rest.text;
    const short = rest.links.length === 0 && rest.text.replace(/\([^)]*\)|\[[^\]]*\]/g, '').trim().length <= 30;
    if (sep && after && DASH_OR_COLON.test(sep[0])) {
      linkTitle(out, name || full.text, link.href, rest.links, false);
      return described(out, after, tokens.slice(start + 1), separator);
    }
    const linkTexts = rest.links.map((l) => l.title).join('');
    if (rest.links.length > 0 && rest.text.replace(/[\s,;|/·•()[\]-]+/gu, '') === linkTexts.replace(/[\s,;|/·•()[\]-]+/gu, '')) {
      // "[Digital Circuits](a) [alternative 1](b) [alternative 2](c)": the first link names it, the others are links.
      return linkTitle(out, name || full.text, link.href, rest.links, true);
    }
    if (!rest.text || short) {
      linkTitle(out, name || full.text, link.href, rest.links, true);
      return rest.text ? described(out, rest.text, tokens.slice(start + 1)) : out;
    }
  }
  if (first.type === 'strong' && rest?.text) {
    const term = inlineText((first as Tokens.Strong).tokens).text;
    const colon = /[:：]\s*$/u.test(term);
    const sep = /^\s*(?:[-–—:：])\s*/u.exec(rest.text);
    // "**Aula 1.1:** O que é um algoritmo?": a bold numbering leads the title rather than naming the topic.
    if (term && (colon || sep) && !isNumberingOnly(term)) {
      const description = sep ? rest.text.slice(sep[0].length) : rest.text.trim();
      if (description) {
        Object.assign(out, { term: true, text: term.replace(/\s*[:：]\s*$/u, ''), links: [...inlineText((first as Tokens.Strong).tokens).links, ...rest.links] });
        return described(out, description, tokens.slice(start + 1), sep ? /^\s*(?:[-–—:：])\s*/u : undefined);
      }
    }
  }
  const lines = firstLine(tokens);
  if (lines) {
    // "Gotcha: you need pointer knowledge:" on its own line, explained on the lines below it.
    const head = inlineText(lines.head);
    const tail = inlineText(lines.tail);
    if (/[:：]$/u.test(head.text) && tail.text) {
      Object.assign(out, { text: head.text.replace(/\s*[:：]$/u, ''), links: [...head.links, ...tail.links] });
      return described(out, tail.text, lines.tail);
    }
  }
  const only = full.links.length === 1 ? full.links[0] : undefined;
  // Plain items (most) end here: fields set on `out` directly, no object made to copy them from.
  if (only) out.url = only.url;
  else out.links = full.links;
  return out;
}

/** An item titled by its first link: what Object.assign(out, { linkFirst, linkOnly?, text, url, links }) would set. */
function linkTitle(out: ItemTitle, text: string, url: string, links: Link[], linkOnly: boolean): ItemTitle {
  out.linkFirst = true;
  if (linkOnly) out.linkOnly = true;
  out.text = text;
  out.url = url;
  out.links = links;
  return out;
}

/** Sets a description with its Markdown: the source of the tokens it was read from, less the separator in front. */
function described(out: ItemTitle, description: string, tokens: readonly Token[], separator?: RegExp): ItemTitle {
  let source = inlineSource(tokens).trim();
  if (separator) source = source.replace(separator, '');
  out.description = description;
  out.descriptionMarkdown = source || escapeMarkdown(description);
  return out;
}

/** Splits inline tokens at the first line break of the source, when there is one at the top level. */
function firstLine(tokens: readonly Token[]): { head: Token[]; tail: Token[] } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.type !== 'text') continue;
    const text = (t as Tokens.Text).text;
    const at = text.indexOf('\n');
    if (at < 0) continue;
    const before: Tokens.Text = { type: 'text', raw: text.slice(0, at), text: text.slice(0, at) };
    const after: Tokens.Text = { type: 'text', raw: text.slice(at + 1), text: text.slice(at + 1) };
    return { head: [...tokens.slice(0, i), before], tail: [after, ...tokens.slice(i + 1)] };
  }
  return undefined;
}
