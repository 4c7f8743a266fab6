import type { Token } from 'marked';
import { isAscii } from '../../text/lazy-pattern.js';
import { codeAt } from '../../text/code-at.js';

/**
 * The inline half of the fast lexer (fast-lex.ts): marked 18's inline pass (`Lexer.inlineTokens`, GFM): text,
 * links and images (linkAt for the common `[text](href)`, marked's own link rule for the rest: titles, `<href>`,
 * brackets two deep), reference links and images to the document's definitions, code spans, escapes, hard breaks
 * after two spaces, emphasis and strikethrough, bare URLs and e-mail addresses, inline HTML and `<autolinks>`.
 * Emphasis and strikethrough are marked's own algorithms, ported line for line with its regexes (run in ASCII
 * classes, asciiClasses), so any pairing of `*`, `_` and `~` comes out the same. Whatever else it meets (numeric
 * character references, a backslash before a letter or in a link, a link inside a link, brackets three deep) makes
 * it throw DECLINE, and the caller gives that run to marked.
 */

/** Reference definitions by normalised label: what marked keeps in `tokens.links`. */
export type Links = Map<string, { href: string; title: string | undefined }>;

/** marked's normalizeLabel: the key a reference label and its definition meet at. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase().toLowerCase();
}

/** Thrown when a run holds something the fast lexer does not reproduce exactly. */
export const DECLINE = new Error('fast lexer declined');

/** How often each reason made the fast lexer decline (tests report them). */
export const declineReasons = new Map<string, number>();

/** Counts `reason` and returns DECLINE, to throw. */
export function decline(reason: string): Error {
  declineReasons.set(reason, (declineReasons.get(reason) ?? 0) + 1);
  return DECLINE;
}

// marked 18.2.1's GFM inline rules, copied from `Lexer.rules.inline.gfm` (fast-lex.test.ts holds them equal).
/* eslint-disable no-useless-escape, no-control-regex -- copied as marked writes them */
/**
 * The five delimiter rules with \p{P}\p{S}, as written between the slashes of a literal (String.raw keeps every
 * backslash). The lexer runs their ASCII twins (ASCII_RULES, on text mapped by asciiClasses); these are marked's
 * own, which the tests hold the twins to. V8 takes about 3.5 ms to make the five, so RULES makes each on first use.
 */
