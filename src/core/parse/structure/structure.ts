import { buildTopics } from '../assemble.js';
import { escapeMarkdown } from '../inline.js';
import { hasProse, proseText, type OutlineNode, type Prose } from '../outline/node.js';
import { SlugAllocator, slugFor } from '../slug.js';
import { cleanTitle } from '../title.js';
import { labelled, namesTopic, type TopicDraft } from '../topics.js';
import { TOPIC_SOURCES, type Link, type ParseWarning, type Section, type SectionSource, type TopicSource } from '../../types.js';
import { appendAll } from '../../append.js';

export type { SectionSource, TopicSource } from '../../types.js';
export { SECTION_SOURCES, TOPIC_SOURCES } from '../../types.js';

/** How a roadmap is built, as the user states it; what is left out is inferred. */
export interface StructureChoice {
  sections?: SectionSource;
  topics?: TopicSource;
}

/** A section node to read, with the nodes below it that hold its content. */
export interface SectionNode {
  node: OutlineNode;
  children: OutlineNode[];
}

const isHeading = (n: OutlineNode): boolean => n.kind === 'heading' || n.kind === 'group';
const isRow = (n: OutlineNode): boolean => n.kind === 'item' && n.origin === 'table';
const isListItem = (n: OutlineNode): boolean => n.kind === 'item' && n.origin !== 'table';

/** The nodes a section source names, in document order. */
export function sectionNodes(root: OutlineNode, source: SectionSource): SectionNode[] {
  const out: SectionNode[] = [];
  const visit = (n: OutlineNode): void => {
    const tables = new Map<number, OutlineNode[]>();
    for (const c of n.children) {
      if (c.toc) continue;
      if (source === 'details' && c.kind === 'group') out.push({ node: c, children: c.children });
      else if (/^h\d$/u.test(source) && c.kind === 'heading' && c.level === Number(source.slice(1))) out.push({ node: c, children: c.children });
      else if (source === 'list' && isListItem(c) && c.text) out.push({ node: c, children: c.children });
      else if (source === 'table' && isRow(c) && c.table !== undefined) {
        const rows = tables.get(c.table);
        if (rows) rows.push(c);
        else {
          const rowsOf = [c];
          tables.set(c.table, rowsOf);
          // A table is named by the heading it sits under.
          out.push({ node: { ...n, kind: 'heading', text: n.text || `Table ${c.table}`, line: c.line - 2, children: rowsOf }, children: rowsOf });
        }
      }
      if (isHeading(c) || (source !== 'list' && c.kind === 'item')) visit(c);
    }
  };
  visit(root);
  return out;
}

function draftOf(n: OutlineNode, children: TopicDraft[], group?: string): TopicDraft {
  const d: TopicDraft = { node: n, description: [...n.description], links: [...n.links], children };
  if (group) d.group = group;
  return d;
}

/** Text and links of nodes that are not topics under this reading, for the section or topic they sit in. */
function absorb(n: OutlineNode, into: { description: Prose[]; links: Link[] }): void {
  if (n.text) into.description.push({ text: n.text, markdown: escapeMarkdown(n.text) });
  if (n.url) into.links.push({ title: cleanTitle(n.text).title, url: n.url });
  appendAll(into.links, n.links);
  for (const c of n.children) absorb(c, into);
}

const joinGroup = (outer: string | undefined, inner: string): string | undefined => (inner ? (outer ? `${outer} › ${inner}` : inner) : outer);

/** Reads the topics of one section from the chosen source. */
export function topicDrafts(nodes: readonly OutlineNode[], source: TopicSource, sink: { description: Prose[]; links: Link[] }, group?: string): TopicDraft[] {
  const out: TopicDraft[] = [];
  for (const n of nodes) {
    if (n.toc) continue;
    if (isHeading(n)) {
      if (source === 'headings') {
        const own = { description: [...n.description], links: [...n.links] };
        const kids = topicDrafts(n.children, source, own);
        out.push({ node: n, description: own.description, links: own.links, children: kids });
        continue;
      }
      const own = { description: [...n.description], links: [...n.links] };
      const kids = topicDrafts(n.children, source, own);
      if (kids.length > 0 && namesTopic(n, kids)) {
        // As in the inferred reading: a sub-heading over plain or numbered topics is their parent, over links a label.
        out.push({ node: n, description: own.description, links: own.links, children: kids, ...(group ? { group } : {}) });
      } else {
        const name = joinGroup(group, n.text);
        for (const k of kids) {
          const inner = k.group ? (name ? `${name} › ${k.group}` : k.group) : name;
          if (inner) k.group = inner;
        }
        appendAll(out, kids);
      }
      continue;
    }
    const wanted = source === 'items' ? isListItem(n) : source === 'rows' ? isRow(n) : source === 'tasks' ? n.checked !== undefined : false;
    // Resources stay resources in any reading: a link with a type marker (📖, :book:, (video)), a "Book:" bullet.
    const resource = n.checked === undefined && ((n.children.length === 0 && n.marker === true && (n.url !== undefined || n.links.length > 0)) || (labelled(n) && !hasBox(n)));
    if (wanted && n.text && !resource) {
      const own = draftOf(n, [], group);
      own.children = topicDrafts(n.children, source, own);
      out.push(own);
    } else if (source === 'tasks' && n.kind === 'item' && n.children.some((c) => c.checked !== undefined || c.children.length > 0)) {
      // Not a box itself, but boxes hang below it: they keep their place, grouped under it.
      appendAll(out, topicDrafts(n.children, source, sink, joinGroup(group, n.text)));
    } else if (source !== 'headings' || n.kind === 'item') absorb(n, sink);
  }
  return out;
}

