import { normalizeText } from './normalize.js';
import { buildOutline, type OutlineNode } from './outline.js';
import { SlugAllocator, slugFor } from './slug.js';
import { cleanTitle, isBoilerplateTitle, isRoadmapTitle } from './title.js';
import type { Link, OverviewPart, ParseWarning, Roadmap, Section, Topic } from './types.js';

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
      message: `repaired text damaged by a wrong encoding (double-encoded UTF-8) in ${normalized.repaired} place${normalized.repaired === 1 ? '' : 's'}`,
    });
  }
  const root = buildOutline(normalized.text, normalized.lineOffset);
  dropBoilerplate(root, warnings);

  let title = normalized.frontMatter.title;
  let description = normalized.frontMatter.description;
  const overview: OverviewPart[] = [];
  let container = root;

  const h1s = root.children.filter((n) => n.kind === 'heading' && n.level === 1);
  const roadmapParts = h1s.filter((n) => isRoadmapTitle(n.text));
  const chosen = roadmapParts.length === 1 ? roadmapParts[0] : undefined;
  if (h1s.length >= 2 && chosen) {
    // Several top-level parts and one titled as the roadmap: that part is the roadmap, the rest its overview.
    for (const part of h1s) if (part !== chosen) collectOverview(part, 0, overview);
    container = chosen;
    title ??= cleanTitle(chosen.text).title;
  } else if (h1s.length === 1 && h1s[0] && root.children.filter((n) => n.kind === 'heading').length === 1) {
    container = h1s[0];
    title ??= cleanTitle(container.text).title;
  }
  if (container.description.length) description ??= container.description.join('\n\n');

  const picked = pickSections(container, title === undefined);
  if (picked.title !== undefined) title ??= picked.title;
  const sections = buildSections(picked.sections, warnings);
  if (!description && picked.description.length) description = picked.description.join('\n\n');

  const roadmap: Roadmap = {
    title: title ?? options.fallbackTitle ?? 'Roadmap',
    overview,
    sections,
    warnings,
  };
  if (description) roadmap.description = description;
  return roadmap;
}

function holdsTopics(n: OutlineNode): boolean {
  return n.children.some((c) => (c.kind === 'item' && !c.toc) || holdsTopics(c));
}

function isSectionLike(n: OutlineNode): boolean {
  return n.kind === 'heading' || n.kind === 'group';
}

interface Picked {
  sections: OutlineNode[];
  title?: string;
  description: string[];
}

/** Chooses the nodes that are sections: the shallowest level with two or more headings holding topics. */
function pickSections(container: OutlineNode, wantTitle: boolean): Picked {
  let current = container;
  let title: string | undefined;
  const description: string[] = [];
  for (;;) {
    const headings = current.children.filter(isSectionLike);
    const withTopics = headings.filter(holdsTopics);
    const items = current.children.filter((c) => c.kind === 'item' && !c.toc);
    if (withTopics.length >= 2) return { sections: headings, ...(title ? { title } : {}), description };
    if (withTopics.length === 1 && items.length === 0 && withTopics[0]) {
      // Everything sits under one heading: go down a level.
      current = withTopics[0];
      if (wantTitle && title === undefined && current.level <= 2) title = cleanTitle(current.text).title;
      description.push(...current.description);
      continue;
    }
    if (items.length > 0 && withTopics.length === 0) {
      // A single outline list: its top-level items are the sections when they hold children.
      const parents = items.filter((i) => i.children.length > 0);
      if (items.length >= 2 && parents.length >= Math.ceil(items.length / 2)) {
        return { sections: items, ...(title ? { title } : {}), description };
      }
      const single = { ...current, kind: 'heading' as const, text: current.text || title || 'Topics' };
      return { sections: [single], ...(title ? { title } : {}), description };
    }
    if (items.length > 0 && withTopics.length === 1) {
      const loose = { ...current, kind: 'heading' as const, children: items, text: current.text || 'Topics' };
      return { sections: [loose, ...headings], ...(title ? { title } : {}), description };
    }
    return { sections: [], ...(title ? { title } : {}), description };
  }
}

