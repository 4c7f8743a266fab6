import type { OutlineNode } from './outline/node.js';
import { cleanTitle } from './title.js';
import { collect, PROSE_HEADING, type Sink, type TopicDraft } from './topics.js';
import { RESOURCE_HEADING } from './vocabulary.js';

/** A node read as a section: its topics, what describes it, and whether it is one topic itself. */
export interface SectionRead {
  topics: TopicDraft[];
  sink: Sink;
  /** No topics below it, but prose and resources: the section teaches one topic (heading per topic). */
  selfTopic: boolean;
  /** A resources part ("Additional resources"): its content is links, never topics. */
  appendix: boolean;
}

/** A task checklist: at least `least` boxes, making up `share` of the list items below `n`, so only boxes are topics there. */
export function isChecklist(n: OutlineNode, share: number, least = 3): boolean {
  let items = 0;
  let boxes = 0;
  const visit = (node: OutlineNode): void => {
    for (const c of node.children) {
      if (c.toc) continue;
      if (c.kind === 'item') {
        items++;
        if (c.checked !== undefined) boxes++;
      }
      visit(c);
    }
  };
  visit(n);
  return boxes >= least && boxes >= items * share;
}

/** Whether a heading is titled as resources ("Additional resources", "Books"). */
export function isResourceTitled(n: OutlineNode): boolean {
  return n.kind !== 'item' && RESOURCE_HEADING.test(cleanTitle(n.text).title);
}

/** Reads nodes as sections once each; choosing the section level asks about the same nodes several times. */
export class SectionReader {
  private readonly cache = new Map<OutlineNode, SectionRead>();
  private readonly appendices = new Set<OutlineNode>();

  constructor(
    readonly checklist: boolean,
    readonly article = false,
  ) {}

  /** Marks resource-titled headings beside headings with topics: their content is links, not topics. */
  markAppendix(n: OutlineNode): void {
    if (this.appendices.has(n)) return;
    this.appendices.add(n);
    this.cache.delete(n);
  }

  read(n: OutlineNode): SectionRead {
    const hit = this.cache.get(n);
    if (hit) return hit;
    const appendix = this.appendices.has(n);
    const sink: Sink = { description: [...n.description], links: [...n.links], resources: 0 };
    // A document that is not a checklist overall can still have a section that is one.
    const scope = { checklist: this.checklist || isChecklist(n, 0.5), article: this.article, resources: appendix, prose: n.proseChars >= PROSE_HEADING, depth: 0, topicHeading: false };
    const topics = collect(n.children, scope, sink);
    const selfTopic = topics.length === 0 && !scope.checklist && !appendix && (sink.resources ?? 0) > 0;
    const read = { topics, sink, selfTopic, appendix };
    this.cache.set(n, read);
    return read;
  }

  /** Whether a node holds something to study as a section: topics, or itself as one topic. */
  holds(n: OutlineNode): boolean {
    const r = this.read(n);
    return !r.appendix && (r.topics.length > 0 || r.selfTopic);
  }
}

/** A part of the document left out of the sections, with the reason shown to the user. */
export interface LeftOut {
  node: OutlineNode;
  why: string;
}

/** The sections chosen, and the parts around them. */
export interface Picked {
  sections: OutlineNode[];
  leftOut: LeftOut[];
  /** Titles of the headings descended through ("everything sits under one heading"). */
  descended: OutlineNode[];
}

export function isSectionLike(n: OutlineNode): boolean {
  return n.kind === 'heading' || n.kind === 'group';
}

/** A numbering such as "1.", "Phase 2:" or "Bonus:" in front of a title. */
export function isNumbered(n: OutlineNode): boolean {
  const order = cleanTitle(n.text).order;
  return order !== undefined && (/\d/u.test(order) || /^(?:bonus|extra)/iu.test(order));
}

/**
 * A table of contents names the document's body: headings before its first entry are a preface. When it lists
 * (nearly) every heading, headings after its last entry that hold no topics are an appendix.
 */
export function tocScope(heads: OutlineNode[], targets: ReadonlySet<OutlineNode>, reader: SectionReader): { kept: OutlineNode[]; out: OutlineNode[] } {
  const hit = heads.map((h) => targets.has(h));
  const first = hit.indexOf(true);
  const last = hit.lastIndexOf(true);
  const count = hit.filter(Boolean).length;
  if (count < 2) return { kept: heads, out: [] };
  const complete = count / (last - first + 1) >= 0.8;
  const tail = heads.slice(last + 1);
  const tailOut = complete ? tail.filter((h) => !reader.holds(h)) : [];
  const kept = [...heads.slice(first, last + 1), ...tail.filter((h) => !tailOut.includes(h))];
  return { kept, out: [...heads.slice(0, first), ...tailOut] };
}

