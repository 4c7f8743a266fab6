import type { Link } from '../../types.js';

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
  description: string[];
  children: OutlineNode[];
  line: number;
  /** Items of a table of contents (lists whose items mostly link to #anchors), at every depth. */
  toc?: boolean;
  /** A short label paragraph ("**Resources:**", "**Week 1-2**") that introduced the list this item came from. */
  label?: string;
  /** The list was introduced by a sentence ending in ":", so it explains the text above it. */
  prose?: boolean;
  /** Where an item came from: a list, a table row, or a line of a checklist drawn in a code block. */
  origin?: 'list' | 'table' | 'code';
  /** The item's title is a link ("[Name](url)", "[Name](url) - what it is"). */
  linkFirst?: boolean;
  /** The item is a link and says little else: a resource when the context says so. */
  linkOnly?: boolean;
  /** The item starts with a type marker (📖, 🎥, `(video)`, `@article@`): a resource. */
  marker?: boolean;
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
