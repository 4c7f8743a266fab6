import type { Token, Tokens } from 'marked';
import { lexMarkdown } from './guard.js';
import { htmlText, inlineText } from './inline.js';
import type { Link } from './types.js';

/** A node of the document outline: headings nest by level, list items and table rows hang below them. */
export interface OutlineNode {
  kind: 'root' | 'heading' | 'item' | 'group';
  /** Heading depth; groups sit half a level below their parent; items are 100. */
  level: number;
  /** Title as plain text, before numbering and emoji are split off. */
  text: string;
  url?: string;
  checked?: boolean;
  attrs?: Record<string, string>;
  links: Link[];
  /** Prose that describes this node. */
  description: string[];
  children: OutlineNode[];
  line: number;
  /** Set on lists that look like a table of contents (most items link to #anchors). */
  toc?: boolean;
  /** A short label paragraph ("**Resources:**") that introduced the list this item came from. */
  label?: string;
}

const ITEM_LEVEL = 100;

function node(kind: OutlineNode['kind'], level: number, text: string, line: number): OutlineNode {
  return { kind, level, text, links: [], description: [], children: [], line };
}

function lineOf(raw: string, sub: string, base: number): number {
  const at = raw.indexOf(sub);
  return at < 0 ? base : base + countNewlines(raw, at);
}