/** When most sections are numbered (Phase 1…6), unnumbered parts before or after the run are not sections. */
export function sequenceScope(sections: OutlineNode[]): { kept: OutlineNode[]; out: OutlineNode[] } {
  const numbered = sections.map(isNumbered);
  const count = numbered.filter(Boolean).length;
  if (sections.length < 3 || count < 3 || count * 2 < sections.length) return { kept: sections, out: [] };
  const first = numbered.indexOf(true);
  const last = numbered.lastIndexOf(true);
  return { kept: sections.slice(first, last + 1), out: [...sections.slice(0, first), ...sections.slice(last + 1)] };
}

/** A heading with nothing a reader would miss as a section: no topics, little prose. */
function quiet(n: OutlineNode, reader: SectionReader): boolean {
  return reader.read(n).appendix || (!reader.holds(n) && n.proseChars < 60 && !n.children.some(isSectionLike));
}

/** Chooses the nodes that are sections: the shallowest heading level with two or more headings holding topics. */
export function pickSections(container: OutlineNode, reader: SectionReader, targets: ReadonlySet<OutlineNode>): Picked {
  const leftOut: LeftOut[] = [];
  const descended: OutlineNode[] = [];
  let current = container;
  for (;;) {
    const scoped = tocScope(current.children.filter(isSectionLike), targets, reader);
    for (const node of scoped.out) leftOut.push({ node, why: 'outside the part the table of contents lists' });
    const heads = scoped.kept;
    let holders = heads.filter((h) => reader.holds(h));
    if (holders.some((h) => !isResourceTitled(h))) {
      for (const h of heads) if (isResourceTitled(h)) reader.markAppendix(h);
      holders = holders.filter((h) => !isResourceTitled(h));
    }
    const items = current.children.filter((c) => c.kind === 'item' && !c.toc);
    const loose = items.length > 0 && collect(items, { checklist: reader.checklist, article: reader.article, resources: false, prose: false, depth: 0, topicHeading: false }, { description: [], links: [], resources: 0 }).length > 0;
    const only = holders[0];
    if (holders.length === 1 && only && !loose && heads.every((h) => h === only || quiet(h, reader))) {
      // Everything sits under one heading: go down a level.
      for (const h of heads) if (h !== only) leftOut.push({ node: h, why: 'beside the one part that holds the topics' });
      descended.push(only);
      current = only;
      continue;
    }
    if (holders.length > 0) {
      const level = sectionLevel(holders);
      const sections = heads.filter((h) => h.level === level);
      for (const h of heads) if (h.level !== level && h.line < (sections[0]?.line ?? 0)) leftOut.push({ node: h, why: 'before the first section' });
      const looseNode: OutlineNode = { ...current, kind: 'heading', children: items, text: current.text || 'Topics' };
      return finish(loose ? [looseNode, ...sections] : sections, leftOut, descended);
    }
    if (loose) {
      // A single outline list: its top-level items are the sections when most of them hold children.
      const parents = items.filter((i) => i.children.length > 0);
      const sections = items.length >= 2 && parents.length * 2 >= items.length ? items : [current];
      return finish(sections, leftOut, descended);
    }
    if (current !== container || current.kind !== 'root') {
      if (reader.read(current).selfTopic) return finish([current], leftOut, descended);
    }
    const pictured = heads.filter((h) => h.images > 0);
    const level = pictured.length >= 2 ? sectionLevel(pictured) : undefined;
    return finish(level === undefined ? [] : pictured.filter((h) => h.level === level), leftOut, descended);
  }
}

function sectionLevel(nodes: OutlineNode[]): number {
  const counts = new Map<number, number>();
  for (const n of nodes) counts.set(n.level, (counts.get(n.level) ?? 0) + 1);
  const levels = [...counts.keys()].sort((a, b) => a - b);
  return levels.find((l) => (counts.get(l) ?? 0) >= 2) ?? levels[0] ?? 1;
}

function finish(sections: OutlineNode[], leftOut: LeftOut[], descended: OutlineNode[]): Picked {
  const seq = sequenceScope(sections);
  for (const node of seq.out) leftOut.push({ node, why: 'outside the numbered parts' });
  return { sections: seq.kept, leftOut, descended };
}
