import type { Tokens } from 'marked';
import { decodeEntities } from '../inline.js';
import { ITEM_LEVEL, outlineNode, type OutlineNode } from './node.js';
import { appendAll } from '../../append.js';
import { work } from '../../work.js';

/** What the HTML reader remembers between blocks. */
export interface HtmlState {
  /** A Markdown heading has been seen: HTML headings after it no longer title the document. */
  seenHeading: boolean;
}

/** What one HTML block does to the outline. */
export interface HtmlResult {
  /** A `<details>` group opened by this block; later blocks go inside it. */
  open?: OutlineNode;
  /** How many `<details>` groups this block closes. */
  close: number;
  /** A heading shown in HTML at the top of the file. */
  title?: string;
  /** The alt text of a logo at the top of the file, a weaker title. */
  logo?: string;
  /** Something with several entries written in HTML (a `<table>`, a `<ul>`) that is not read as topics. */
  skipped?: string;
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
  const result: HtmlResult = { close: 0 };
  if (!html.trim()) return result;
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
    const alt = /<img\s[^>]*alt\s*=\s*["']([^"']{2,60})["']/iu.exec(html)?.[1];
    if (alt && !BADGE.test(alt)) result.logo = decodeEntities(alt).trim();
  }
  const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/iu.exec(html);
  const opens = (html.match(/<details\b/giu) ?? []).length;
  const closes = (html.match(/<\/details>/giu) ?? []).length;
  if (opens > closes && summary) {
    const title = plain(summary[1] ?? '');
    if (title) result.open = outlineNode('group', parent.level + 0.5, title, at);
    result.close = Math.max(0, closes - (opens - 1));
  } else {
    result.close = Math.max(0, closes - opens);
  }
  linkLines(html, at, result.open ?? parent);
  const rows = (html.match(/<tr\b/giu) ?? []).length;
  const entries = (html.match(/<li\b/giu) ?? []).length;
  if (rows >= 2) result.skipped = `an HTML table (${rows} rows)`;
  else if (entries >= 2) result.skipped = `an HTML list (${entries} entries)`;
  return result;
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
    if (desc) n.description.push(desc);
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
