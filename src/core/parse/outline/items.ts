import type { Token, Tokens } from 'marked';
import { escapeMarkdown, htmlText, inlineText } from '../inline.js';
import { splitItemTitle } from '../item-title.js';
import { ITEM_LEVEL, outlineNode, type OutlineNode } from './node.js';
import { appendAll } from '../../append.js';

/** Number of line feeds in `s` from `from` up to `end` (found with indexOf, which skips the text between them natively). */
export function countNewlines(s: string, end = s.length, from = 0): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Line of `sub` inside `raw`, which starts at line `base`; found by its first line when quote markers differ. */
export function lineOf(raw: string, sub: string, base: number): number {
  let at = raw.indexOf(sub);
  if (at < 0) {
    const first = firstNonBlankLine(sub);
    at = first ? raw.indexOf(first) : -1;
  }
  return at < 0 ? base : base + countNewlines(raw, at);
}

/** The first line of `text` with something on it, trimmed; found without splitting all of a long nested list. */
function firstNonBlankLine(text: string): string | undefined {
  for (let start = 0; ; ) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl).trim();
    if (line) return line;
    if (nl < 0) return undefined;
    start = nl + 1;
  }
}

/** What introduced a list: a short label paragraph, or a sentence ending in ":" (then it is prose). */
export interface ListContext {
  label?: string | undefined;
  prose?: boolean;
}

/** Items of a list; a list whose items mostly link to #anchors is a table of contents, down to its last level. */
export function listItems(list: Tokens.List, at: number, ctx: ListContext = {}): OutlineNode[] {
  const out: OutlineNode[] = [];
  let offset = 0;
  let line = at;
  // By index: for-of makes an iterator result per item in code not yet optimised (most of a first parse).
  for (let i = 0; i < list.items.length; i++) {
    const item = list.items[i] as Tokens.ListItem;
    // Items follow each other in the list's text (a comparison where they start), found by a search otherwise.
    const start = list.raw.startsWith(item.raw, offset) ? offset : list.raw.indexOf(item.raw, offset);
    // Count line feeds only from the previous item on, so long lists stay linear.
    if (start > offset) line += countNewlines(list.raw, start, offset);
    const itemLine = line;
    if (start >= 0) {
      line += countNewlines(list.raw, start + item.raw.length, start);
      offset = start + item.raw.length;
    }
    const n = listItem(item, itemLine);
    // The marker of an ordered list is the item's numbering, shown as its order (positions still come from the file).
    if (list.ordered && typeof list.start === 'number') n.order = String(list.start + out.length);
    if (ctx.label !== undefined) n.label = ctx.label;
    if (ctx.prose) n.prose = true;
    out.push(n);
  }
  // Counting anchors below too: a one-line list whose item holds the real table ("- [Title](#title)" + nested entries).
  let anchors = 0;
  let below = 0;
  for (let i = 0; i < out.length; i++) {
    const n = out[i] as OutlineNode;
    if (n.linkFirst && n.url?.startsWith('#')) anchors++;
    for (let j = 0; j < n.children.length; j++) if (n.children[j]?.toc) below++;
  }
  if (anchors + below >= 2 && anchors / out.length >= 0.6) {
    tocLists++;
    markToc(out);
  }
  return out;
}

let tocLists = 0;

/** How many lists were marked as tables of contents so far in this process: a reader compares two counts. */
export function tocListsMarked(): number {
  return tocLists;
}

function markToc(nodes: OutlineNode[]): void {
  for (const n of nodes) {
    n.toc = true;
    markToc(n.children);
  }
}

