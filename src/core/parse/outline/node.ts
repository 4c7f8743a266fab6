import type { Link } from '../../types.js';

/** A piece of prose as plain text and as its Markdown source; a code block has Markdown only (its text is ''). */
export interface Prose {
  text: string;
  markdown: string;
}

/** A node of the document outline: headings nest by level, list items and table rows hang below them. */
export interface OutlineNode {
  kind: 'root' | 'heading' | 'item' | 'group';
  /** Heading depth; groups sit half a level below their parent; items are 100. */
  level: number;
  /** Title as plain text, before numbering and emoji are split off. */
  text: string;
  url?: string | undefined;
  checked?: boolean | undefined;
  /** The number of an ordered-list item ("3" for `3. Caching`). */
  order?: string | undefined;
  attrs?: Record<string, string> | undefined;
  links: Link[];
  /** Prose that describes this node. */
  description: Prose[];
  children: OutlineNode[];
  line: number;
  /** Items of a table of contents (lists whose items mostly link to #anchors), at every depth. */
  toc?: boolean | undefined;
  /** A short label paragraph ("**Resources:**", "**Week 1-2**") that introduced the list this item came from. */
  label?: string | undefined;
  /** The list was introduced by a sentence ending in ":", so it explains the text above it. */
  prose?: boolean | undefined;
  /** Which table of the document a row belongs to (1 for the first), so its rows can be told from the next table's. */
  table?: number | undefined;
  /** Where an item came from: a list, a table row, or a line of a checklist drawn in a code block. */
  origin?: 'list' | 'table' | 'code' | undefined;
  /** The item's title is a link ("[Name](url)", "[Name](url) - what it is"). */
  linkFirst?: boolean | undefined;
  /** The item is a link and says little else: a resource when the context says so. */
  linkOnly?: boolean | undefined;
  /** The item starts with a type marker (📖, 🎥, `(video)`, `@article@`): a resource. */
  marker?: boolean | undefined;
  /** The item's title is a bold term labelling the text after it (`**Book**: Deep Learning`). */
  term?: boolean | undefined;
  /** A list item that is a heading (`- ### Arrays`): links can target it. */
  headingItem?: boolean | undefined;
  /** Characters of prose written directly under a heading or group (labels and link lines excluded). */
  proseChars: number;
  /** Images shown directly under a heading or group. */
  images: number;
}

export const ITEM_LEVEL = 100;

/** A new outline node. */
export function outlineNode(kind: OutlineNode['kind'], level: number, text: string, line: number): OutlineNode {
  // Every field from the start, optional ones undefined: all nodes share one shape, so the many walks over the tree
  // read their fields through monomorphic lookups instead of one shape per order the optional fields were set in.
  return {
    kind,
    level,
    text,
    url: undefined,
    checked: undefined,
    order: undefined,
    attrs: undefined,
    links: [],
    description: [],
    children: [],
    line,
    toc: undefined,
    label: undefined,
    prose: undefined,
    table: undefined,
    origin: undefined,
    linkFirst: undefined,
    linkOnly: undefined,
    marker: undefined,
    term: undefined,
    headingItem: undefined,
    proseChars: 0,
    images: 0,
  };
}

/** Whether a node carries prose (code blocks alone are not prose). */
export function hasProse(n: { description: readonly Prose[] }): boolean {
  return n.description.some((p) => p.text !== '');
}

/** The plain text of pieces of prose, a blank line between them. */
export function proseText(pieces: readonly Prose[]): string {
  // One piece or none is the usual case: no arrays for it.
  if (pieces.length <= 1) return pieces[0]?.text ?? '';
  return pieces.filter((p) => p.text !== '').map((p) => p.text).join('\n\n');
}

/** The Markdown source of pieces of prose and code, a blank line between them. */
export function proseMarkdown(pieces: readonly Prose[]): string {
  if (pieces.length <= 1) return pieces[0]?.markdown ?? '';
  return pieces.map((p) => p.markdown).filter((m) => m !== '').join('\n\n');
}