const DELIMITER_SOURCES = {
  emStrongLDelim: [String.raw`^(?:\*+(?:((?!\*)(?!~)[\p{P}\p{S}])|([^\s*]))?)|^_+(?:((?!_)(?!~)[\p{P}\p{S}])|([^\s_]))?`, 'u'],
  emStrongRDelimAst: [String.raw`^[^_*]*?__[^_*]*?\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\*)(?!~)[\p{P}\p{S}](\*+)(?=[\s]|$)|(?:[^\s\p{P}\p{S}]|~)(\*+)(?!\*)(?=(?!~)[\s\p{P}\p{S}]|$)|(?!\*)(?!~)[\s\p{P}\p{S}](\*+)(?=(?:[^\s\p{P}\p{S}]|~))|[\s](\*+)(?!\*)(?=(?!~)[\p{P}\p{S}])|(?!\*)(?!~)[\p{P}\p{S}](\*+)(?!\*)(?=(?!~)[\p{P}\p{S}])|(?:[^\s\p{P}\p{S}]|~)(\*+)(?=(?:[^\s\p{P}\p{S}]|~))`, 'gu'],
  emStrongRDelimUnd: [String.raw`^[^_*]*?\*\*[^_*]*?_[^_*]*?(?=\*\*)|[^_]+(?=[^_])|(?!_)[\p{P}\p{S}](_+)(?=[\s]|$)|[^\s\p{P}\p{S}](_+)(?!_)(?=[\s\p{P}\p{S}]|$)|(?!_)[\s\p{P}\p{S}](_+)(?=[^\s\p{P}\p{S}])|[\s](_+)(?!_)(?=[\p{P}\p{S}])|(?!_)[\p{P}\p{S}](_+)(?!_)(?=[\p{P}\p{S}])`, 'gu'],
  delLDelim: [String.raw`^~~?(?:((?!~)[\p{P}\p{S}])|[^\s~])`, 'u'],
  delRDelim: [String.raw`^[^~]+(?=[^~])|(?!~)[\p{P}\p{S}](~~?)(?=[\s]|$)|[^\s\p{P}\p{S}](~~?)(?!~)(?=[\s\p{P}\p{S}]|$)|(?!~)[\s\p{P}\p{S}](~~?)(?=[^\s\p{P}\p{S}])|[\s](~~?)(?!~)(?=[\p{P}\p{S}])|(?!~)[\p{P}\p{S}](~~?)(?!~)(?=[\p{P}\p{S}])|[^\s\p{P}\p{S}](~~?)(?=[^\s\p{P}\p{S}])`, 'gu'],
} as const;
type DelimiterRule = keyof typeof DELIMITER_SOURCES;
const unicodeMade: Partial<Record<DelimiterRule, RegExp>> = {};
const unicodeRule = (name: DelimiterRule): RegExp => (unicodeMade[name] ??= new RegExp(DELIMITER_SOURCES[name][0], DELIMITER_SOURCES[name][1]));
export const RULES = {
  get emStrongLDelim(): RegExp {
    return unicodeRule('emStrongLDelim');
  },
  get emStrongRDelimAst(): RegExp {
    return unicodeRule('emStrongRDelimAst');
  },
  get emStrongRDelimUnd(): RegExp {
    return unicodeRule('emStrongRDelimUnd');
  },
  punctuation: /^((?![*_])[\s\p{P}\p{S}])/u,
  anyPunctuationOutsideCode: /(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)|`+|\\([\p{P}\p{S}])/gu,
  blockSkip: /\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)|(?<!`)()(?<b>`+)[^`]+\k<b>(?!`)|<(?! )[^<>]*?>/g,
  tag: /^<!--(?:-?>|[\s\S]*?-->)|^<\/[a-zA-Z][a-zA-Z0-9-]*\s*>|^<[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?)*?\s*\/?>|^<\?[\s\S]*?\?>|^<![a-zA-Z]+\s[\s\S]*?>|^<!\[CDATA\[[\s\S]*?\]\]>/,
  autolink:
    /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s\x00-\x1f<>]*|[a-zA-Z0-9.!#$%&'*+/=?_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_]))>/,
  escape: /^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/,
  url: /^(?:mailto:[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])|xmpp:[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])(?:\/[A-Za-z0-9@.]+)?)|^((?:[hH][tT][tT][pP][sS]?|[fF][tT][pP]):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/,
  text: /^(?:[^a-zA-Z0-9](?=(?:mailto|xmpp):)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|[hH][tT][tT][pP][sS]?|[fF][tT][pP]:\/\/|(?<![^\s*_~(])www\.|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=(?:mailto|xmpp):)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@))))/,
  get delLDelim(): RegExp {
    return unicodeRule('delLDelim');
  },
  get delRDelim(): RegExp {
    return unicodeRule('delRDelim');
  },
  _backpedal: /(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/,
  reflink: /^!?\[((?:\[(?:\[(?:\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?)\]\[((?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+)\]/,
  nolink: /^!?\[((?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+)\](?:\[\])?/,
  reflinkSearch:
    /!?\[((?:[^\[\]\\`]*(?:\[(?:\[(?:\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\]))){0,999}?[^\[\]\\`]*?)\]\[((?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999})\]|!?\[((?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999})\](?:\[\])?(?!\()/g,
  link: /^!?\[((?:\[(?:\[(?:\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?)\]\([ \t\n]*(<(?:\\.|[^\n<>\\])*>|(?!<)[^ \t\n\x00-\x1f]+|(?=\)))(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)("(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^)\\])*\)))?[ \t\n]*\)/,
};
/* eslint-enable no-useless-escape, no-control-regex */
/**
 * The five delimiter rules with every `\p{P}\p{S}` narrowed to ASCII punctuation and without the `u` flag, for text
 * whose characters asciiClasses has mapped to ASCII ones of the same class: V8 compiles each Unicode rule into a
 * large matcher on its first uses (about 14 ms of a first read for the five), these in well under 1 ms.
 */
const ASCII_PUNCT = '!-\\/:-@\\[-`{-~';
const asciiTwin = (name: DelimiterRule): RegExp => {
  const [source, flags] = DELIMITER_SOURCES[name];
  return new RegExp(source.replaceAll('\\p{P}\\p{S}', ASCII_PUNCT), flags.replace('u', ''));
};
export const ASCII_RULES = {
  emStrongLDelim: asciiTwin('emStrongLDelim'),
  emStrongRDelimAst: asciiTwin('emStrongRDelimAst'),
  emStrongRDelimUnd: asciiTwin('emStrongRDelimUnd'),
  delLDelim: asciiTwin('delLDelim'),
  delRDelim: asciiTwin('delRDelim'),
};
/** A character outside ASCII: a surrogate pair (one character outside the BMP) or one code unit. */
const NON_ASCII_ALL = /[\ud800-\udbff][\udc00-\udfff]|[\u0080-\uffff]/g;
const UNICODE_PUNCT = /[\p{P}\p{S}]/u;
const UNICODE_SPACE = /\s/;

/**
 * `text` with each character outside ASCII replaced by an ASCII one the delimiter rules class the same way (white
 * space, punctuation or symbol, anything else), so ASCII_RULES find in it what RULES find in `text`, at the same
 * indices; the text itself when it is all ASCII. A character outside the BMP (two code units) becomes two of its
 * class: a rule then matches from its second unit where the Unicode rule matches from the character, and the caller
 * adds the first character's length to the match's start, so both give the same end (`lastCharLength`).
 */
export function asciiClasses(text: string): string {
  if (isAscii(text)) return text;
  return text.replace(NON_ASCII_ALL, (c) => {
    const ascii = UNICODE_SPACE.test(c) ? ' ' : UNICODE_PUNCT.test(c) ? '!' : 'a';
    return c.length === 2 ? ascii + ascii : ascii;
  });
}

/** A run and its masked text in ASCII classes (asciiClasses), for the delimiter rules. */
interface Classes {
  src: string;
  masked: string;
}

/** Where a text piece ends: a character that may start another token, or two spaces before a line feed. */
const TEXT_STOP = /[\\<![`*~_]|(?<! ) {2,}\n|(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP]):\/\/|(?<![^\s*_~(])www\./g;
/** What masking may change: code spans, escapes, links, HTML. */
const MASKED = /[`\\[<]/;
const UNICODE_ALNUM = /[\p{L}\p{N}]/u;
/** The reference definitions of the document being lexed (undefined when none). */
let links: Links | undefined;
/** Set while a link's text is lexed: marked makes no bare-URL links inside a link. */
let inLink = false;
/** Set after an inline `<pre>`, `<code>`, `<kbd>` or `<script>` tag: marked marks the text after it escaped. */
let inRawBlock = false;
/** Set when a link (not an image) was made in the link text being lexed. */
let linkEmitted = false;
const madeLink = (): boolean => linkEmitted;

/**
 * marked's scan for the last `*` and `_` runs that could close emphasis (helpers.ts): the start of the last run of
 * each that does not follow white space or the start of the text. Searched from the end.
 */
function lastClosers(src: string): { '*': number; _: number; '~': number } {
  return { '*': lastCloser(src, '*'), _: lastCloser(src, '_'), '~': lastCloser(src, '~') };
}

function lastCloser(src: string, ch: string): number {
  for (let at = src.lastIndexOf(ch); at >= 0; ) {
    let start = at;
    while (start > 0 && src[start - 1] === ch) start--;
    const prev = start === 0 ? '\n' : src[start - 1];
    if (prev !== ' ' && prev !== '\t' && prev !== '\n' && prev !== '\r' && prev !== '\f') return start;
    at = start === 0 ? -1 : src.lastIndexOf(ch, start - 1);
  }
  return -1;
}

/** marked's #maskBlocks. */
function maskBlocks(src: string): string {
  const { blockSkip, tag, autolink } = RULES;
  let masked = '';
  let last = 0;
  let match: RegExpExecArray | null;
  blockSkip.lastIndex = 0;
  while ((match = blockSkip.exec(src))) {
    const start = match.index + (match[2] ? match[2].length : 0);
    let end = match.index + match[0].length;
    if (src.charAt(start) === '<') {
      const rest = src.slice(start);
      const html = tag.exec(rest) ?? autolink.exec(rest);
      if (!html) {
        blockSkip.lastIndex = start + 1;
        continue;
      }
      end = start + html[0].length;
      blockSkip.lastIndex = end;
    }
    masked += src.slice(last, start) + '[' + 'a'.repeat(end - start - 2) + ']';
    last = end;
  }
  return masked + src.slice(last);
}

/** marked's #maskSrc. */
function maskSrc(src: string): string {
  const refs = links && src.includes('[') ? src.replace(RULES.reflinkSearch, maskReflink) : src;
  const escaped = refs.replace(RULES.anyPunctuationOutsideCode, (match0: string, code: string | undefined, punct: string | undefined) => {
    if (punct) return '+'.repeat(match0.length);
    if (code) return code + match0.slice(code.length, -code.length).replace(/`/g, '+') + code;
    return match0;
  });
  return maskBlocks(escaped);
}

/** marked's maskReflink: a reference link to a defined label is masked like an inline link. */
function maskReflink(match: string): string {
  const refStart = match.lastIndexOf('[');
  if (!links?.has(normalizeLabel(match.slice(refStart + 1, -1)))) return match;
  if (refStart > 1 && match.charCodeAt(0) !== 33 && match.slice(1, refStart - 1).includes('[')) throw decline('inline: brackets in a reference link');
  return '[' + 'a'.repeat(match.length - 2) + ']';
}

interface TextToken {
  type: 'text';
  raw: string;
  text: string;
  escaped?: boolean;
}

function isText(token: Token | undefined): token is Token & TextToken {
  return token?.type === 'text';
}

/** Where a code span that opens at `i` (a run of backticks) closes: the end of the closing run, or -1. */
function codeSpanEnd(src: string, i: number): number {
  let j = i;
  while (codeAt(src, j) === 96) j++;
  const n = j - i;
  for (let k = src.indexOf('`', j + 1); k >= 0; k = src.indexOf('`', k)) {
    let e = k;
    while (codeAt(src, e) === 96) e++;
    if (e - k === n && codeAt(src, k - 1) !== 96) return e;
    k = e;
  }
  return -1;
}

/** A `[label](href)` link at `i` in the subset: its end and parts, or undefined when it is not one for certain. */
function linkAt(src: string, i: number): { end: number; label: string; href: string; title: string | null } | 'text' | undefined {
  const n = src.length;
  let j = i + 1;
  let nested = false;
  for (;;) {
    if (j >= n) return nested ? undefined : 'text';
    const c = src.charCodeAt(j);
    if (c === 93) break; // ]
    if (c === 92 || c === 60) return undefined; // \ <
    if (c === 91) {
      // one level of brackets inside the label, as marked's label rule takes
      const close = src.indexOf(']', j + 1);
      if (close < 0) return undefined;
      const inner = src.slice(j + 1, close);
      if (inner.includes('[') || inner.includes('\\')) return undefined;
      nested = true;
      j = close + 1;
      continue;
    }
    if (c === 96) {
      // a code span inside the label: its backticks must pair up inside it, holding no bracket
      let e = j;
      while (e < n && src.charCodeAt(e) === 96) e++;
      const close = src.indexOf('`', e);
      if (close < 0) return undefined;
      const inner = src.slice(e, close);
      if (inner.includes(']') || inner.includes('[') || inner === '') return undefined;
      j = close;
      while (j < n && src.charCodeAt(j) === 96) j++;
      continue;
    }
    j++;
  }
  const label = src.slice(i + 1, j);
  if (j + 1 >= n || src.charCodeAt(j + 1) !== 40) return nested ? undefined : 'text'; // not followed by (
  let k = j + 2;
  while (k < n) {
    const c = src.charCodeAt(k);
    if (c <= 32) break;
    k++;
  }
  const run = src.slice(j + 2, k);
  if (run.includes('\\') || run.startsWith('<')) return undefined;
  const last = run.lastIndexOf(')');
  if (last < 0) return titled(src, k, label, run);
  // The href rule is greedy: the whole run wins when white space and `)` or a title follow it.
  let after = k;
  while (after < n && (src.charCodeAt(after) === 32 || src.charCodeAt(after) === 10)) after++;
  if (after > k && after < n && /["'()]/.test(src.charAt(after))) return undefined;
  if (last === 0) return undefined;
  // marked cuts the href at its first unbalanced `)` (findClosingBracket)
  let href = run.slice(0, last);
  let end = j + 2 + last + 1;
  let level = 0;
  for (let q = 0; q < href.length; q++) {
    const c = href.charCodeAt(q);
    if (c === 40) level++;
    else if (c === 41 && --level < 0) {
      href = href.slice(0, q);
      end = j + 2 + q + 1;
      break;
    }
  }
  if (level > 0) return undefined;
  return { end, label, href, title: null };
}

/**
 * marked's link tokenizer at `i` (a `[`, or the `[` of an image), with its own rule, for links linkAt is not sure of:
 * a title after white space, an empty href, white space before the href, an href in angle brackets, brackets two
 * deep. Its parts, 'text' when marked makes no link there, undefined where it would need more than this (backslashes,
 * `<` in the label).
 */
function linkByRule(src: string, i: number, image: boolean): { end: number; label: string; href: string; title: string | null } | 'text' | undefined {
  const cap = RULES.link.exec(image ? src.slice(i - 1) : src.slice(i));
  if (!cap) return 'text';
  let raw = cap[0];
  const label = cap[1] ?? '';
  let href = cap[2] ?? '';
  let title = cap[3];
  if (raw.includes('\\') || label.includes('<')) return undefined;
  // an href in angle brackets is taken as it is, without them
  if (href.startsWith('<')) return { end: i + raw.length - (image ? 1 : 0), label, href: href.slice(1, -1), title: (title ? title.slice(1, -1) : '') || null };
  // marked's findClosingBracket: the href ends at its first unbalanced `)`
  let level = 0;
  let close = -1;
  for (let q = 0; q < href.length && close < 0; q++) {
    const c = href.charCodeAt(q);
    if (c === 40) level++;
    else if (c === 41 && --level < 0) close = q;
  }
  if (close < 0 && level > 0) return 'text';
  if (close >= 0) {
    href = href.slice(0, close);
    raw = raw.slice(0, (image ? 5 : 4) + label.length + close).trim();
    title = '';
  }
  return { end: i + raw.length - (image ? 1 : 0), label, href: href.trim(), title: (title ? title.slice(1, -1) : '') || null };
}

/** `[label](href "title")`, the href ending at `k`: spaces, a title in double quotes, spaces, `)`. */
function titled(src: string, k: number, label: string, href: string): { end: number; label: string; href: string; title: string | null } | undefined {
  if (href === '' || href.includes('(')) return undefined;
  let q = k;
  while (codeAt(src, q) === 32) q++;
  if (q === k || codeAt(src, q) !== 34) return undefined;
  const end = src.indexOf('"', q + 1);
  if (end < 0) return undefined;
  const title = src.slice(q + 1, end);
  if (title.includes('\\') || title.includes('\n')) return undefined;
  let r = end + 1;
  while (codeAt(src, r) === 32) r++;
  if (codeAt(src, r) !== 41) return undefined;
  return { end: r + 1, label, href, title: title || null };
}

/** Whether a reference label (marked's _blockLabel) matches `label`: not empty, not only spaces, no brackets. */
function refLabel(label: string): boolean {
  if (label.includes('\\')) throw decline('inline: bracket or backslash in a label');
  return label.trim() !== '' && !label.includes('[') && !/\n[ \t]*\n/.test(label);
}

/**
 * Whether marked's reflink or nolink rule matches a `[` at `i` (`[text][ref]`, `[ref]`): with no definitions, either
 * makes a text token of the `[` alone.
 */
function nolinkAt(src: string, i: number): boolean {
  const close = src.indexOf(']', i + 1);
  if (close < 0) return false;
  const label = src.slice(i + 1, close);
  if (label.includes('[') || label.includes('\\')) throw decline('inline: bracket or backslash in a label');
  if (codeAt(src, close + 1) === 91) {
    const end = src.indexOf(']', close + 2);
    if (end >= 0 && refLabel(src.slice(close + 2, end))) return true;
  }
  return refLabel(label);
}

/**
 * marked's reflink tokenizer at `at` (a `[`, or the `!` of an image): `[text][label]`, `[label][]` or `[label]`. A link
 * or image to the label's definition; a text token of the first character where the label has none; undefined where
 * neither rule matches.
 */
function refAt(src: string, at: number): Token | undefined {
  const rest = src.slice(at);
  const cap = RULES.reflink.exec(rest) ?? RULES.nolink.exec(rest);
  if (!cap) return undefined;
  const label = cap[1] ?? '';
  if (cap[0].includes('\\') || label.includes('<')) throw decline('inline: reference link outside the subset');
  const def = links?.get(normalizeLabel(cap[2] || label));
  const first = cap[0].charAt(0);
  if (!def) return { type: 'text', raw: first, text: first };
  const image = first === '!';
  const outer = inLink;
  const outerEmitted = linkEmitted;
  inLink = true;
  linkEmitted = false;
  const labelTokens = lexInline(label);
  const textHasLink = madeLink();
  linkEmitted = outerEmitted;
  inLink = outer;
  if (!image) {
    if (textHasLink) throw decline('inline: link inside a link');
    linkEmitted = true;
  }
  return { type: image ? 'image' : 'link', raw: cap[0], href: def.href, title: def.title || null, text: label, tokens: labelTokens };
}

/** Appends what refAt made, merging a text token into the text before it as marked does. */
function pushRef(tokens: Token[], token: Token): void {
  const last = tokens[tokens.length - 1];
  if (token.type === 'text' && isText(last)) {
    last.raw += token.raw;
    last.text += token.raw;
  } else tokens.push(token);
}

/**
 * marked's inline tokens of one inline run, appended to `tokens`. Throws DECLINE where the run is outside the subset.
 */
export function inlineTokens(src: string, tokens: Token[] = [], insideLink = false, defs?: Links): Token[] {
  links = defs;
  inLink = insideLink;
  inRawBlock = false;
  linkEmitted = false;
  return lexInline(src, tokens);
}

/** Whether the last run ended inside an `<a>` tag: marked carries that into the next run. */
export function endedInLink(): boolean {
  return inLink;
}

/** marked's tag tokenizer (inline HTML, which moves in and out of a link or raw text), then its autolink one. */
function tagOrAutolink(src: string): Token | undefined {
  const tag = RULES.tag.exec(src);
  if (tag) {
    const raw = tag[0];
    if (!inLink && /^<a /i.test(raw)) inLink = true;
    else if (inLink && /^<\/a>/i.test(raw)) inLink = false;
    if (!inRawBlock && /^<(pre|code|kbd|script)(\s|>)/i.test(raw)) inRawBlock = true;
    else if (inRawBlock && /^<\/(pre|code|kbd|script)(\s|>)/i.test(raw)) inRawBlock = false;
    return { type: 'html', raw, inLink, inRawBlock, block: false, text: raw };
  }
  const auto = RULES.autolink.exec(src);
  if (!auto) return undefined;
  const text = auto[1] ?? '';
  return { type: 'link', raw: auto[0], text, href: auto[2] === '@' ? 'mailto:' + text : text, autolink: true, tokens: [{ type: 'text', raw: text, text }] };
}

/** marked's GFM url tokenizer (bare http://, https://, ftp:// and www. links) at the start of `src`. */
function url(src: string): Token | undefined {
  const cap = RULES.url.exec(src);
  if (!cap) return undefined;
  if (cap[2] === '@') return { type: 'link', raw: cap[0], text: cap[0], href: 'mailto:' + cap[0], autolink: true, tokens: [{ type: 'text', raw: cap[0], text: cap[0] }] };
  let raw = cap[0];
  let previous: string;
  do {
    previous = raw;
    raw = RULES._backpedal.exec(raw)?.[0] ?? '';
  } while (previous !== raw);
  const href = cap[1] === 'www.' ? 'http://' + raw : raw;
  return { type: 'link', raw, text: raw, href, autolink: true, tokens: [{ type: 'text', raw, text: raw }] };
}

/** marked's inlineTokens. */
function lexInline(src: string, tokens: Token[] = []): Token[] {
  // An @ may make an e-mail link anywhere: such a run takes marked's own text rule, and its url rule at every token.
  const hasAt = src.includes('@');
  if (src.includes('&#')) throw decline('inline: numeric character reference');
  const hasDelimiter = src.includes('*') || src.includes('_') || src.includes('~');
  // Masking changes only code spans, escapes, links and HTML: a run without `, \\, [ or < is its own mask.
  const maskedSrc = hasDelimiter && MASKED.test(src) ? maskSrc(src) : src;
  const closers = hasDelimiter ? lastClosers(maskedSrc) : { '*': -1, _: -1, '~': -1 };
  let classes: Classes | undefined;
  const linkParenPossible = src.includes(')');
  const len = src.length;
  let keepPrevChar = false;
  let prevChar = '';
  let i = 0;
  const pushText = (raw: string): void => {
    const last = tokens[tokens.length - 1];
    if (isText(last)) {
      last.raw += raw;
      last.text += raw;
    } else tokens.push({ type: 'text', raw, text: raw, escaped: inRawBlock });
  };
  while (i < len) {
    if (!keepPrevChar) prevChar = '';
    keepPrevChar = false;
    const c = src.charCodeAt(i);
    // escape
    if (c === 92) {
      const cap = RULES.escape.exec(src.slice(i, i + 2));
      if (!cap) throw decline('inline: backslash not before punctuation');
      tokens.push({ type: 'escape', raw: cap[0], text: cap[1] });
      i += 2;
      continue;
    }
    // inline HTML, then <autolinks>
    if (c === 60) {
      const token = tagOrAutolink(src.slice(i));
      if (token) {
        tokens.push(token);
        i += token.raw.length;
        continue;
      }
    }
    // link, reflink, nolink
    if (c === 91 || c === 33) {
      if (c === 33) {
        if (codeAt(src, i + 1) === 91) {
          let image = linkParenPossible ? linkAt(src, i + 1) : 'text';
          if (image === undefined) image = linkByRule(src, i + 1, true);
          if (image === 'text' && links) {
            const ref = refAt(src, i);
            if (ref) {
              pushRef(tokens, ref);
              i += ref.raw.length;
              continue;
            }
          }
          if (image === undefined || image === 'text') throw decline('inline: image outside the subset');
          const outer = inLink;
          const outerEmitted = linkEmitted;
          inLink = true;
          const labelTokens = lexInline(image.label);
          inLink = outer;
          linkEmitted = outerEmitted;
          tokens.push({ type: 'image', raw: src.slice(i, image.end), href: image.href, title: image.title, text: image.label, tokens: labelTokens });
          i = image.end;
          continue;
        }
      } else {
        let link = linkAt(src, i);
        if (link === undefined && linkParenPossible) link = linkByRule(src, i, false);
        if (link === undefined) throw decline('inline: link outside the subset');
        if (link !== 'text' && linkParenPossible) {
          const outer = inLink;
          inLink = true;
          linkEmitted = false;
          const labelTokens = lexInline(link.label);
          inLink = outer;
          // marked makes no link of text that holds a link
          if (madeLink()) throw decline('inline: link inside a link');
          linkEmitted = true;
          tokens.push({ type: 'link', raw: src.slice(i, link.end), href: link.href, title: link.title, text: link.label, tokens: labelTokens });
          i = link.end;
          continue;
        }
        if (links) {
          const ref = refAt(src, i);
          if (ref) {
            pushRef(tokens, ref);
            i += ref.raw.length;
            continue;
          }
        } else if (nolinkAt(src, i)) {
          const last = tokens[tokens.length - 1];
          if (isText(last)) {
            last.raw += '[';
            last.text += '[';
          } else tokens.push({ type: 'text', raw: '[', text: '[' });
          i++;
          continue;
        }
      }
    }
    // a run of * _ or ~ that nothing ahead can close is text
    if (c === 42 || c === 95 || c === 126) {
      const ch = c === 42 ? '*' : c === 95 ? '_' : '~';
      if (closers[ch] <= i) {
        let end = i + 1;
        while (end < len && src.charCodeAt(end) === c) end++;
        const raw = src.slice(i, end);
        const last = tokens[tokens.length - 1];
        if (isText(last) && !last.escaped) {
          last.raw += raw;
          last.text += raw;
        } else tokens.push({ type: 'text', raw, text: raw, escaped: false });
        i = end;
        prevChar = ch;
        keepPrevChar = true;
        continue;
      }
      if (classes === undefined) {
        const cs = asciiClasses(src);
        classes = { src: cs, masked: maskedSrc === src ? cs : asciiClasses(maskedSrc) };
      }
      const token = ch === '~' ? del(src.slice(i), maskedSrc, prevChar, closers[ch], classes, i) : emStrong(src.slice(i), maskedSrc, prevChar, closers[ch], classes, i);
      if (token) {
        tokens.push(token);
        i += token.raw.length;
        continue;
      }
    }
    // code span
    if (c === 96) {
      const end = codeSpanEnd(src, i);
      if (end < 0) throw decline('inline: unclosed backticks');
      let open = i;
      while (codeAt(src, open) === 96) open++;
      let text = src.slice(open, end - (open - i)).replace(/\n/g, ' ');
      if (/[^ ]/.test(text) && text.startsWith(' ') && text.endsWith(' ')) text = text.substring(1, text.length - 1);
      tokens.push({ type: 'codespan', raw: src.slice(i, end), text });
      i = end;
      continue;
    }
    // hard break: two or more spaces before a line feed
    if (c === 32 || c === 10) {
      let e = i;
      while (codeAt(src, e) === 32) e++;
      if (codeAt(src, e) === 10 && e - i >= 2) {
        if (/^\s*$/.test(src.slice(e + 1))) throw decline('inline: trailing spaces at the end');
        e++;
        while (codeAt(src, e) === 32 || codeAt(src, e) === 9) e++;
        tokens.push({ type: 'br', raw: src.slice(i, e) });
        i = e;
        continue;
      }
    }
    // bare URL
    if (!inLink && (hasAt || c === 104 || c === 72 || c === 102 || c === 70 || c === 119)) {
      const token = url(src.slice(i));
      if (token) {
        tokens.push(token);
        i += token.raw.length;
        continue;
      }
    }
    // text, up to the next character that may start something else
    let j: number;
    if (hasAt) {
      j = i + (RULES.text.exec(src.slice(i))?.[0].length ?? 0);
      if (j === i) throw decline('inline: text rule');
    } else {
      // a text piece that starts with ~ takes the whole run of them
      let from = i + 1;
      if (c === 126) while (codeAt(src, from) === 126) from++;
      TEXT_STOP.lastIndex = from;
      j = TEXT_STOP.exec(src)?.index ?? len;
      if (c === 126) j = Math.max(j, from);
    }
    const raw = src.slice(i, j);
    if (!raw.endsWith('_')) prevChar = raw.slice(-1);
    keepPrevChar = true;
    pushText(raw);
    i = j;
  }
  return tokens;
}

/**
 * marked's Tokenizer.del (GFM strikethrough), with the last possible closer passed in. Its rules run with ASCII_RULES
 * on `classes`, the run (from `at`) and its mask in ASCII classes.
 */
function del(src: string, maskedSrc: string, prevChar: string, lastCloser: number, classes: Classes, at: number): Token | undefined {
  let match = ASCII_RULES.delLDelim.exec(classes.src.slice(at));
  if (!match) return undefined;
  const nextChar = match[1] || '';
  if (nextChar && prevChar && !RULES.punctuation.exec(prevChar)) return undefined;
  const lLength = Array.from(match[0]).length - 1;
  let delimTotal = lLength;
  const windowStart = maskedSrc.length - src.length + lLength;
  if (lastCloser < windowStart) return undefined;
  const window = classes.masked.slice(-1 * src.length + lLength);
  const lastInWindow = lastCloser - windowStart;
  const endReg = ASCII_RULES.delRDelim;
  endReg.lastIndex = 0;
  while ((match = endReg.exec(window)) !== null) {
    if (match.index > lastInWindow) break;
    const rDelim = match[1] || match[2] || match[3] || match[4] || match[5] || match[6];
    if (!rDelim) continue;
    let rLength = Array.from(rDelim).length;
    if (rLength !== lLength) continue;
    if (match[3] || match[4]) {
      delimTotal += rLength;
      continue;
    }
    delimTotal -= rLength;
    if (delimTotal > 0) continue;
    rLength = Math.min(rLength, rLength + delimTotal);
    const lastCharLength = Array.from(match[0])[0]?.length ?? 1;
    const raw = src.slice(0, lLength + match.index + lastCharLength + rLength);
    const text = raw.slice(lLength, -lLength);
    return { type: 'del', raw, text, tokens: lexInline(text) };
  }
  return undefined;
}

/** marked's Tokenizer.emStrong (GFM), with the last possible closer passed in; `classes` as for del. */
function emStrong(src: string, maskedSrc: string, prevChar: string, lastCloser: number, classes: Classes, at: number): Token | undefined {
  let match = ASCII_RULES.emStrongLDelim.exec(classes.src.slice(at));
  if (!match) return undefined;
  if (!match[1] && !match[2] && !match[3] && !match[4]) return undefined;
  const delimChar = match[0][0];
  const midRun = prevChar === delimChar;
  const srcStart = maskedSrc.length - src.length;
  let runStart = srcStart;
  while (runStart > 0 && maskedSrc[runStart - 1] === delimChar) runStart--;
  const runPrevChar = Array.from(maskedSrc.slice(Math.max(0, runStart - 2), runStart)).at(-1) ?? '';
  const runPrevPunct = runPrevChar === '*' || runPrevChar === '_' || !!RULES.punctuation.exec(runPrevChar);
  if (runStart < srcStart) prevChar = runPrevChar;
  const prevPunct = runStart < srcStart ? runPrevPunct : prevChar === '*' || prevChar === '_' || !!RULES.punctuation.exec(prevChar);
  if (match[4] && UNICODE_ALNUM.exec(prevChar)) return undefined;
  const nextChar = match[1] || match[3] || '';
  if (!nextChar || !prevChar || prevPunct) {
    const lLength = Array.from(match[0]).length - 1;
    let rDelim: string | undefined;
    let rLength: number;
    let delimTotal = lLength;
    let midDelimTotal = 0;
    const runLength = srcStart - runStart + lLength;
    const openerCanClose = !!runPrevChar.trim() && (!!nextChar || (delimChar === '*' && !runPrevPunct));
    if (delimChar !== '*' && delimChar !== '_') return undefined;
    const endReg = delimChar === '*' ? ASCII_RULES.emStrongRDelimAst : ASCII_RULES.emStrongRDelimUnd;
    const windowStart = maskedSrc.length - src.length + lLength;
    if (lastCloser < windowStart) return undefined;
    const window = classes.masked.slice(-1 * src.length + lLength);
    const lastInWindow = lastCloser - windowStart;
    endReg.lastIndex = 0;
    while ((match = endReg.exec(window)) !== null) {
      if (match.index > lastInWindow) break;
      rDelim = match[1] || match[2] || match[3] || match[4] || match[5] || match[6];
      if (!rDelim) continue;
      rLength = Array.from(rDelim).length;
      if (match[3] || match[4]) {
        delimTotal += rLength;
        continue;
      } else if (match[5] || match[6] || openerCanClose) {
        if (runLength % 3 && !((runLength + rLength) % 3)) {
          if (midRun && (match[5] || match[6])) break;
          midDelimTotal += rLength;
          continue;
        }
      }
      delimTotal -= rLength;
      if (delimTotal > 0) continue;
      rLength = Math.min(rLength, rLength + delimTotal + midDelimTotal);
      const lastCharLength = Array.from(match[0])[0]?.length ?? 1;
      const raw = src.slice(0, lLength + match.index + lastCharLength + rLength);
      if (Math.min(lLength, rLength) % 2) {
        const text = raw.slice(1, -1);
        return { type: 'em', raw, text, tokens: lexInline(text) };
      }
      const text = raw.slice(2, -2);
      return { type: 'strong', raw, text, tokens: lexInline(text) };
    }
  }
  return undefined;
}