function dropBoilerplate(n: OutlineNode, warnings: ParseWarning[]): void {
  const toc = n.children.filter((c) => c.kind === 'item' && c.toc);
  if (toc[0]) {
    warnings.push({ kind: 'dropped-toc', message: `left out a table of contents (${toc.length} links to #anchors)`, line: toc[0].line });
  }
  n.children = n.children.filter((c) => {
    if (isSectionLike(c) && isBoilerplateTitle(c.text)) {
      warnings.push({ kind: 'dropped-boilerplate', message: `left out "${c.text}" (boilerplate, not a topic)`, line: c.line });
      return false;
    }
    return !(c.kind === 'item' && c.toc);
  });
  for (const c of n.children) dropBoilerplate(c, warnings);
}

function collectOverview(n: OutlineNode, depth: number, out: OverviewPart[]): void {
  const text = [...n.description];
  for (const c of n.children) if (c.kind === 'item') text.push(...flattenItem(c));
  out.push({ title: cleanTitle(n.text).title, depth, text });
  for (const c of n.children) if (isSectionLike(c)) collectOverview(c, depth + 1, out);
}

function flattenItem(n: OutlineNode, indent = ''): string[] {
  return [`${indent}${n.text}`, ...n.children.flatMap((c) => flattenItem(c, `${indent}  `))];
}

function buildSections(nodes: OutlineNode[], warnings: ParseWarning[]): Section[] {
  const slugs = new SlugAllocator();
  const seen = new Map<string, number>();
  return nodes.map((n, i) => {
    const clean = cleanTitle(n.text);
    const id = slugs.take(slugFor(clean.title, n.url));
    const number = String(i + 1);
    const links: Link[] = [...n.links];
    const topics = buildTopics(n.children, id, number, links, n.kind !== 'item');
    const section: Section = { id, number, title: clean.title, links, topics, line: n.line };
    if (clean.order) section.order = clean.order;
    if (clean.icon) section.icon = clean.icon;
    if (n.description.length) section.description = n.description.join('\n\n');
    if (topics.length === 0) {
      warnings.push({ kind: 'empty-section', message: `section "${clean.title}" has no topics`, line: n.line });
    }
    const key = clean.title.toLowerCase();
    const prev = seen.get(key);
    if (prev !== undefined) {
      warnings.push({ kind: 'duplicate-title', message: `section title "${clean.title}" also used at line ${prev}`, line: n.line });
    } else seen.set(key, n.line);
    return section;
  });
}

/** A leaf that is just one link is a resource of its parent when the list was labelled as resources or hangs off a heading. */
function isResource(n: OutlineNode, parentIsHeading: boolean): boolean {
  if (!n.url || n.children.length > 0) return false;
  if (n.label && /resource|link|reading|reference|read more|video|article|book|course|tutorial|docs|documentation|learn more|source/iu.test(n.label)) return true;
  return parentIsHeading && /^(📖|🎥|📺|📄|📝|:book:|:video|\(video\)|@article@|@video@|@official@|@opensource@)/u.test(n.text);
}

function buildTopics(nodes: OutlineNode[], parentId: string, parentNumber: string, parentLinks: Link[], parentIsHeading: boolean): Topic[] {
  const slugs = new SlugAllocator();
  const topics: Topic[] = [];
  for (const n of nodes) {
    if (n.toc) continue;
    if (n.kind === 'item' && isResource(n, parentIsHeading)) {
      parentLinks.push({ title: cleanTitle(n.text).title, url: n.url ?? '' });
      continue;
    }
    if (n.kind === 'item' && !n.text && n.children.length === 0) continue;
    if (n.kind !== 'item' && !holdsTopics(n) && n.children.length === 0 && n.description.length === 0) continue;
    const clean = cleanTitle(n.text);
    const id = `${parentId}/${slugs.take(slugFor(clean.title, n.url))}`;
    const number = `${parentNumber}.${topics.length + 1}`;
    const links: Link[] = [...n.links];
    const topic: Topic = { id, number, title: clean.title, links, children: [], line: n.line };
    topic.children = buildTopics(n.children, id, number, links, n.kind !== 'item');
    if (clean.order) topic.order = clean.order;
    if (clean.icon) topic.icon = clean.icon;
    if (n.description.length) topic.description = n.description.join('\n\n');
    if (n.url) topic.url = n.url;
    if (n.checked !== undefined) topic.checked = n.checked;
    if (n.attrs) topic.attrs = n.attrs;
    topics.push(topic);
  }
  return topics;
}
