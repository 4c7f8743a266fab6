import type { Token, Tokens } from 'marked';
import { DECLINE, decline, type Links, normalizeLabel } from './fast-inline.js';
import { lastHeadingCut } from './lex-windows.js';
import { codeAt } from '../../text/code-at.js';

/**
 * A fast block lexer for the Markdown roadmaps are written in: ATX and setext headings, paragraphs, blank lines,
 * bullet and ordered lists nested by indentation (task items, lazy continuation lines, block quotes inside items),
 * fenced code (indented up to three spaces too) and indented code, thematic breaks, GFM tables (under paragraph
 * lines too), HTML blocks, reference definitions, and block quotes whose lines all start with `>`. It is marked 18's
 * GFM block lexer (Lexer.blockTokens with its tokenizers) ported to a line scan: same control flow, same state
 * (`top`, the last token, the inline queue), the same objects out, marked's own regexes where a rule is intricate
 * (tables, HTML, setext headings, block quotes, definitions, a paragraph with a table below it). Where it cannot be
 * sure marked would read the text the same way (a block quote with a lazy line, an unclosed fence, a definition with
 * a backslash or `<href>`, tabs and unusual white space, ...) it declines: fastBlocks keeps the tokens before the last
 * top-level heading above that block (`rest`), or returns undefined (always, for a text with definitions, which apply
 * to the whole text), and marked lexes the rest.
 */

/** One inline run, as marked queues it: the text and the token array its inline tokens go into. */
export interface InlineRun {
  src: string;
  tokens: Token[];
}

export interface FastBlocks {
  tokens: Token[];
  runs: InlineRun[];
  /**
   * Where the fast lexer stopped, when it declined part of the text: `tokens` are marked's tokens of the text before
   * this offset, which is where a top-level heading starts, and marked lexes the rest. Undefined when it took all.
   */
  rest?: number;
  /** The reference definitions of the text (marked's `tokens.links`), by normalised label; undefined when none. */
  links?: Links;
}

interface State {
  top: boolean;
  lastToken: Token | undefined;
  runs: InlineRun[];
  links: Links | undefined;
}

/**
 * Text the fast lexer never takes: tabs and white space other than spaces and line feeds (marked expands tabs, and
 * trims Unicode spaces in places), and `]:`, which may be a reference definition.
 */
const ODD = /[\t\r\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** marked 18's reference definition rule (`Lexer.rules.block.gfm.def`; fast-lex.test.ts holds it equal). */
export const DEF =
  // eslint-disable-next-line no-useless-escape -- copied as marked writes it
  /^ {0,3}\[((?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<(?:\\.|[^\n<>\\])*>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)((?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\\n]|\n(?!\n))*'|\((?:\\[\s\S]|[^()\\])*\))))? *(?:\n+|$)/;

const HEADING = /^ {0,3}(#{1,6})(?=\s|$)(.*)$/;
const HR = /^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$/;
/** marked's list rule on one line (`^( {0,3}bullet)([ \t][^\n]*?)?(?:\n|$)`), without reading the rest of the line. */
const LIST_START = /^( {0,3}(?:[*+-]|\d{1,9}[.)]))(?:[ \t]|$)/;
const LIST_INTERRUPTS = /^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/;
const FENCE_START = /^ {0,3}(?:`{3,}(?=[^`\n]*$)|~~~)/;
const FENCE_OPEN = /^(`{3,}(?=[^`\n]*$)|~{3,})(.*)$/;
const TILDE_FENCE = /^ {0,3}~{3,}/;
const NON_SPACE = /[^ ]/;
const PARAGRAPH_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
/** A line that starts a block quote or HTML: not taken. */
/** A line that would make the line above it a setext heading or a table header: not taken. */
const UNDERLINE_OR_ALIGN = /^ {0,3}(?:=+|-+) *$|^ {0,3}(?:\| *)?:?-+:? *(?:\| *:?-+:? *)*(?:\| *)?$/;
/** marked 18's GFM table rule (`Lexer.rules.block.gfm.table`; fast-lex.test.ts holds it equal). */
 
