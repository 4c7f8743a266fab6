import { outlineNode, type OutlineNode } from './outline/node.js';
import { cleanTitle, isNumberedTitle } from './title.js';
import { collect, PROSE_HEADING, type Sink, type TopicDraft } from './topics.js';
import { RESOURCE_HEADING, RESOURCE_WORDS } from './vocabulary.js';

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
  const { items, boxes } = boxCounts(n);
  return boxes >= least && boxes >= items * share;
}

interface BoxCount {
  items: number;
  boxes: number;
}

/**
 * Counts of headings and groups (and the root), kept: the whole document is counted first, then each section is
 * asked about again. The outline is complete by then (boilerplate dropped), and nothing changes its children after.
 */
const boxCountsOf = new WeakMap<OutlineNode, BoxCount>();

/** List items below `n` and how many of them are task boxes, tables of contents left out. */
function boxCounts(n: OutlineNode): BoxCount {
  const known = n.kind === 'item' ? undefined : boxCountsOf.get(n);
  if (known) return known;
  let items = 0;
  let boxes = 0;
  const kids = n.children;
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i] as OutlineNode;
    if (c.toc) continue;
    if (c.kind === 'item') {
      items++;
      if (c.checked !== undefined) boxes++;
    }
    if (c.children.length > 0) {
      const below = boxCounts(c);
      items += below.items;
      boxes += below.boxes;
    }
  }
  const count = { items, boxes };
  if (n.kind !== 'item') boxCountsOf.set(n, count);
  return count;
}

/** Whether a heading is titled as resources ("Additional resources", "Books"). */
export function isResourceTitled(n: OutlineNode): boolean {
  return n.kind !== 'item' && RESOURCE_HEADING.test(cleanTitle(n.text).title);
}

/** Reads nodes as sections once each; choosing the section level asks about the same nodes several times. */
export class SectionReader {
  private readonly cache = new Map<OutlineNode, SectionRead>();
  private readonly appendices = new Set<OutlineNode>();
  private readonly plain = new Set<OutlineNode>();

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

  /** Reads a part without a single box as plain topics, in a document that is a checklist otherwise. */
  markPlain(n: OutlineNode): void {
    if (this.plain.has(n) || boxCounts(n).boxes > 0) return;
    this.plain.add(n);
    this.cache.delete(n);
  }

