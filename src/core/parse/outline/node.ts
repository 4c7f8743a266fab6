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
  url?: string;
  checked?: boolean;
  /** The number of an ordered-list item ("3" for `3. Caching`). */
  order?: string;
  attrs?: Record<string, string>;
  links: Link[];
  /** Prose that describes this node. */
  description: Prose[];
  children: OutlineNode[];
  line: number;
  /** Items of a table of contents (lists whose items mostly link to #anchors), at every depth. */
  toc?: boolean;
  /** A short label paragraph ("**Resources:**", "**Week 1-2**") that introduced the list this item came from. */
  label?: string;
  /** The list was introduced by a sentence ending in ":", so it explains the text above it. */
  prose?: boolean;
  /** Which table of the document a row belongs to (1 for the first), so its rows can be told from the next table's. */
  table?: number;
  /** Where an item came from: a list, a table row, or a line of a checklist drawn in a code block. */
  origin?: 'list' | 'table' | 'code';
  /** The item's title is a link ("[Name](url)", "[Name](url) - what it is"). */
  linkFirst?: boolean;
  /** The item is a link and says little else: a resource when the context says so. */
  linkOnly?: boolean;
  /** The item starts with a type marker (📖, 🎥, `(video)`, `@article@`): a resource. */
  marker?: boolean;
  /** The item's title is a bold term labelling the text after it (`**Book**: Deep Learning`). */
  term?: boolean;
  /** A list item that is a heading (`- ### Arrays`): links can target it. */
  headingItem?: boolean;
  /** Characters of prose written directly under a heading or group (labels and link lines excluded). */
  proseChars: number;
  /** Images shown directly under a heading or group. */
  images: number;
}

export const ITEM_LEVEL = 100;

/** A new outline node. */
export function outlineNode(kind: OutlineNode['kind'], level: number, text: string, line: number): OutlineNode {
  return { kind, level, text, links: [], description: [], children: [], line, proseChars: 0, images: 0 };
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