export const TABLE = /^ *([^\n ].*)\n {0,3}((?:\| *)?:?-+:? *(?:\| *:?-+:? *)*(?:\| *)?)(?:\n((?:(?! *\n| {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)| {0,3}#{1,6}(?:\s|$)| {0,3}>|(?: {4}| {0,3}\t)[^\n]| {0,3}(?:`{3,}(?=[^`\n]*(?:\n|$))|~~~)[^\n]*(?:\n|$)| {0,3}(?:[*+-]|1[.)])[ \t]| {0,3}(?:<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]+|\n|\/?>)|<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|!--)|<\?|<![A-Za-z]|<!\[CDATA\[)).*(?:\n|$))*)\n*|$)/;
/** marked's GFM setext heading rule (`Lexer.rules.block.gfm.lheading`; fast-lex.test.ts holds it equal). */
export const LHEADING = new RegExp(
  "^(?! {0,3}(?:[*+-]|\\d{1,9}[.)]) |(?: {4}| {0,3}\\t)| {0,3}(?:`{3,}|~{3,})| {0,3}>| {0,3}#{1,6}(?:\\s|$)| {0,3}(?:<\\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \\t]+|\\n|\\/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)| {0,3}\\|?(?:[:\\- ]*\\|)+[\\:\\- ]*\\n)((?:.|\\n(?!\\s*?\\n| {0,3}(?:[*+-]|\\d{1,9}[.)]) | {0,3}(?:`{3,}|~{3,})| {0,3}>| {0,3}#{1,6}(?:\\s|$)| {0,3}(?:(?:-[\\t ]*){3,}|(?:_[ \\t]*){3,}|(?:\\*[ \\t]*){3,})(?:\\n+|$)| {0,3}(?:<\\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \\t]+|\\n|\\/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)| {0,3}\\|?(?:[:\\- ]*\\|)+[\\:\\- ]*\\n))+?)\\n {0,3}(=+|-+)[ \\t]*(?:\\n+|$)",
);
/** marked's GFM block quote rule (`Lexer.rules.block.gfm.blockquote`; fast-lex.test.ts holds it equal). */
export const BLOCKQUOTE =
  /^( {0,3}> ?(?:(?![ \t]*(?:\n|$))(([^\n]+(?:\n(?! {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)| {0,3}#{1,6}(?:\s|$)| {0,3}>| {0,3}(?:`{3,}(?=[^`\n]*(?:\n|$))|~~~)[^\n]*(?:\n|$)| {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\n|$)| {0,3}(?:<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]+|\n|\/?>)|<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|!--)|<\?|<![A-Za-z]|<!\[CDATA\[)|[ \t]+\n)[^\n]+)*))|[^\n]*)(?:\n|$))+/;
/** marked's GFM paragraph rule (`Lexer.rules.block.gfm.paragraph`; fast-lex.test.ts holds it equal). */
export const PARAGRAPH =
  /^([^\n]+(?:\n(?! {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)| {0,3}#{1,6}(?:\s|$)| {0,3}>| {0,3}(?:`{3,}(?=[^`\n]*(?:\n|$))|~~~)[^\n]*(?:\n|$)| {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]| {0,3}(?:<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]+|\n|\/?>)|<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|!--)|<\?|<![A-Za-z]|<!\[CDATA\[)| *([^\n ].*)\n {0,3}((?:\| *)?:?-+:? *(?:\| *:?-+:? *)*(?:\| *)?)(?:\n((?:(?! *\n| {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)| {0,3}#{1,6}(?:\s|$)| {0,3}>|(?: {4}| {0,3}\t)[^\n]| {0,3}(?:`{3,}(?=[^`\n]*(?:\n|$))|~~~)[^\n]*(?:\n|$)| {0,3}(?:[*+-]|1[.)])[ \t]| {0,3}(?:<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]+|\n|\/?>)|<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|!--)|<\?|<![A-Za-z]|<!\[CDATA\[)).*(?:\n|$))*)\n*|$)|[ \t]+\n)[^\n]+)*)/;
/** How far ahead of a line a setext underline may be for the fast lexer to try LHEADING there (it scans that far). */
const LHEADING_REACH = 2048;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+) *$/;

/** The tag names of HTML blocks (marked's _tag). */
const HTML_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const HTML_START = String.raw`<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|!--)|<\?|<![A-Za-z]|<!\[CDATA\[`;
/** marked's HTML block rule (`Lexer.rules.block.gfm.html`; fast-lex.test.ts holds it equal). */
export const HTML = new RegExp(
  String.raw`^ {0,3}(?:<(script|pre|style|textarea)[\s>][\s\S]*?(?:<\/\1>[^\n]*\n*|$)|<!--(?:-?>|[\s\S]*?(?:-->|$))[^\n]*(\n+|$)|<\?[\s\S]*?(?:\?>[^\n]*\n*|$)|<![A-Z][\s\S]*?(?:>[^\n]*\n*|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>[^\n]*\n*|$)|<\/?(` +
    HTML_TAGS +
    String.raw`)(?:[ \t]+|\n|\/?>|$)[\s\S]*?(?:(?:\n[ 	]*)+\n|$)|<(?!(?:script|pre|style|textarea)(?![a-z0-9-]))([a-z][a-z0-9-]*)(?:[ \t]+[a-zA-Z:_][\w.:-]*(?:[ \t]*=[ \t]*"[^"\n]*"|[ \t]*=[ \t]*'[^'\n]*'|[ \t]*=[ \t]*[^\s"'=<>\x60]+)?)*?[ \t]*\/?>(?=[ \t]*(?:\n|$))[\s\S]*?(?:(?:\n[ 	]*)+\n|$)|<\/[a-z][a-z0-9-]*\s*>(?=[ \t]*(?:\n|$))[\s\S]*?(?:(?:\n[ 	]*)+\n|$))`,
  'i',
);
/**
 * marked's _htmlInterrupt as its table, setext heading and paragraph rules hold it: a line starting HTML that ends
 * those blocks. The tag names make it the costly part of compiling them (about 5 ms each on a first read).
 */
const HTML_IN_RULES = String.raw` {0,3}(?:<\/?(?:` + HTML_TAGS + String.raw`)(?:[ \t]+|\n|\/?>)|` + HTML_START + ')';
/** `re` without HTML_IN_RULES (an empty negative lookahead, which never matches, stands in its place). */
const withoutHtml = (re: RegExp): RegExp => new RegExp(re.source.replaceAll(HTML_IN_RULES, '(?!)'), re.flags);
export const TABLE_NO_HTML = withoutHtml(TABLE);
export const LHEADING_NO_HTML = withoutHtml(LHEADING);
export const PARAGRAPH_NO_HTML = withoutHtml(PARAGRAPH);
/** A line that starts with `<` after up to three spaces, anywhere in a text. */
const HTML_LINE = /(?:^|\n) {0,3}</;

/**
 * `full.exec(text)`, where `lite` is `full` without HTML_IN_RULES: `lite` when the text it matches has no line that
 * starts with `<` (there both read it alike, and `lite` matches wherever `full` does, having fewer lines that end a
 * block), so that `full` is compiled only for text with HTML in it.
 */
function execHtmlLast(lite: RegExp, full: RegExp, text: string): RegExpExecArray | null {
  const cap = lite.exec(text);
  return cap && HTML_LINE.test(cap[0]) ? full.exec(text) : cap;
}

/** marked's _htmlInterrupt: HTML that ends a paragraph (types 1 to 6), matched where a line starts. */
const HTML_INTERRUPT = new RegExp(String.raw`^ {0,3}(?:<\/?(?:` + HTML_TAGS + String.raw`)(?:[ \t]+|\n|\/?>)|` + HTML_START + ')');
/** marked's htmlBeginRegex, by min(3, indent - 1): HTML that ends a list item. */
const ITEM_HTML = [0, 1, 2, 3].map((k) => new RegExp(`^ {0,${k}}(?:</?(?:${HTML_TAGS})(?:[ \t]+|$|/?>)|${HTML_START})`, 'i'));

/** A table's delimiter row, as TABLE takes it, with the `|` or `:` marked asks of it. */
const DELIMITER_ROW = /^ {0,3}(?=.*[:|])(?:\| *)?:?-+:? *(?:\| *:?-+:? *)*(?:\| *)?$/;
const TASK = /^\[[ xX]\][ \t]+\S/;
const TASK_PREFIX = /^\[[ xX]\][ \t]+/;
const TASK_BOX = /\[[ xX]\]/;

/** marked's indent-bounded rules for the lines of a list item, by min(3, indent - 1). */
function byIndent(make: (k: number) => RegExp): RegExp[] {
  return [0, 1, 2, 3].map(make);
}
const NEXT_BULLET = byIndent((k) => new RegExp(`^ {0,${k}}(?:[*+-]|\\d{1,9}[.)])((?:[ \t][^\\n]*)?(?:\\n|$))`));
const ITEM_HR = byIndent((k) => new RegExp(`^ {0,${k}}((?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\\*[ \t]*){3,})(?:\\n+|$)`));
const ITEM_FENCE = byIndent((k) => new RegExp(`^ {0,${k}}(?:\`\`\`|~~~)`));
const ITEM_HEADING = byIndent((k) => new RegExp(`^ {0,${k}}#{1,6}(?:\\s|$)`));
const ITEM = new Map<string, RegExp>();

function itemRegex(bullet: string): RegExp {
  let re = ITEM.get(bullet);
  if (!re) {
    re = new RegExp(`^( {0,3}${bullet})((?:[\t ][^\\n]*)?)$`);
    ITEM.set(bullet, re);
  }
  return re;
}

/** Tokens and inline runs of `text` as marked's blockTokens makes them, or undefined where it is not sure. */
export function fastBlocks(text: string): FastBlocks | undefined {
  if (ODD.test(text)) {
    decline('block: tab or unusual white space');
    return undefined;
  }
  const state: State = { top: true, lastToken: undefined, runs: [], links: undefined };
  const tokens: Token[] = [];
  try {
    blockTokens(text, tokens, state);
    return state.links ? { tokens, runs: state.runs, links: state.links } : { tokens, runs: state.runs };
  } catch (error) {
    if (error !== DECLINE) throw error;
  }
  // Definitions apply to the whole text, also to the inline runs before a cut: marked lexes all of such a text.
  if (text.includes(']:')) return undefined;
  return prefix(text, tokens, state.runs);
}

/**
 * What the fast lexer can keep of a text it declined: the top-level tokens before its last top-level heading. Only
 * the last token of a block can still change when lexing goes on (a line feed added to its raw, a paragraph or text
 * merged into it); the ones before the heading are final, and marked, lexing from the heading on, starts a block
 * there as it does in the whole text (lex-windows.ts makes the same cut). Undefined when there is no such heading.
 */
function prefix(text: string, tokens: Token[], runs: InlineRun[]): FastBlocks | undefined {
  const cut = lastHeadingCut(text, 0, tokens);
  if (!cut) return undefined;
  const heading = tokens[cut.index] as Token & { tokens: Token[] };
  const run = runs.findIndex((r) => r.tokens === heading.tokens);
  if (run < 0) return undefined;
  return { tokens: tokens.slice(0, cut.index), runs: runs.slice(0, run), rest: cut.offset };
}

/**
 * Where the blank lines (nothing but spaces) from `from` on end: after the last one's line feed, or at the end of the
 * text (`n`) when only spaces are left.
 */
function skipBlankLines(src: string, from: number, n: number): number {
  let q = from;
  for (;;) {
    let r = q;
    while (r < n && src.charCodeAt(r) === 32) r++;
    if (r < n && src.charCodeAt(r) === 10) q = r + 1;
    else return r === n ? r : q;
  }
}

function lineEnd(src: string, at: number): number {
  const nl = src.indexOf('\n', at);
  return nl < 0 ? src.length : nl;
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) !== 32) return false;
  return true;
}

function queue(state: State, src: string): Token[] {
  const tokens: Token[] = [];
  state.runs.push({ src, tokens });
  return tokens;
}

/**
 * Lines marked adds to the paragraph or text token before them (a lazy line, indented code or a definition that
 * cannot interrupt it): its raw and text grow, and so does the inline run queued for it, which is its text.
 */
function appendToLast(last: Token, state: State, raw: string, text: string): void {
  const merged = last as { raw: string; text: string };
  merged.raw += (merged.raw.endsWith('\n') ? '' : '\n') + raw;
  merged.text += '\n' + text;
  const run = state.runs[state.runs.length - 1];
  if (run) run.src = merged.text;
}

function blockTokens(src: string, tokens: Token[], state: State): Token[] {
  const outerLastToken = state.lastToken;
  const n = src.length;
  let p = 0;
  let lastParagraph: Token | undefined;
  /** Lines before this index were checked for a setext underline or table delimiter below a text line. */
  let checked = 0;
  /** Where the first such line is (positive), or minus where the checked stretch ends when it has none. */
  let suspect = -1;
  while (p < n) {
    state.lastToken = tokens[tokens.length - 1];
    const last = state.lastToken;
    // space
    const q = skipBlankLines(src, p, n);
    if (q > p) {
      const raw = src.slice(p, q);
      if (raw.length === 1 && last !== undefined) last.raw += '\n';
      else tokens.push({ type: 'space', raw });
      p = q;
      continue;
    }
    const e = lineEnd(src, p);
    const line = src.slice(p, e);
    let indent = 0;
    while (codeAt(line, indent) === 32) indent++;
    // indented code: a block of its own, or more lines of the paragraph or text above it
    if (indent >= 4) {
      const code = indentedCode(src, p);
      if (last?.type === 'paragraph' || last?.type === 'text') {
        appendToLast(last, state, code.raw, code.text);
      } else tokens.push({ type: 'code', raw: code.raw, codeBlockStyle: 'indented', text: code.text });
      p += code.raw.length;
      continue;
    }
    // Each rule below needs its own first character after up to three spaces: test only the ones that may match.
    const c = codeAt(line, indent);
    // fences
    if ((c === 96 || c === 126) && (FENCE_START.test(line) || TILDE_FENCE.test(line))) {
      const token = fence(src, p, e, line);
      tokens.push(token);
      p += token.raw.length;
      continue;
    }
    // heading
    const heading = c === 35 ? HEADING.exec(line) : null;
    if (heading) {
      let text = (heading[2] ?? '').trim();
      if (text.endsWith('#')) {
        let cut = text.length;
        while (cut > 0 && text.charCodeAt(cut - 1) === 35) cut--;
        const trimmed = text.slice(0, cut);
        if (!trimmed || trimmed.endsWith(' ')) text = trimmed.trim();
      }
      tokens.push({ type: 'heading', raw: line, depth: (heading[1] ?? '').length, text, tokens: queue(state, text) });
      p = e;
      continue;
    }
    // hr
    if ((c === 45 || c === 42 || c === 95) && HR.test(line)) {
      tokens.push({ type: 'hr', raw: line });
      p = e;
      continue;
    }
    // blockquote, html
    // blockquote
    if (c === 62) {
      const quote = blockquote(src, p, state);
      tokens.push(quote);
      p += quote.raw.length;
      continue;
    }
    // html
    if (c === 60) {
      const html = htmlAt(src, p, last);
      if (html) {
        tokens.push(html);
        p += html.raw.length;
        continue;
      }
    }
    // list
    if ((c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57)) && LIST_START.test(line)) {
      const token = list(src, p, line, state);
      if (token) {
        tokens.push(token);
        p += token.raw.length;
        continue;
      }
    }
    // def
    if (c === 91) {
      const def = defAt(src, p);
      if (def) {
        if (last?.type === 'paragraph' || last?.type === 'text') {
          appendToLast(last, state, def.raw, def.raw);
        } else {
          state.links ??= new Map();
          if (!state.links.has(def.tag)) state.links.set(def.tag, { href: def.href, title: def.title });
          tokens.push(def);
        }
        p += def.raw.length;
        continue;
      }
    }
    // table
    const table = tableAt(src, p, e, state);
    if (table) {
      tokens.push(table);
      p += table.raw.length;
      continue;
    }
    // setext heading, where an underline or a delimiter row comes below this line before a blank one
    if (p >= checked) {
      suspect = suspectBelow(src, p);
      checked = suspect < 0 ? -suspect : suspect;
    }
    if (suspect > p) {
      if (suspect - p > LHEADING_REACH) throw decline('block: setext underline far below');
      const cap = execHtmlLast(LHEADING_NO_HTML, LHEADING, src.slice(p));
      if (cap) {
        let raw = cap[0];
        while (raw.endsWith('\n')) raw = raw.slice(0, -1);
        const text = (cap[1] ?? '').trim();
        tokens.push({ type: 'heading', raw, depth: cap[2]?.charAt(0) === '=' ? 1 : 2, text, tokens: queue(state, text) });
        p += raw.length;
        checked = 0;
        continue;
      }
    }
    if (state.top) {
      // with an underline or a delimiter row below, marked's own rule says where a table may interrupt the paragraph
      const end = suspect > p ? p + (execHtmlLast(PARAGRAPH_NO_HTML, PARAGRAPH, p ? src.slice(p) : src)?.[0].length ?? 0) : paragraphEnd(src, e);
      if (end <= p) throw decline('block: paragraph');
      const text = src.slice(p, end);
      if (last === lastParagraph && last?.type === 'paragraph') {
        // marked merges a paragraph into one before it that ended on a false interruption
        appendToLast(last, state, text, text);
        lastParagraph = last;
      } else {
        const token = { type: 'paragraph', raw: text, text, tokens: queue(state, text) } as Token;
        tokens.push(token);
        lastParagraph = token;
      }
      p = end;
      continue;
    }
    // text
    if (last?.type === 'text') {
      appendToLast(last, state, line, line);
    } else tokens.push({ type: 'text', raw: line, text: line, tokens: queue(state, line) });
    p = e;
  }
  state.top = true;
  state.lastToken = outerLastToken;
  return tokens;
}

/**
 * marked's blockquote tokenizer at `p`, for a block quote whose every line starts with `>` (no lazy continuation
 * lines: a blank line, the end of the text or a line that ends the quote's paragraph follows it); declines any other.
 */
function blockquote(src: string, p: number, state: State): Token {
  const n = src.length;
  let q = p;
  for (;;) {
    const e = lineEnd(src, q);
    q = e < n ? e + 1 : n;
    if (q >= n) break;
    const next = src.slice(q, lineEnd(src, q));
    if (next === '') break;
    const f = firstNonSpace(next);
    if (f > 3 || codeAt(next, f) !== 62) {
      // a line marked's rule does not take after the quote's paragraph ends it; one it takes is a lazy line
      const cap = BLOCKQUOTE.exec(p ? src.slice(p) : src);
      if (cap?.index !== 0 || cap[0].length !== q - p) throw decline('block: block quote with a lazy line');
      break;
    }
  }
  let raw = src.slice(p, q);
  if (raw.endsWith('\n')) raw = raw.slice(0, -1);
  const text = raw.replace(/^ {0,3}>[ \t]?/gm, '');
  const top = state.top;
  state.top = true;
  const tokens = blockTokens(text, [], state);
  state.top = top;
  return { type: 'blockquote', raw, tokens, text };
}

/** marked's def tokenizer at `p` (a line starting with `[` after up to three spaces), or undefined where it makes none. */
function defAt(src: string, p: number): Tokens.Def | undefined {
  const cap = DEF.exec(p ? src.slice(p) : src);
  if (!cap) return undefined;
  const href = cap[2] ?? '';
  if (cap[0].includes('\\') || href.startsWith('<')) throw decline('block: definition outside the subset');
  // outside angle brackets a link destination holds only balanced parentheses (marked's findClosingBracket)
  if (href.includes('(') || href.includes(')')) {
    let level = 0;
    for (let i = 0; i < href.length && level >= 0; i++) {
      const c = href.charCodeAt(i);
      if (c === 40) level++;
      else if (c === 41) level--;
    }
    if (level !== 0) return undefined;
  }
  let raw = cap[0];
  while (raw.endsWith('\n')) raw = raw.slice(0, -1);
  const title = cap[3] === undefined ? undefined : cap[3].slice(1, -1);
  return { type: 'def', tag: normalizeLabel(cap[1] ?? ''), raw, href, title: title as string };
}

/** marked's html tokenizer at `p` (a line starting with `<`), or undefined where it makes no HTML block. */
function htmlAt(src: string, p: number, last: Token | undefined): Token | undefined {
  const rest = src.slice(p);
  const cap = HTML.exec(rest);
  if (!cap) return undefined;
  // an HTML block of type 7 cannot interrupt a paragraph
  if (last?.type === 'paragraph' && !ITEM_HTML[3]?.test(rest)) return undefined;
  const raw = trimTrailingBlankLines(cap[0]);
  return { type: 'html', block: true, raw, pre: cap[1] === 'pre' || cap[1] === 'script' || cap[1] === 'style', text: raw };
}

/** marked's splitCells: the cells of a table row, `|` escaped as `\|` kept in them. */
function splitCells(tableRow: string, count?: number): string[] {
  const row = tableRow.replace(/\|/g, (_match, offset: number, str: string) => {
    let escaped = false;
    let curr = offset;
    while (--curr >= 0 && str[curr] === '\\') escaped = !escaped;
    return escaped ? '|' : ' |';
  });
  const cells = row.split(/ \|/);
  if (!cells[0]?.trim()) cells.shift();
  if (cells.length > 0 && !cells[cells.length - 1]?.trim()) cells.pop();
  if (count) {
    if (cells.length > count) cells.splice(count);
    else while (cells.length < count) cells.push('');
  }
  return cells.map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** marked's table tokenizer at `p` (first line ending at `e`), or undefined where it makes none. */
function tableAt(src: string, p: number, e: number, state: State): Token | undefined {
  if (e >= src.length) return undefined;
  const next = src.slice(e + 1, lineEnd(src, e + 1));
  const f = firstNonSpace(next);
  const c = codeAt(next, f);
  if (f > 3 || (c !== 124 && c !== 58 && c !== 45) || !DELIMITER_ROW.test(next)) return undefined;
  const cap = execHtmlLast(TABLE_NO_HTML, TABLE, src.slice(p));
  if (!cap || !/[:|]/.test(cap[2] ?? '')) return undefined;
  const headers = splitCells(cap[1] ?? '');
  const aligns = (cap[2] ?? '').replace(/^\||\| *$/g, '').split('|');
  const rows = cap[3]?.trim() ? cap[3].replace(/\n[ \t]*$/, '').split('\n') : [];
  if (headers.length !== aligns.length) return undefined;
  let raw = cap[0];
  while (raw.endsWith('\n')) raw = raw.slice(0, -1);
  const align = aligns.map((a) => (/^ *-+: *$/.test(a) ? 'right' : /^ *:-+: *$/.test(a) ? 'center' : /^ *:-+ *$/.test(a) ? 'left' : null));
  const header = headers.map((text, i) => ({ text, tokens: queue(state, text), header: true, align: align[i] }));
  const body = rows.map((row) => splitCells(row, header.length).map((text, i) => ({ text, tokens: queue(state, text), header: false, align: align[i] })));
  return { type: 'table', raw, header, align, rows: body };
}

/** marked's indented code block at `p` (lines indented by four spaces, blank lines between them). */
function indentedCode(src: string, p: number): { raw: string; text: string } {
  const n = src.length;
  let q = p;
  while (q < n && src.startsWith('    ', q) && q + 4 < n && src.charCodeAt(q + 4) !== 10) {
    q = lineEnd(src, q);
    if (q >= n) break;
    // the line feed and any blank lines after it
    q = skipBlankLines(src, q + 1, n);
  }
  const raw = trimTrailingBlankLines(src.slice(p, q));
  return { raw, text: raw.replace(/^ {1,4}/gm, '') };
}

/** marked's trimTrailingBlankLines: drops trailing blank lines but keeps a single final line feed. */
function trimTrailingBlankLines(str: string): string {
  const lines = str.split('\n');
  let end = lines.length - 1;
  while (end >= 0 && isBlank(lines[end] ?? '')) end--;
  if (lines.length - end <= 2) return str;
  return lines.slice(0, end + 1).join('\n');
}

/**
 * The first line in the stretch of non-blank lines from `p` (after its first) that looks like a setext underline or
 * a table delimiter row, where the lines above it may be a heading or a table: its start, or minus where the stretch
 * ends when there is none.
 */
function suspectBelow(src: string, p: number): number {
  let e = lineEnd(src, p);
  while (e < src.length) {
    const s = e + 1;
    e = lineEnd(src, s);
    const line = src.slice(s, e);
    if (isBlank(line)) return -s;
    if (underlineOrAlign(line)) return s;
  }
  return -e;
}

/** Where the first character other than a space is in a line (its length when there is none). */
function firstNonSpace(line: string): number {
  const n = line.length;
  let i = 0;
  while (i < n && line.charCodeAt(i) === 32) i++;
  return i;
}

/**
 * Whether a line may make the line above it a setext heading or a table header (then the fast lexer declines):
 * UNDERLINE_OR_ALIGN, tested only when the line starts with a character it needs.
 */
function underlineOrAlign(line: string): boolean {
  const f = firstNonSpace(line);
  if (f > 3) return false;
  const c = codeAt(line, f);
  return (c === 61 || c === 45 || c === 124 || c === 58) && UNDERLINE_OR_ALIGN.test(line);
}

/**
 * Whether a line interrupts a top-level paragraph (marked's GFM paragraph rule). A line starting a block quote or
 * HTML ends it here, and the block after it declines.
 */
function interrupts(src: string, s: number, line: string): boolean {
  const f = firstNonSpace(line);
  if (f > 3) return false;
  const c = codeAt(line, f);
  if (c === 62) return true;
  if (c === 60) return HTML_INTERRUPT.test(src.slice(s));
  if ((c === 45 || c === 42 || c === 95) && HR.test(line)) return true;
  if (c === 35) return PARAGRAPH_HEADING.test(line);
  if (c === 96 || c === 126) return FENCE_START.test(line);
  return (c === 45 || c === 42 || c === 43 || c === 49) && LIST_INTERRUPTS.test(line);
}

/** The end of a paragraph whose first line ends at `e`. */
function paragraphEnd(src: string, e: number): number {
  const n = src.length;
  while (e < n) {
    const s = e + 1;
    const ne = lineEnd(src, s);
    const line = src.slice(s, ne);
    if (line === '') break;
    if (isBlank(line)) {
      if (ne < n) break;
      throw decline('block: spaces-only last line');
    }
    if (underlineOrAlign(line)) throw decline('block: setext underline or table');
    if (interrupts(src, s, line)) break;
    e = ne;
  }
  return e;
}

/** A fenced code block at `p` whose first line ends at `e`. */
function fence(src: string, p: number, e: number, line: string): Token {
  const indent = firstNonSpace(line);
  const open = FENCE_OPEN.exec(indent ? line.slice(indent) : line);
  if (!open) throw decline('block: fence');
  const marker = open[1] ?? '';
  const info = open[2] ?? '';
  if (info.includes('\\')) throw decline('block: backslash in a fence info');
  const char = marker.charCodeAt(0);
  const n = src.length;
  let s = e + 1;
  while (s <= n && e < n) {
    const le = lineEnd(src, s);
    if (closes(src.slice(s, le), marker, char)) {
      const raw = src.slice(p, le);
      let text = '';
      if (s > e + 1) {
        text = src.slice(e + 1, s - 1);
        // marked's indentCodeCompensation: a ``` fence indented by n spaces takes up to n off each line of its code
        const strip = char === 96 ? COMPENSATE[indent] : undefined;
        if (strip) text = text.replace(strip, '');
        if (text === '' || text.endsWith('\n')) text += '\n';
      }
      return { type: 'code', raw, lang: info.trim(), text };
    }
    if (le >= n) break;
    s = le + 1;
  }
  throw decline('block: unclosed fence');
}

/** The spaces an indented ``` fence takes off each line of its code, by the fence's indentation. */
const COMPENSATE = [undefined, /^ /gm, /^ {1,2}/gm, /^ {1,3}/gm];

function closes(line: string, marker: string, char: number): boolean {
  let i = 0;
  while (i < 3 && codeAt(line, i) === 32) i++;
  if (!line.startsWith(marker, i)) return false;
  i += marker.length;
  while (codeAt(line, i) === char) i++;
  while (codeAt(line, i) === 32) i++;
  return i === line.length;
}

interface Item {
  type: 'list_item';
  raw: string;
  task: boolean;
  checked?: boolean;
  loose: boolean;
  text: string;
  tokens: Token[];
}

/**
 * Whether blockTokens, not at the top, makes of `text` one text token and nothing else: one line, not blank, whose
 * first character starts none of the blocks a line can start by itself (code, fence, heading, break, quote, HTML,
 * list, definition). The common list item; it skips the whole loop.
 */
function plainLine(text: string): boolean {
  if (text.length === 0 || text.includes('\n')) return false;
  const c = text.charCodeAt(0);
  // space ` ~ # - * _ > < +
  if (c === 32 || c === 96 || c === 126 || c === 35 || c === 45 || c === 42 || c === 95 || c === 62 || c === 60 || c === 43) return false;
  // [ starts a reference definition only where ]: follows
  if (c === 91 && text.includes(']:')) return false;
  return c < 48 || c > 57;
}

function endsWithDoubleBlank(raw: string): boolean {
  let i = raw.length - 1;
  while (i >= 0 && raw.charCodeAt(i) === 32) i--;
  if (codeAt(raw, i) !== 10) return false;
  i--;
  while (i >= 0 && raw.charCodeAt(i) === 32) i--;
  return codeAt(raw, i) === 10;
}

/** A list item or block quote marker that opens a block at the start of a line (marked's nestedBlockMarker). */
const NESTED_BLOCK_MARKER = /^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/;
/** The list item and block quote markers that open nested blocks at the start of a line (nestedContainerMarkers). */
const NESTED_CONTAINER_MARKERS = /^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/;

/**
 * marked's lazy continuation of a list item (GFM): `nextLine`, indented less than the item's content, after the
 * item's last line `line` (not blank). What the item's text takes of it, or undefined where the line ends the item
 * (the block it would continue is not a paragraph).
 */
function lazyContinuation(line: string, contents: string, nextLine: string, k: number, lineIsLazy: boolean): string | undefined {
  let lastBlock = line;
  if (!contents.includes('\n')) {
    let marker: RegExpExecArray | null;
    while (!ITEM_HR[k]?.test(lastBlock) && (marker = NESTED_BLOCK_MARKER.exec(lastBlock))) lastBlock = lastBlock.slice(marker[0].length);
    if (!lastBlock.trim()) return undefined;
  }
  const indent = firstNonSpace(lastBlock);
  if (indent >= 4 && indent < lastBlock.length) return undefined;
  if (ITEM_FENCE[k]?.test(lastBlock) || ITEM_HEADING[k]?.test(lastBlock) || ITEM_HTML[k]?.test(lastBlock) || ITEM_HR[k]?.test(lastBlock)) return undefined;
  if (!lineIsLazy) {
    const lastBlockLine = line.replace(NESTED_CONTAINER_MARKERS, '');
    if (FENCE_START.test(lastBlockLine) || PARAGRAPH_HEADING.test(lastBlockLine) || HR.test(lastBlockLine)) return undefined;
  }
  // a lazy line that looks like a setext underline stays in the paragraph: marked indents it as code
  if (SETEXT_UNDERLINE.test(nextLine) && execHtmlLast(LHEADING_NO_HTML, LHEADING, `${line}\n${nextLine}`)) return `    ${nextLine.replace(/^ {0,3}/, '')}`;
  return nextLine;
}

/** marked's list tokenizer at `p`, whose first line is `first`. */
function list(src: string, p: number, first: string, state: State): Token | undefined {
  if (state.lastToken?.type === 'text' && !LIST_INTERRUPTS.test(first)) return undefined;
  const cap = LIST_START.exec(first);
  const bull = (cap?.[1] ?? '').trim();
  const ordered = bull.length > 1;
  const items: Item[] = [];
  const token = { type: 'list', raw: '', ordered, start: ordered ? +bull.slice(0, -1) : '', loose: false, items };
  const itemRe = itemRegex(ordered ? `\\d{1,9}\\${bull.slice(-1)}` : `\\${bull}`);
  const n = src.length;
  let q = p;
  let endsWithBlankLine = false;
  while (q < n) {
    let le = lineEnd(src, q);
    const itemLine = src.slice(q, le);
    const item = itemRe.exec(itemLine);
    if (!item) break;
    const ic = codeAt(itemLine, firstNonSpace(itemLine));
    if ((ic === 45 || ic === 42 || ic === 95) && HR.test(itemLine)) break;
    const itemStart = q;
    q = le < n ? le + 1 : n;
    const bulletIndent = (item[1] ?? '').length;
    /** The item's last line, without the item's indentation (marked's `line`). */
    let line = item[2] ?? '';
    let nextLine = src.slice(q, lineEnd(src, q));
    let blankLine = !line.trim();
    let indent: number;
    let contents = '';
    if (blankLine) indent = bulletIndent + 1;
    else {
      indent = line.search(NON_SPACE);
      if (indent > 4) throw decline('block: list item starting with indented code');
      contents = line.slice(indent);
      indent += bulletIndent;
    }
    let endEarly = false;
    if (blankLine && isBlank(nextLine)) {
      q = Math.min(n, q + nextLine.length + 1);
      endEarly = true;
    }
    if (!endEarly) {
      const k = Math.max(0, Math.min(3, indent - 1));
      let lineIsLazy = false;
      while (q < n) {
        le = lineEnd(src, q);
        nextLine = src.slice(q, le);
        // marked's tests, each only for a line whose first character it needs
        const f = firstNonSpace(nextLine);
        const c = codeAt(nextLine, f);
        if (f <= 3) {
          if ((c === 96 || c === 126) && ITEM_FENCE[k]?.test(nextLine)) break;
          if (c === 35 && ITEM_HEADING[k]?.test(nextLine)) break;
          if (c === 62 && f <= k) break;
          if (c === 60 && ITEM_HTML[k]?.test(nextLine)) break;
          if ((c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57)) && NEXT_BULLET[k]?.test(nextLine)) break;
          if ((c === 45 || c === 42 || c === 95) && ITEM_HR[k]?.test(nextLine)) break;
        }
        const blank = f === nextLine.length;
        if (blank || f >= indent) {
          contents += '\n' + nextLine.slice(indent);
          lineIsLazy = false;
        } else {
          if (blankLine) break;
          const continuation = lazyContinuation(line, contents, nextLine, k, lineIsLazy);
          if (continuation === undefined) break;
          contents += '\n' + continuation;
          lineIsLazy = true;
        }
        blankLine = blank;
        line = nextLine.slice(indent);
        q = le < n ? le + 1 : n;
      }
    }
    const raw = src.slice(itemStart, q);
    if (!token.loose) {
      if (endsWithBlankLine) token.loose = true;
      else if (endsWithDoubleBlank(raw)) endsWithBlankLine = true;
    }
    items.push({ type: 'list_item', raw, task: TASK.test(contents), loose: false, text: contents, tokens: [] });
  }
  const lastItem = items[items.length - 1];
  if (!lastItem) return undefined;
  lastItem.raw = lastItem.raw.trimEnd();
  lastItem.text = lastItem.text.trimEnd();
  token.raw = src.slice(p, q).trimEnd();
  const runStarts: number[] = [];
  for (const item of items) {
    state.top = false;
    runStarts.push(state.runs.length);
    item.tokens = plainLine(item.text) ? [{ type: 'text', raw: item.text, text: item.text, tokens: queue(state, item.text) }] : blockTokens(item.text, [], state);
    state.top = true;
    if (!token.loose) token.loose = item.tokens.some((t) => t.type === 'space' && /\n.*\n/.test(t.raw));
  }
  items.forEach((item, i) => {
    const first = item.tokens[0] as (Token & { text: string; tokens: Token[] }) | undefined;
    if (item.task && (first?.type === 'text' || first?.type === 'paragraph')) {
      item.text = item.text.replace(TASK_PREFIX, '');
      first.raw = first.raw.replace(TASK_PREFIX, '');
      first.text = first.text.replace(TASK_PREFIX, '');
      for (let j = runStarts[i] ?? 0; j < state.runs.length; j++) {
        const run = state.runs[j];
        if (run?.tokens === first.tokens) {
          run.src = run.src.replace(TASK_PREFIX, '');
          break;
        }
      }
      const box = TASK_BOX.exec(item.raw);
      if (box) {
        const checkbox = { type: 'checkbox', raw: box[0] + ' ', checked: box[0] !== '[ ]' } as Token & { raw: string; checked: boolean };
        item.checked = checkbox.checked;
        if (token.loose) {
          first.raw = checkbox.raw + first.raw;
          first.text = checkbox.raw + first.text;
          first.tokens.unshift(checkbox);
        } else item.tokens.unshift(checkbox);
      }
    } else if (item.task) item.task = false;
  });
  if (token.loose) {
    for (const item of items) {
      item.loose = true;
      for (const t of item.tokens) if (t.type === 'text') (t as { type: string }).type = 'paragraph';
    }
  }
  return token;
}
