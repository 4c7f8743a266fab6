import type { Tokens } from 'marked';
import { hasHtmlStructure, htmlToMarkdown } from './html-markdown.js';
import { decodeEntities, escapeMarkdown, htmlText } from '../inline.js';
import type { Link } from '../../types.js';
import { ITEM_LEVEL, outlineNode, type OutlineNode } from './node.js';
import { appendAll, minOf } from '../../append.js';
import { work } from '../../work.js';

/** What the HTML reader remembers between blocks. */
export interface HtmlState {
  /** A Markdown heading has been seen: HTML headings after it no longer title the document. */
  seenHeading: boolean;
}

/** One thing a `<details>` block does, in document order. */
export type DetailsStep =
  | { kind: 'open'; line: number }
  | { kind: 'summary'; text: string; links: Link[] }
  | { kind: 'close' }
  | { kind: 'markdown'; text: string; lineOffset: number };

/** What one HTML block does to the outline. */
export interface HtmlResult {
  /** `<details>` groups opened and closed, their `<summary>` titles and the Markdown between them, in order. */
  details?: DetailsStep[];
  /** A heading shown in HTML at the top of the file. */
  title?: string;
  /** The alt text of a logo at the top of the file, a weaker title. */
  logo?: string;
  /** A bold line of its own at the top of the file, when no HTML heading is there: weaker than a heading, stronger than a logo. */
  bold?: string;
  /** Markdown written inside a wrapper (`<div dir="rtl">` … `</div>` with no blank line): read it as Markdown. */
  markdown?: { text: string; lineOffset: number };
}

const WRAPPER = /^\s*<(div|center|section|article|main|span|p)\b[^>]*>[ \t]*\n([\s\S]*?)(?:\n[ \t]*<\/\1>[ \t]*)?\s*$/iu;
const MARKDOWN_LINE = /^(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>\s?|\|)/u;

/** The Markdown inside an HTML wrapper, when its lines are Markdown rather than HTML. */
function unwrap(html: string): HtmlResult['markdown'] {
  const m = WRAPPER.exec(html);
  const inner = m?.[2];
  if (!inner) return undefined;
  const lines = inner.split('\n').map((l) => l.trim()).filter(Boolean);
  const markdown = lines.filter((l) => MARKDOWN_LINE.test(l)).length;
  return markdown > 0 && markdown * 2 >= lines.filter((l) => l.startsWith('<')).length ? { text: inner, lineOffset: 1 } : undefined;
}

const BADGE = /badge|shield|logo|banner|icon|build|license|version|follow|twitter|discord|sponsor|star|image|screenshot|^\W*$/iu;
const LINK_LINE = /^\s*(?:<(?!a\b)[^>]+>\s*)*<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>\s*(?:<\/[^>]+>\s*)*(?:[-–—:|]\s*([\s\S]*))?$/iu;

function plain(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/giu, ' ').replace(/<(sub|sup)\b[^>]*>[\s\S]*?<\/\1>/giu, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads an HTML block: `<details>` groups, a title at the top, images, and `<a href>Name</a> - desc<br>` lines. */
export function htmlBlock(raw: string, at: number, parent: OutlineNode, state: HtmlState): HtmlResult {
  const html = raw.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const result: HtmlResult = {};
  if (!html.trim()) return result;
  if (/<\/?details\b/iu.test(html)) return { details: detailsSteps(html, at) };
  const markdown = unwrap(html);
  if (markdown) return { ...result, markdown };
  parent.images += (html.match(/<img\s/giu) ?? []).length;
  if (!state.seenHeading) {
    for (const m of html.matchAll(/<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1>/giu)) {
      const inner = m[2] ?? '';
      if (/^\s*<a\s[\s\S]*<\/a>\s*(?:<br\s*\/?>[\s\S]*)?$/iu.test(inner)) continue;
      const text = plain(inner);
      if (text) {
        result.title = text;
        break;
      }
    }
    // "<p align=center><img …><br><b>Go backend roadmap</b><br>…": a bold line of its own, when no heading titles it.
    // Not inside a link or small print: sponsor blurbs are bold too.
    const outside = result.title === undefined && /<(?:b|strong)>/iu.test(html) ? html.replace(/<(a|sub|sup)\b[^>]*>[\s\S]*?<\/\1\s*>/giu, ' ') : '';
    const bold = /(?:^|>|\n)\s*<(b|strong)>([^<]{3,120})<\/\1>\s*(?:<br\s*\/?>|<\/|\n|$)/iu.exec(outside)?.[2];
    if (bold && !/[:：]\s*$/u.test(bold)) result.bold = decodeEntities(bold).replace(/\s+/g, ' ').trim();
    const alt = /<img\s[^>]*alt\s*=\s*["']([^"']{2,60})["']/iu.exec(html)?.[1];
    if (alt && !BADGE.test(alt)) result.logo = decodeEntities(alt).trim();
  }
  if (hasHtmlStructure(html)) {
    // Lists and tables written in HTML are read as the Markdown they stand for.
    return { ...result, markdown: { text: htmlToMarkdown(html), lineOffset: 0 } };
  }
  linkLines(html, at, parent);
  return result;
}

const DETAILS_TAG = /<details\b[^>]*>|<\/details\s*>|<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/giu;

/** Splits a block holding `<details>` tags into steps: open, summary title, close, and the Markdown in between. */
function detailsSteps(html: string, at: number): DetailsStep[] {
  const steps: DetailsStep[] = [];
  let last = 0;
  const between = (end: number): void => {
    const text = html.slice(last, end);
    if (!text.trim()) return;
    // Markdown written inside the block (no blank line after the summary) starts on its own line.
    const lead = text.match(/^[ \t]*\n/u)?.[0].length ?? 0;
    const body = text.slice(lead);
    steps.push({ kind: 'markdown', text: hasHtmlStructure(body) ? htmlToMarkdown(body) : dedent(body), lineOffset: countLines(html, last + lead) });
  };
  for (const m of html.matchAll(DETAILS_TAG)) {
    between(m.index);
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      const links: Link[] = [];
      const text = htmlText(m[1], links).replace(/\s+/gu, ' ').trim();
      steps.push({ kind: 'summary', text, links });
    } else if (m[0].startsWith('</')) steps.push({ kind: 'close' });
    else steps.push({ kind: 'open', line: at + countLines(html, m.index) });
  }
  between(html.length);
  return steps;
}