function listItem(item: Tokens.ListItem, at: number): OutlineNode {
  const n = outlineNode('item', ITEM_LEVEL, '', at);
  n.origin = 'list';
  if (item.task) n.checked = item.checked === true;
  let titled = false;
  let lastChild: OutlineNode | undefined;
  for (let i = 0; i < item.tokens.length; i++) {
    const t = item.tokens[i] as Token;
    // Only nested blocks need a line of their own (lineOf searches the item's text): text, the usual token, does not.
    switch (t.type) {
      case 'checkbox':
      case 'space':
      case 'hr':
        continue;
      case 'code':
        // Code under an item is part of what it teaches: kept in its Markdown, not in its plain text.
        if (titled) n.description.push({ text: '', markdown: t.raw.trim() });
        continue;
      case 'list': {
        const kids = listItems(t as Tokens.List, lineOf(item.raw, t.raw, at));
        appendAll(n.children, kids);
        lastChild = kids[kids.length - 1];
        continue;
      }
      case 'blockquote':
        nestQuotedLists(t as Tokens.Blockquote, lastChild ?? n, lineOf(item.raw, t.raw, at));
        continue;
      case 'table':
        appendAll(n.children, tableRows(t as Tokens.Table, lineOf(item.raw, t.raw, at)));
        continue;
      default:
        break;
    }
    if (t.type === 'html') {
      const text = htmlText((t as Tokens.HTML).text, n.links).replace(/\s+/g, ' ').trim();
      if (!text) continue;
      if (titled) n.description.push({ text, markdown: escapeMarkdown(text) });
      else [titled, n.text] = [true, text];
      continue;
    }
    if (t.type !== 'heading' && t.type !== 'text' && t.type !== 'paragraph') continue;
    const tokens = (t as Tokens.Text).tokens ?? [];
    if (!titled) {
      const title = splitItemTitle(tokens, (t as Tokens.Text).text);
      if (!title.text) continue;
      titled = true;
      n.text = title.text;
      if (t.type === 'heading') n.headingItem = true;
      if (title.url !== undefined) n.url = title.url;
      if (title.description) n.description.push({ text: title.description, markdown: title.descriptionMarkdown ?? escapeMarkdown(title.description) });
      if (title.linkFirst) n.linkFirst = true;
      if (title.linkOnly) n.linkOnly = true;
      if (title.marker) n.marker = true;
      if (title.term) n.term = true;
      appendAll(n.links, title.links);
    } else {
      const inline = inlineText(tokens, (t as Tokens.Text).text);
      if (inline.text) n.description.push({ text: inline.text, markdown: (t as Tokens.Text).text.trim() });
      appendAll(n.links, inline.links);
    }
  }
  return n;
}

/** Lists in a blockquote right after an item (` >* JVM`, ` >>* Tomcat`) are that item's children, a level per `>`. */
export function nestQuotedLists(quote: Tokens.Blockquote, parent: OutlineNode, at: number): void {
  let last: OutlineNode | undefined;
  for (const t of quote.tokens) {
    const tLine = lineOf(quote.raw, t.raw, at);
    if (t.type === 'list') {
      const kids = listItems(t as Tokens.List, tLine);
      appendAll(parent.children, kids);
      last = kids[kids.length - 1];
    } else if (t.type === 'blockquote') {
      nestQuotedLists(t as Tokens.Blockquote, last ?? parent, tLine);
    }
  }
}

/** Columns that name what a row teaches, preferred in this order over columns that only date it. */
const NAME_COLUMN =
  /^(topics?|course|courses|module|modules|lesson|lessons|name|title|subject|skill|skills|chapter|chapters|technology|technologies|concept|concepts|project|projects|tool|tools|problems?|exercises?|papers?|temas?|cursos?|módulos?|lecci[oó]n|lecciones|asignaturas?|contenidos?|tópicos?|assuntos?|conteúdos?|aulas?|sujets?|thèmes?|cours|leçons?|themen?|thema|kurse?|lektion(?:en)?|konu|konular|ders|dersler|chủ đề|bài học|主题|主題|课程|課程|内容|內容|知识点|知識點|题目|題目|トピック|テーマ|内容|講座|주제|과목|강의|موضوع|عنوان|тема|темы|курс|задача|задачи)$/iu;