function countNewlines(s: string, end = s.length, from = 0): number {
  let n = 0;
  for (let i = from; i < end; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

const LABEL = /^(?:\*\*|__)?[^\n]{1,80}?(?::|：)(?:\*\*|__)?\s*$|^(?:\*\*|__)[^\n]{1,80}(?:\*\*|__)$/u;
const TOPIC_COLUMN = /^(topics?|course|courses|tool|tools|module|modules|day|days|lesson|lessons|name|subject|skill|skills|chapter|title|technology|concept|week)$/iu;

/** Reads Markdown into an outline; `lineOffset` is how many lines front matter took off the top. */
export function buildOutline(text: string, lineOffset: number): OutlineNode {
  const tokens = lexMarkdown(text, lineOffset);
  const root = node('root', 0, '', 1);
  const stack: OutlineNode[] = [root];
  let line = 1 + lineOffset;
  let lastItem: OutlineNode | undefined;
  let label: string | undefined;
  const top = (): OutlineNode => stack[stack.length - 1] ?? root;

  const addList = (list: Tokens.List, parent: OutlineNode, at: number): OutlineNode[] => {
    const items = listItems(list, at, label);
    parent.children.push(...items);
    label = undefined;
    return items;
  };

  const visit = (token: Token, at: number): void => {
    switch (token.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        while (stack.length > 1 && top().level >= h.depth) stack.pop();
        const inline = inlineText(h.tokens, h.text);
        const heading = node('heading', h.depth, inline.text, at);
        heading.links = inline.links;
        top().children.push(heading);
        stack.push(heading);
        lastItem = undefined;
        label = undefined;
        return;
      }
      case 'list': {
        const items = addList(token as Tokens.List, top(), at);
        lastItem = items[items.length - 1];
        return;
      }
      case 'paragraph': {
        const p = token as Tokens.Paragraph;
        const inline = inlineText(p.tokens, p.text);
        if (!inline.text) return;
        if (LABEL.test(p.text.trim()) && inline.text.length <= 80) label = inline.text;
        else top().description.push(inline.text);
        top().links.push(...inline.links);
        return;
      }
      case 'blockquote': {
        const q = token as Tokens.Blockquote;
        if (lastItem && q.tokens.some((t) => t.type === 'list')) {
          nestQuotedLists(q, lastItem, at);
          return;
        }
        for (const t of q.tokens) visit(t, lineOf(q.raw, t.raw, at));
        return;
      }
      case 'table': {
        const rows = tableRows(token as Tokens.Table, at);
        if (rows.length) {
          top().children.push(...rows);
          lastItem = undefined;
        }
        return;
      }
      case 'html': {
        const html = (token as Tokens.HTML).text;
        const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(html);
        if (/<details/i.test(html) && summary) {
          const title = htmlText(summary[1] ?? '', []).replace(/\s+/g, ' ').trim();
          if (title) {
            const group = node('group', top().level + 0.5, title, at);
            top().children.push(group);
            stack.push(group);
          }
        }
        if (/<\/details>/i.test(html)) {
          while (stack.length > 1 && top().kind === 'group') {
            stack.pop();
            if (!/<\/details>[\s\S]*<\/details>/i.test(html)) break;
          }
        }
        return;
      }
      default:
        return;
    }
  };

  for (const token of tokens) {
    visit(token, line);
    line += countNewlines(token.raw);
  }
  return root;
}

function listItems(list: Tokens.List, at: number, label: string | undefined): OutlineNode[] {
  const out: OutlineNode[] = [];
  let offset = 0;
  // Newlines are counted from the previous item on: counting from the top for each item is quadratic on long lists.
  let counted = 0;
  let itemLine = at;
  for (const item of list.items) {
    const start = list.raw.indexOf(item.raw, offset);
    if (start >= 0) {
      itemLine += countNewlines(list.raw, start, counted);
      counted = start;
      offset = start + item.raw.length;
    }
    out.push(listItem(item, start < 0 ? at : itemLine, label));
  }
  const anchors = out.filter((n) => n.url?.startsWith('#')).length;
  if (out.length >= 2 && anchors / out.length >= 0.6) for (const n of out) n.toc = true;
  return out;
}

function listItem(item: Tokens.ListItem, at: number, label: string | undefined): OutlineNode {
  const n = node('item', ITEM_LEVEL, '', at);
  if (label !== undefined) n.label = label;
  if (item.task) n.checked = item.checked === true;
  let titled = false;
  let lastChild: OutlineNode | undefined;
  for (const t of item.tokens) {
    const tLine = lineOf(item.raw, t.raw, at);
    if (t.type === 'checkbox' || t.type === 'space' || t.type === 'code' || t.type === 'hr') continue;
    if (t.type === 'list') {
      const kids = listItems(t as Tokens.List, tLine, undefined);
      n.children.push(...kids);
      lastChild = kids[kids.length - 1];
      continue;
    }
    if (t.type === 'blockquote') {
      nestQuotedLists(t as Tokens.Blockquote, lastChild ?? n, tLine);
      continue;
    }
    if (t.type === 'table') {
      n.children.push(...tableRows(t as Tokens.Table, tLine));
      continue;
    }
    const inline =
      t.type === 'heading' || t.type === 'text' || t.type === 'paragraph'
        ? inlineText((t as Tokens.Text).tokens, (t as Tokens.Text).text)
        : t.type === 'html'
          ? { text: htmlText((t as Tokens.HTML).text, []).replace(/\s+/g, ' ').trim(), links: [] }
          : { text: '', links: [] };
    if (!inline.text) continue;
    if (!titled) {
      titled = true;
      n.text = inline.text;
      const only = inline.links[0];
      if (only && inline.links.length === 1) n.url = only.url;
      else n.links.push(...inline.links);
    } else {
      n.description.push(inline.text);
      n.links.push(...inline.links);
    }
  }
  return n;
}

/** Lists in a blockquote right after an item (` >* JVM`, ` >>* Tomcat`) are that item's children, a level per `>`. */
function nestQuotedLists(quote: Tokens.Blockquote, parent: OutlineNode, at: number): void {
  let last: OutlineNode | undefined;
  for (const t of quote.tokens) {
    const tLine = lineOf(quote.raw, t.raw, at);
    if (t.type === 'list') {
      const kids = listItems(t as Tokens.List, tLine, undefined);
      parent.children.push(...kids);
      last = kids[kids.length - 1];
    } else if (t.type === 'blockquote') {
      nestQuotedLists(t as Tokens.Blockquote, last ?? parent, tLine);
    }
  }
}

/** Rows of a curriculum table become items; comparison tables (empty top-left cell) are not topics. */
function tableRows(table: Tokens.Table, at: number): OutlineNode[] {
  const headers = table.header.map((c) => inlineText(c.tokens, c.text).text);
  if (!headers[0]) return [];
  let col = headers.findIndex((h) => TOPIC_COLUMN.test(h));
  if (col < 0) {
    const linked = table.rows.filter((r) => r[0] && inlineText(r[0].tokens, r[0].text).links.length > 0).length;
    if (table.rows.length > 0 && linked / table.rows.length >= 0.5) col = 0;
  }
  if (col < 0) return [];
  return table.rows.flatMap((row, i) => {
    const cell = row[col];
    if (!cell) return [];
    const main = inlineText(cell.tokens, cell.text);
    if (!main.text) return [];
    const n = node('item', ITEM_LEVEL, main.text, at + 2 + i);
    const only = main.links[0];
    if (only && main.links.length === 1) n.url = only.url;
    const attrs: Record<string, string> = {};
    row.forEach((c, j) => {
      if (j === col) return;
      const v = inlineText(c.tokens, c.text);
      n.links.push(...v.links);
      const key = headers[j] || `column ${j + 1}`;
      if (v.text) attrs[key] = v.text;
    });
    if (Object.keys(attrs).length) n.attrs = attrs;
    return [n];
  });
}