  read(n: OutlineNode): SectionRead {
    const hit = this.cache.get(n);
    if (hit) return hit;
    const appendix = this.appendices.has(n);
    const sink: Sink = { description: n.description.slice(), links: n.links.slice(), resources: 0 };
    // A document that is not a checklist overall can still have a section that is one.
    // A numbered step without any box in a checklist (the last stage of a plan, written as plain bullets) still lists topics.
    const checklist = (this.checklist && !this.plain.has(n) && !(isNumbered(n) && !isChecklist(n, 0, 1))) || isChecklist(n, 0.5);
    const scope = { checklist, article: this.article, resources: appendix, prose: n.proseChars >= PROSE_HEADING && !namesTopics(n), depth: 0, topicHeading: false };
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
  /** The decisions taken, in words, for `validate --explain`. */
  reasons: string[];
}

export function isSectionLike(n: OutlineNode): boolean {
  return n.kind === 'heading' || n.kind === 'group';
}

/** A numbering such as "1.", "Phase 2:" or "Bonus:" in front of a title. */
export function isNumbered(n: OutlineNode): boolean {
  return isNumberedTitle(n.text);
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
export function sequenceScope(sections: OutlineNode[], reader: SectionReader): { kept: OutlineNode[]; out: OutlineNode[] } {
  const numbered = sections.map(isNumbered);
  const count = numbered.filter(Boolean).length;
  if (sections.length < 3 || count < 3 || count * 2 < sections.length) return { kept: sections, out: [] };
  const first = numbered.indexOf(true);
  const last = numbered.lastIndexOf(true);
  const run = sections.slice(first, last + 1);
  const edges = [...sections.slice(0, first), ...sections.slice(last + 1)];
  if (edges.length === 0) return { kept: sections, out: [] };
  // A part whose topics have the form of the numbered parts' topics continues the series: rows of a table with the
  // same columns ("Final days" after "Week 1" to "Week 4", each a Day | Topic | Practice table), or task boxes
  // ("Stretch goals" after "Milestone 1" to "Milestone 5"). Plain lists after a numbered run are notes or links.
  const columns = new Set(run.flatMap((s) => topicForms(reader.read(s).topics)));
  const after = new Set(sections.slice(last + 1));
  const out = edges.filter((s) => {
    if (after.has(s) && namesTopics(s, Infinity)) {
      // In a checklist, a last part of plain bullets without a box ("Project ideas") lists topics all the same.
      if (reader.checklist && !reader.holds(s)) reader.markPlain(s);
      if (reader.holds(s)) return false;
    }
    const own = topicForms(reader.read(s).topics);
    return own.length === 0 || !own.every((c) => columns.has(c));
  });
  return { kept: sections.filter((s) => !out.includes(s)), out };
}

/**
 * The form of each of `topics` when all are rows of a table or task boxes: a row's columns ("Day|Practice"), or "[ ]"
 * for a box; none when any topic is something else (a plain item, a heading).
 */
function topicForms(topics: readonly TopicDraft[]): string[] {
  const keys: string[] = [];
  for (const t of topics) {
    if (t.node.origin === 'table') keys.push(Object.keys(t.node.attrs ?? {}).join('|'));
    else if (t.node.kind === 'item' && t.node.checked !== undefined) keys.push('[ ]');
    else return [];
  }
  return keys;
}

/** A heading with nothing a reader would miss as a section: no topics, little prose. */
function quiet(n: OutlineNode, reader: SectionReader): boolean {
  return reader.read(n).appendix || (!reader.holds(n) && n.proseChars < 60 && !n.children.some(isSectionLike));
}

/** Chooses the nodes that are sections: the shallowest heading level with two or more headings holding topics. */
export function pickSections(container: OutlineNode, reader: SectionReader, targets: ReadonlySet<OutlineNode>): Picked {
  const leftOut: LeftOut[] = [];
  const descended: OutlineNode[] = [];
  const reasons: string[] = [];
  let current = container;
  for (;;) {
    const scoped = tocScope(current.children.filter(isSectionLike), targets, reader);
    for (const node of scoped.out) leftOut.push({ node, why: 'outside the part the table of contents lists' });
    if (scoped.out.length) reasons.push(`${scoped.out.length} part${scoped.out.length === 1 ? '' : 's'} outside what the table of contents lists went to the overview`);
    const heads = scoped.kept;
    let holders = heads.filter((h) => reader.holds(h));
    if (holders.some((h) => !isResourceTitled(h)) && !isDirectory(holders.filter((h) => !isResourceTitled(h)), reader)) {
      for (const h of heads) if (isResourceTitled(h)) reader.markAppendix(h);
      holders = holders.filter((h) => !isResourceTitled(h));
    }
    const items = current.children.filter((c) => c.kind === 'item' && !c.toc);
    const loose = items.length > 0 && collect(items, { checklist: reader.checklist, article: reader.article, resources: false, prose: false, depth: 0, topicHeading: false }, { description: [], links: [], resources: 0 }).length > 0;
    if (holders.length === 0) {
      // No heading holds topics: lists named by label lines of their own ("**Month 1: Foundations**") are the parts.
      const host = [current, ...heads].find((h) => labelParts(h) !== undefined);
      const parts = host && labelParts(host);
      if (host && parts) {
        for (const h of heads) if (h !== host) leftOut.push({ node: h, why: 'beside the one part that holds the topics' });
        if (host !== current) descended.push(host);
        reasons.push(`${parts.length} lists each follow a label line of their own${host === current ? '' : ` under "${cleanTitle(host.text).title}"`}: those lines name the sections`);
        return finish(parts, leftOut, { descended, reasons }, reader, targets);
      }
      const grouped = columnParts(current);
      if (grouped) {
        reasons.push(`one table holds the topics, and its "${grouped.column}" column groups its rows: each value is a section`);
        return finish(grouped.parts, leftOut, { descended, reasons }, reader, targets);
      }
    }
    const only = holders[0];
    if (holders.length === 1 && only && !loose && heads.every((h) => h === only || quiet(h, reader) || edgeScope([only, h].sort((a, b) => a.line - b.line), reader, NO_TARGETS).out.includes(h))) {
      // Everything sits under one heading: go down a level.
      for (const h of heads) if (h !== only) leftOut.push({ node: h, why: 'beside the one part that holds the topics' });
      descended.push(only);
      reasons.push(`everything to study sits under "${cleanTitle(only.text).title}": its parts are read as the sections`);
      current = only;
      continue;
    }
    if (holders.length > 0) {
      const level = sectionLevel(holders);
      const sections = heads.filter((h) => h.level === level);
      for (const h of heads) if (h.level !== level && h.line < (sections[0]?.line ?? 0)) leftOut.push({ node: h, why: 'before the first section' });
      const looseNode: OutlineNode = { ...current, kind: 'heading', children: items, text: current.text || 'Topics' };
      reasons.push(`sections are the ${levelName(level)} (the shallowest level where at least two headings hold topics)${loose ? ', after a section for the list above them' : ''}`);
      return finish(loose ? [looseNode, ...sections] : sections, leftOut, { descended, reasons }, reader, targets);
    }
    if (loose) {
      // A single outline list: its top-level items are the sections when most of them hold children.
      const parents = items.filter((i) => i.children.length > 0);
      const sections = items.length >= 2 && parents.length * 2 >= items.length ? items : [current];
      reasons.push(sections === items ? 'one outline list holds the roadmap: its top-level items are the sections' : 'one list holds the topics: it is one section');
      return finish(sections, leftOut, { descended, reasons }, reader, targets);
    }
    if (current !== container || current.kind !== 'root') {
      if (reader.read(current).selfTopic) {
        reasons.push('one heading teaches one topic (prose and resources): it is the only section and topic');
        return finish([current], leftOut, { descended, reasons }, reader, targets);
      }
    }
    const pictured = heads.filter((h) => h.images > 0);
    const level = pictured.length >= 2 ? sectionLevel(pictured) : undefined;
    reasons.push(level === undefined ? 'no heading, list or table holds topics' : 'no part holds topics, but headings show pictures: they are the sections');
    return finish(level === undefined ? [] : pictured.filter((h) => h.level === level), leftOut, { descended, reasons }, reader, targets);
  }
}

function sectionLevel(nodes: OutlineNode[]): number {
  const counts = new Map<number, number>();
  for (const n of nodes) counts.set(n.level, (counts.get(n.level) ?? 0) + 1);
  const levels = [...counts.keys()].sort((a, b) => a - b);
  return levels.find((l) => (counts.get(l) ?? 0) >= 2) ?? levels[0] ?? 1;
}

function levelName(level: number): string {
  return Number.isInteger(level) ? `level-${level} headings` : '`<details>` blocks';
}

function finish(sections: OutlineNode[], leftOut: LeftOut[], steps: { descended: OutlineNode[]; reasons: string[] }, reader: SectionReader, targets: ReadonlySet<OutlineNode>): Picked {
  const title = (n: OutlineNode): string => `"${cleanTitle(n.text).title}"`;
  const seq = sequenceScope(sections, reader);
  for (const node of seq.out) leftOut.push({ node, why: 'outside the numbered parts' });
  if (seq.out.length) steps.reasons.push(`most sections are numbered: ${seq.out.map(title).join(', ')} outside the numbered run went to the overview`);
  const edges = edgeScope(seq.kept, reader, targets);
  for (const node of edges.out) leftOut.push({ node, why: EDGE_WHY });
  if (edges.out.length) steps.reasons.push(`${edges.out.map(title).join(', ')} ${edges.out.length === 1 ? 'holds' : 'hold'} no topics before the first or after the last section with topics: in the overview`);
  return { sections: edges.kept, leftOut, ...steps };
}

/** Why a section at the start or end of the roadmap was left out. */
export const EDGE_WHY = 'holds no topics (prose or notes only)';

/**
 * Sections around the roadmap that hold nothing to study: before the first section with topics, those without
 * topics or resources (an introduction, "Why use it?"); after the last one, those without topics (notes, credits, a
 * summary table). They join the overview, unless the document's table of contents lists them as parts of its body.
 * Empty sections between two sections with topics stay, with a warning: they are part of the sequence.
 */
export function edgeScope(sections: OutlineNode[], reader: SectionReader, targets: ReadonlySet<OutlineNode>): { kept: OutlineNode[]; out: OutlineNode[] } {
  const holds = sections.map((s) => reader.holds(s));
  const first = holds.indexOf(true);
  if (first < 0) return { kept: sections, out: [] };
  const last = holds.lastIndexOf(true);
  const out = new Set<OutlineNode>();
  sections.forEach((s, i) => {
    const read = reader.read(s);
    if (targets.has(s)) return;
    if (i < first && !read.appendix && (read.sink.resources ?? 0) === 0) out.add(s);
    if (i > last) out.add(s);
  });
  return { kept: sections.filter((s) => !out.has(s)), out: sections.filter((s) => out.has(s)) };
}

/** No heading counts as listed by a table of contents. */
const NO_TARGETS: ReadonlySet<OutlineNode> = new Set();

/**
 * The parts of a node whose lists are each introduced by a label line of their own ("**Month 1: Foundations**",
 * "Week 2:", a plan written without headings): two or more such labels, none naming resources, the first before the first item,
 * and the labelled items at least half of the node's items. Each part is a group titled by its label, holding the
 * items from its list up to the next label; undefined when the node is not written that way. Parts are read once
 * per node, and made only when asked for (the nodes are new, so a reader caches them like any other).
 */
function labelParts(n: OutlineNode): OutlineNode[] | undefined {
  const known = partsOf.get(n);
  if (known !== undefined || partsOf.has(n)) return known;
  const items = n.children.filter((c) => c.kind === 'item' && !c.toc);
  const labels = items.map((item) => (item.label !== undefined && !RESOURCE_WORDS.test(item.label) ? item.label : undefined));
  const labelled = labels.filter((l) => l !== undefined).length;
  const parts =
    labels[0] === undefined || labelled * 2 < items.length
      ? undefined
      : groupRuns(n, items, (_, i) => labels[i], (label) => label.replace(/\s*[:：]\s*$/u, ''), (item) => ({ ...item, label: undefined }));
  const found = parts && parts.length >= 2 ? parts : undefined;
  partsOf.set(n, found);
  return found;
}
const partsOf = new WeakMap<OutlineNode, OutlineNode[] | undefined>();

/**
 * A link directory (awesome style): most topics of the parts not titled as resources are links themselves. There a
 * part titled "Books" or "Videos" is one more category of links, not the resources of the parts beside it.
 */
function isDirectory(parts: readonly OutlineNode[], reader: SectionReader): boolean {
  let topics = 0;
  let links = 0;
  const count = (drafts: readonly TopicDraft[]): void => {
    for (const d of drafts) {
      if (d.node.kind === 'item') {
        topics++;
        if (d.node.url !== undefined || d.node.linkFirst === true) links++;
      }
      count(d.children);
    }
  };
  for (const p of parts) count(reader.read(p).topics);
  return topics >= 10 && links * 10 >= topics * 8;
}

/**
 * Whether the lists right under a part read as topics, whatever prose introduces them: three or more items, nearly
 * all short phrases rather than sentences ("IAM policies", not "Remember to set a billing alarm."). A part with a
 * paragraph of introduction, then a list of such items, lists its topics; a part whose list explains its prose
 * holds sentences.
 */
function namesTopics(n: OutlineNode, longest = 60): boolean {
  let items = 0;
  let phrases = 0;
  for (const c of n.children) {
    if (c.kind !== 'item' || c.toc) continue;
    items++;
    if (c.text.length <= longest && !/[.!?。]$/u.test(c.text)) phrases++;
  }
  return items >= 3 && phrases * 4 >= items * 3;
}

/**
 * The rows of the one table a node holds, grouped by a column that names their part (`Section | Topic | Resource`,
 * "Linux" on three rows, then "Networking" on three): four or more rows, and a column whose values are all filled,
 * two or more, at most one for every two rows, each on rows next to each other. Each value is a group holding its
 * rows, which keep their other columns. Undefined when the node holds anything else or no column groups its rows.
 */
function columnParts(n: OutlineNode): { column: string; parts: OutlineNode[] } | undefined {
  const rows = n.children.filter((c) => c.kind === 'item' && !c.toc);
  const table = rows[0]?.table;
  if (rows.length < 4 || table === undefined || rows.some((r) => r.origin !== 'table' || r.table !== table)) return undefined;
  for (const column of Object.keys(rows[0]?.attrs ?? {})) {
    const values = rows.map((r) => r.attrs?.[column] ?? '');
    if (values.some((v) => !v)) continue;
    const runs: string[] = [];
    for (const v of values) if (v !== runs[runs.length - 1]) runs.push(v);
    if (runs.length < 2 || runs.length * 2 > rows.length || new Set(runs).size !== runs.length) continue;
    const parts = groupRuns(n, rows, (_, i) => values[i], (value) => value, (row) => {
      const rest = Object.fromEntries(Object.entries(row.attrs ?? {}).filter(([key]) => key !== column));
      return { ...row, attrs: Object.keys(rest).length ? rest : undefined };
    });
    return { column, parts };
  }
  return undefined;
}

/**
 * Items gathered into groups below `n`, one per run of the same key: a group starts at each item whose key differs
 * from the last key seen, is titled from that key, and holds the items (as `copy` makes them) up to the next such
 * item; an item without a key joins the group before it.
 */
function groupRuns(
  n: OutlineNode,
  items: readonly OutlineNode[],
  keyOf: (item: OutlineNode, index: number) => string | undefined,
  titleOf: (key: string) => string,
  copy: (item: OutlineNode) => OutlineNode,
): OutlineNode[] {
  const groups: OutlineNode[] = [];
  let last: string | undefined;
  items.forEach((item, i) => {
    const key = keyOf(item, i);
    if (key !== undefined && key !== last) {
      last = key;
      groups.push(outlineNode('group', n.level + 0.5, titleOf(key), item.line));
    }
    groups[groups.length - 1]?.children.push(copy(item));
  });
  return groups;
}