const TIME_COLUMN = /^(day|days|week|weeks|step|steps|phase|month|días?|dias?|semanas?|mes|meses|jours?|semaines?|mois|tag|tage|woche|wochen|monat|gün|hafta|ay|ngày|tuần|tháng|天|周|週|阶段|階段|日目|週目|일차|주차|روز|هفته|день|неделя)$/iu;
/** Rows of a curriculum table become items; comparison tables (empty top-left cell) are not topics. */
export function tableRows(table: Tokens.Table, at: number): OutlineNode[] {
  const headers = table.header.map((c) => inlineText(c.tokens, c.text).text);
  if (!headers[0]) return [];
  let col = headers.findIndex((h) => NAME_COLUMN.test(h));
  if (col < 0) col = headers.findIndex((h) => TIME_COLUMN.test(h));
  if (col < 0) {
    const linked = table.rows.filter((r) => r[0] && inlineText(r[0].tokens, r[0].text).links.length > 0).length;
    if (table.rows.length > 0 && linked / table.rows.length >= 0.5) col = 0;
  }
  if (col < 0) return [];
  // Cells that hold lists (`<ul><li>…` in a "Topics" column) describe the row; the first column then names it.
  const listy = table.rows.filter((r) => /<li\b/iu.test(r[col]?.text ?? '')).length;
  if (col > 0 && listy * 2 > table.rows.length && table.rows.every((r) => r[0]?.text.trim())) col = 0;
  return table.rows.flatMap((row, i) => {
    const cell = row[col];
    if (!cell) return [];
    const main = splitItemTitle(cell.tokens, cell.text);
    if (!main.text) return [];
    const n = outlineNode('item', ITEM_LEVEL, main.text, at + 2 + i);
    n.origin = 'table';
    if (main.url !== undefined) n.url = main.url;
    appendAll(n.links, main.links);
    if (main.description) n.description.push({ text: main.description, markdown: main.descriptionMarkdown ?? escapeMarkdown(main.description) });
    const attrs: Record<string, string> = {};
    row.forEach((c, j) => {
      if (j === col) return;
      const v = inlineText(c.tokens, c.text);
      appendAll(n.links, v.links);
      const key = headers[j] || `column ${j + 1}`;
      if (v.text) attrs[key] = v.text;
    });
    if (Object.keys(attrs).length) n.attrs = attrs;
    return [n];
  });
}

/** A line that starts with an outline number of two or more parts ("1.2 Topologies", "3.1.4 OSPF"). */
const NUMBERED_LINE = /^\d{1,3}(?:\.\d{1,3})+\.?[ \t]+\S/;

/**
 * An outline written as plain lines, one numbered topic per line and no list markers ("1.1 Routers", "1.1.1 Layer 3
 * switches"): Markdown reads it as one paragraph. Three or more lines, every one numbered so, are read as items nested
 * by their numbers' depth; anything else gives none.
 */
export function numberedLines(p: Tokens.Paragraph, at: number): OutlineNode[] {
  if (!p.text.includes('\n')) return [];
  const raw = p.text.split('\n');
  if (raw.length < 3 || !raw.every((l) => NUMBERED_LINE.test(l))) return [];
  const lines: Token[][] = [[]];
  for (const t of p.tokens) {
    if (t.type === 'br') lines.push([]);
    else if (t.type === 'text' && !(t as Tokens.Text).tokens && (t as Tokens.Text).text.includes('\n')) {
      (t as Tokens.Text).text.split('\n').forEach((part: string, i: number) => {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1]?.push({ type: 'text', raw: part, text: part });
      });
    } else lines[lines.length - 1]?.push(t);
  }
  if (lines.length !== raw.length) return [];
  const out: OutlineNode[] = [];
  const stack: Array<{ depth: number; node: OutlineNode }> = [];
  lines.forEach((tokens, i) => {
    const { text, links } = inlineText(tokens);
    const depth = (/^[\d.]+/.exec(raw[i] ?? '')?.[0].replace(/\.$/, '').split('.').length ?? 1);
    const n = outlineNode('item', ITEM_LEVEL, text, at + i);
    appendAll(n.links, links);
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
    (stack[stack.length - 1]?.node.children ?? out).push(n);
    stack.push({ depth, node: n });
  });
  return out;
}