/** Whether a task box sits anywhere below a node. */
function hasBox(n: OutlineNode): boolean {
  return n.children.some((c) => c.checked !== undefined || hasBox(c));
}

/** How many topics a reading of these nodes gives, every depth. */
function count(drafts: readonly TopicDraft[]): number {
  return drafts.reduce((n, d) => n + 1 + count(d.children), 0);
}

/** One section read with one topic source: its topic drafts, and the text and links that are not topics. */
interface SectionRead {
  section: SectionNode;
  sink: { description: Prose[]; links: Link[] };
  drafts: TopicDraft[];
}

/**
 * The sections a section source names, read once per topic source: choosing the source (autoTopics), leaving out
 * the empty sections at the edges and building the sections all use that one reading. (A reading's drafts do not
 * depend on what its sink already holds, so one read serves all three.)
 */
export class SectionReadings {
  private readonly reads = new Map<TopicSource, SectionRead[]>();

  constructor(readonly sections: readonly SectionNode[]) {}

  read(source: TopicSource): SectionRead[] {
    let reads = this.reads.get(source);
    if (!reads) {
      reads = this.sections.map((section) => {
        const sink = { description: [...section.node.description], links: [...section.node.links] };
        return { section, sink, drafts: topicDrafts(section.children, source, sink) };
      });
      this.reads.set(source, reads);
    }
    return reads;
  }
}

/** The topic source that reads the most from these sections, preferring boxes when most items are boxes. */
export function autoTopics(sections: SectionReadings): TopicSource {
  const totals = new Map<TopicSource, number>();
  for (const source of TOPIC_SOURCES) {
    totals.set(source, sections.read(source).reduce((n, r) => n + count(r.drafts), 0));
  }
  const tasks = totals.get('tasks') ?? 0;
  const items = totals.get('items') ?? 0;
  if (tasks > 0 && tasks * 2 >= items) return 'tasks';
  const ranked = (['items', 'rows', 'headings'] as const).filter((s) => (totals.get(s) ?? 0) > 0);
  return ranked[0] ?? 'items';
}

/** Sections at the start or end that hold no topics under this reading: they join the overview, as in the inferred one. */
function trimEmptyEdges(reads: readonly SectionRead[]): SectionRead[] {
  const holds = reads.map((r) => r.drafts.length > 0);
  const first = holds.indexOf(true);
  if (first < 0) return [...reads];
  return reads.slice(first, holds.lastIndexOf(true) + 1);
}

/** Sections with ids, numbers and topics for an explicit reading of the document. */
export function buildExplicitSections(all: SectionReadings, source: TopicSource, warnings: ParseWarning[]): Section[] {
  const slugs = new SlugAllocator();
  const reads = trimEmptyEdges(all.read(source));
  const kept = new Set(reads.map((r) => r.section));
  for (const s of all.sections) {
    if (!kept.has(s)) warnings.push({ kind: 'empty-section', message: `"${cleanTitle(s.node.text).title}" holds no ${source} before the first or after the last section that does: left out`, line: s.node.line });
  }
  return reads.map(({ section: s, sink, drafts }, i) => {
    const clean = cleanTitle(s.node.text);
    const id = slugs.take(slugFor(clean.title, s.node.url));
    const number = String(i + 1);
    const topics = buildTopics(drafts, id, number, warnings);
    const seen = new Set<string>();
    const links = sink.links.filter((l) => l.url && !l.url.startsWith('#') && !seen.has(l.url) && seen.add(l.url));
    if (s.node.kind === 'item' && s.node.url) links.unshift({ title: clean.title, url: s.node.url });
    const section: Section = { id, number, title: clean.title, links, topics, line: s.node.line };
    const order = clean.order ?? s.node.order;
    if (order) section.order = order;
    if (clean.icon) section.icon = clean.icon;
    if (hasProse(sink)) section.description = proseText(sink.description);
    if (topics.length === 0) warnings.push({ kind: 'empty-section', message: `section "${clean.title}" has no topics`, line: s.node.line });
    return section;
  });
}
