import { hasProse, type OutlineNode } from './outline/node.js';
import { isTocTitle } from './title.js';
import type { ParseWarning } from '../types.js';
import { GithubSlugger, githubSlug } from './github-slug.js';
import { decodeURIComponentSafe } from './slug.js';
import { isAscii, once } from '../text/lazy-pattern.js';

const NOT_LETTER_OR_NUMBER = once(() => /[^\p{L}\p{M}\p{N}]/gu);
/** The same for ASCII: there \p{L} is A-Z and a-z, \p{N} is 0-9 and \p{M} is empty (no property classes to build). */
const NOT_LETTER_OR_NUMBER_ASCII = /[^A-Za-z0-9]/g;

/** A looser key, so that anchors written by hand or by another generator still find their heading. */
export function looseKey(text: string): string {
  const lower = text.toLowerCase();
  return lower.replace(isAscii(lower) ? NOT_LETTER_OR_NUMBER_ASCII : NOT_LETTER_OR_NUMBER(), '');
}

/** Headings of the document with the anchors a link can use to reach them. */
export class AnchorIndex {
  private readonly exact = new Map<string, OutlineNode>();
  private readonly loose = new Map<string, OutlineNode>();

  constructor(root: OutlineNode) {
    const slugger = new GithubSlugger();
    const visit = (n: OutlineNode): void => {
      if (n.kind === 'heading' || n.kind === 'group' || n.headingItem) {
        const anchor = slugger.slug(n.text);
        if (!this.exact.has(anchor)) this.exact.set(anchor, n);
        const key = looseKey(n.text);
        if (key && !this.loose.has(key)) this.loose.set(key, n);
      }
      for (const c of n.children) visit(c);
    };
    visit(root);
  }

  /** The heading an in-page link (`#anchor`) points to, if any. */
  resolve(href: string): OutlineNode | undefined {
    const anchor = decodeURIComponentSafe(href.replace(/^#/, '')).toLowerCase();
    return this.exact.get(anchor) ?? this.exact.get(githubSlug(anchor)) ?? this.loose.get(looseKey(anchor));
  }
}

interface TocEntry {
  item: OutlineNode;
  /** The heading (or root) the table of contents was written under. */
  container: OutlineNode;
}

/** Every table-of-contents item in the outline, in document order, with the node its list sits in. */
function tocEntries(root: OutlineNode): TocEntry[] {
  const out: TocEntry[] = [];
  const visit = (n: OutlineNode, container: OutlineNode): void => {
    let inToc: boolean | undefined;
    for (const c of n.children) {
      if (c.toc && c.kind === 'item') out.push({ item: c, container });
      // Headings inside a table of contents ("### The Study Plan" under "## Contents") still belong to it.
      visit(c, c.kind === 'item' || (inToc ??= isTocTitle(container.text)) ? container : c);
    }
  };
  visit(root, root);
  return out;
}

/** A heading whose content is nothing but a table of contents (a second part of it, "Optional extras"). */
function onlyToc(n: OutlineNode): boolean {
  return n.kind !== 'root' && !hasProse(n) && n.children.length > 0 && n.children.every((c) => c.toc);
}

/**
 * The headings the document's main table of contents points to: lists under a heading named as one ("Contents",
 * "目录"), and the largest one. Entries of any table of contents that point nowhere are reported.
 */
export function tocTargets(root: OutlineNode, warnings: ParseWarning[]): Set<OutlineNode> {
  const entries = tocEntries(root);
  // The headings' anchors are worked out only when there is an in-page link to resolve (most files have none).
  let index: AnchorIndex | undefined;
  const sizes = new Map<OutlineNode, number>();
  for (const e of entries) sizes.set(e.container, (sizes.get(e.container) ?? 0) + 1);
  let largest: OutlineNode | undefined;
  for (const [c, n] of sizes) if (!largest || n > (sizes.get(largest) ?? 0)) largest = c;
  const targets = new Set<OutlineNode>();
  let dangling = 0;
  for (const { item, container } of entries) {
    if (!item.url?.startsWith('#') || item.url === '#') continue;
    index ??= new AnchorIndex(root);
    const target = index.resolve(item.url);
    const main = container === largest || isTocTitle(container.text) || onlyToc(container);
    if (!target) {
      if (main) dangling++;
      warnings.push({
        kind: 'toc-dangling',
        message: `table of contents entry "${item.text}" points to ${item.url}, which is no heading in this file`,
        line: item.line,
      });
    } else if (main) targets.add(target);
  }
  if (dangling > 0 && dangling > targets.size) {
    // A table of contents that mostly fails to resolve (anchors from another generator) never decides what is left
    // out: it is ignored. A few broken entries in a working one (a heading renamed since) are only reported.
    warnings.push({
      kind: 'toc-dangling',
      message: `${dangling} of the table of contents' ${dangling + targets.size} entries match no heading, so it is not used to tell the roadmap from its preface`,
      ...(entries[0] ? { line: entries[0].item.line } : {}),
    });
    return new Set();
  }
  return targets;
}