/** Lines are counted from the block's first line. */
function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Markdown indented as a whole inside HTML (`<details>` content) is read as if written at the margin. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const widths = lines.filter((l) => l.trim()).map((l) => /^ */u.exec(l)?.[0].length ?? 0);
  const cut = minOf(widths);
  return cut > 0 && Number.isFinite(cut) ? lines.map((l) => l.slice(Math.min(cut, /^ */u.exec(l)?.[0].length ?? 0))).join('\n') : text;
}

function linkLines(html: string, at: number, parent: OutlineNode): void {
  appendAll(parent.children, htmlLinkItems(html, at));
}

/** Awesome-style directories written in HTML: one `<a href=…>Name</a> - description<br>` per line. */
export function htmlLinkItems(html: string, at: number): OutlineNode[] {
  const segments = html.split(/<br\s*\/?>|\n/iu).map((s) => s.trim()).filter((s) => plain(s));
  const found: OutlineNode[] = [];
  // Segments come in order: each is looked for after the one before, so finding the lines reads the text once.
  const cursor = { at: 0, line: 0 };
  for (const segment of segments) {
    const m = LINK_LINE.exec(segment);
    const name = m ? plain(m[2] ?? '') : '';
    if (!m || !name) continue;
    const n = outlineNode('item', ITEM_LEVEL, name, at + lineIn(html, segment, cursor));
    n.origin = 'list';
    n.url = decodeEntities(m[1] ?? '');
    n.linkFirst = true;
    const desc = plain(m[3] ?? '');
    if (desc) n.description.push({ text: desc, markdown: escapeMarkdown(desc) });
    else n.linkOnly = true;
    found.push(n);
  }
  return found.length >= 2 && found.length / segments.length >= 0.6 ? found : [];
}

const GRID_TITLE = /^(\S.*?)\s{2,}((?:\[[^\]\n]{0,4}\]\s*)+)$/u;
const GRID_MORE = /^\s+((?:\[[^\]\n]{0,4}\]\s*)+)$/u;
const BOX = /\[([^\]\n]{0,4})\]/gu;

/** A checklist drawn in a code block (`Variables   [✔️] [✔️] [ ]`): each named line is a topic, ticked when every box is. */
export function codeChecklist(code: Tokens.Code, at: number): OutlineNode[] {
  if (code.lang && !/^(?:text|txt|plain|plaintext)$/iu.test(code.lang)) return [];
  const lines = code.text.split('\n');
  const nonBlank = lines.filter((l) => l.trim()).length;
  const out: OutlineNode[] = [];
  let matched = 0;
  let last: { node: OutlineNode; boxes: string[] } | undefined;
  const boxesOf = (s: string): string[] => Array.from(s.matchAll(BOX), (m) => (m[1] ?? '').trim());
  const finish = (): void => {
    if (last) last.node.checked = last.boxes.length > 0 && last.boxes.every((b) => b !== '');
  };
  lines.forEach((line, i) => {
    const title = GRID_TITLE.exec(line);
    const more = title ? undefined : GRID_MORE.exec(line);
    if (title?.[1]) {
      finish();
      matched++;
      const node = outlineNode('item', ITEM_LEVEL, title[1].trim(), at + 1 + i);
      node.origin = 'code';
      out.push(node);
      last = { node, boxes: boxesOf(title[2] ?? '') };
    } else if (more && last) {
      matched++;
      appendAll(last.boxes, boxesOf(more[1] ?? ''));
    }
  });
  finish();
  return nonBlank > 0 && matched / nonBlank >= 0.8 ? out : [];
}

/** The line of `segment` in `text`, searching on from `cursor` (the previous segment) and moving it there. */
function lineIn(text: string, segment: string, cursor: { at: number; line: number }): number {
  const at = text.indexOf(segment, cursor.at);
  if (at < 0) return cursor.line;
  for (let i = cursor.at; i < at; i++) if (text.charCodeAt(i) === 10) cursor.line++;
  work.htmlLineScan += at - cursor.at;
  cursor.at = at;
  return cursor.line;
}
