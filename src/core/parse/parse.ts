import { buildSections } from './assemble.js';
import { normalizeText } from './normalize.js';
import { buildOutline } from './outline/outline.js';
import type { OutlineNode } from './outline/node.js';
import { isChecklist, isSectionLike, pickSections, SectionReader } from './sections.js';
import { PROSE_HEADING } from './topics.js';
import { LABEL_HEADING } from './vocabulary.js';
import { cleanTitle, isBoilerplateTitle, isRoadmapTitle, isTocTitle } from './title.js';
import { AnchorIndex, tocTargets } from './toc.js';
import type { OverviewPart, ParseWarning, Roadmap } from '../types.js';
import { appendAll } from '../append.js';

export interface ParseOptions {
  /** Used when the document has no title of its own (usually the file name). */
  fallbackTitle?: string;
}

/** Parses Markdown text into a roadmap tree. Pure: no IO. */
export function parseRoadmap(source: string, options: ParseOptions = {}): Roadmap {
  const normalized = normalizeText(source);
  const warnings: ParseWarning[] = [];
  if (normalized.repaired > 0) {
    warnings.push({
      kind: 'encoding-repaired',
      message: `repaired text damaged by a wrong encoding (double-encoded UTF-8) in ${normalized.repaired} place${normalized.repaired === 1 ? '' : 's'}${normalized.repairedLine === undefined ? '' : ` (first at line ${normalized.repairedLine})`}`,
      ...(normalized.repairedLine === undefined ? {} : { line: normalized.repairedLine }),
    });
  }
  const outline = buildOutline(normalized.text, normalized.lineOffset);
  const root = outline.root;
  for (const { what, line } of outline.skipped) {
    warnings.push({ kind: 'content-skipped', message: `${what} is not read as topics; write it as a Markdown list or table to track it`, line });
  }
  const targets = tocTargets(root, new AnchorIndex(root), warnings);
  dropBoilerplate(root, warnings);

  let title = normalized.frontMatter.title;
  let description = normalized.frontMatter.description;
  const overview: OverviewPart[] = [];
  let container = root;

  const h1s = root.children.filter((n) => n.kind === 'heading' && n.level === 1);
  const firstHeading = root.children.find(isSectionLike);
  const roadmapParts = h1s.filter((n) => isRoadmapTitle(n.text));
  const chosen = roadmapParts.length === 1 ? roadmapParts[0] : undefined;
  if (h1s.length === 1 && h1s[0] && firstHeading === h1s[0]) {
    container = h1s[0];
    title ??= cleanTitle(container.text).title;
  } else if (h1s.length >= 2 && chosen) {
    // Several top-level parts and one titled as the roadmap: that part is the roadmap, the rest its overview.
    for (const part of h1s) if (part !== chosen) collectOverview(part, 0, overview);
    container = chosen;
    title ??= outline.htmlTitle ?? cleanTitle(chosen.text).title;
  }
  title ??= outline.htmlTitle;
  if (container.description.length) description ??= container.description.join('\n\n');

  // A whole document is a checklist only with many boxes; a few boxes make just their section one.
  const reader = new SectionReader(isChecklist(root, 0.3, 20), isArticle(root));
  const picked = pickSections(container, reader, targets);
  for (const d of picked.descended) {
    if (title === undefined && d.level <= 2 && d.kind === 'heading') title = cleanTitle(d.text).title;
    if (!description && d.description.length) description = d.description.join('\n\n');
  }
  for (const { node, why } of picked.leftOut) {
    collectOverview(node, 0, overview);
    if (reader.holds(node)) {
      warnings.push({ kind: 'content-skipped', message: `"${cleanTitle(node.text).title}" is ${why}: kept in the overview, not as a section`, line: node.line });
    }
  }
  const sections = buildSections(picked.sections, reader, warnings);

  const roadmap: Roadmap = {
    title: title ?? outline.logo ?? options.fallbackTitle ?? 'Roadmap',
    overview,
    sections,
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
  if (description) roadmap.description = description;
  return roadmap;
}

/** Written as an article: most headings below the top carry paragraphs of prose, so lists there explain rather than enumerate topics. */
function isArticle(root: OutlineNode): boolean {
  let withContent = 0;
  let prose = 0;
  const visit = (n: OutlineNode): void => {
    for (const c of n.children) {
      if (!isSectionLike(c)) continue;
      const label = LABEL_HEADING.test(cleanTitle(c.text).title);
      if (c.level >= 2 && !label && (c.proseChars > 0 || c.children.some((x) => x.kind === 'item'))) {
        withContent++;
        if (c.proseChars >= PROSE_HEADING) prose++;
      }
      visit(c);
    }
  };
  visit(root);
  return prose >= 5 && prose * 2 >= withContent;
}

function dropBoilerplate(n: OutlineNode, warnings: ParseWarning[]): void {
  const toc = n.children.filter((c) => c.kind === 'item' && c.toc);
  if (toc[0]) {
    const entries = (nodes: OutlineNode[]): number => nodes.reduce((sum, c) => sum + 1 + entries(c.children), 0);
    const count = entries(toc);
    warnings.push({ kind: 'dropped-toc', message: `left out a table of contents (${count} entr${count === 1 ? 'y' : 'ies'} linking to headings)`, line: toc[0].line });
  }
  n.children = n.children.filter((c) => {
    if (c.kind === 'item' && c.toc) return false;
    if (!isSectionLike(c)) return true;
    const text = cleanTitle(c.text).title;
    if (isTocTitle(c.text)) {
      warnings.push({ kind: 'dropped-toc', message: `left out "${text}" (a table of contents)`, line: c.line });
      return false;
    }
    if (isBoilerplateTitle(c.text)) {
      warnings.push({ kind: 'dropped-boilerplate', message: `left out "${text}" (about the document, not a topic)`, line: c.line });
      return false;
    }
    return true;
  });
  for (const c of n.children) {
    const hadToc = c.children.some((x) => x.toc);
    dropBoilerplate(c, warnings);
    if (hadToc && c.children.length === 0 && c.description.length === 0 && isSectionLike(c)) {
      // A heading that only held links to other headings is part of the table of contents.
      n.children = n.children.filter((x) => x !== c);
    }
  }
}

function collectOverview(n: OutlineNode, depth: number, out: OverviewPart[]): void {
  const text = [...n.description];
  for (const c of n.children) if (c.kind === 'item' && !c.toc) appendAll(text, flattenItem(c));
  out.push({ title: cleanTitle(n.text).title, depth, text });
  for (const c of n.children) if (isSectionLike(c)) collectOverview(c, depth + 1, out);
}

function flattenItem(n: OutlineNode, indent = ''): string[] {
  return [`${indent}${n.text}`, ...n.children.flatMap((c) => flattenItem(c, `${indent}  `))];
}
