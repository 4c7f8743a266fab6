import type { OutlineNode, Prose } from './outline/node.js';
import { escapeMarkdown } from './inline.js';
import { cleanTitle, isNumberedTitle, type CleanTitle } from './title.js';
import type { Link } from '../types.js';
import { LABEL_HEADING, RESOURCE_HEADING, RESOURCE_LABEL, RESOURCE_WORDS, TASK_LABEL } from './vocabulary.js';
import { appendAll } from '../append.js';

/** A topic before ids and numbers are given. */
export interface TopicDraft {
  node: OutlineNode;
  /** A title other than the node's text, when the node's title was split wrongly for a topic. */
  title?: string;
  description: Prose[];
  links: Link[];
  children: TopicDraft[];
  /** The heading or label it was listed under, when that grouping is not a topic itself. */
  group?: string;
  /** The node's text cleaned, when reading it already took that (a heading, an item over others): not cleaned twice. */
  clean?: Readonly<CleanTitle>;
}

/** Where text and links that are not topics go: the enclosing topic or section. */
export interface Sink {
  description: Prose[];
  links: Link[];
  /** Links that came from resource lists, so the parent is something to study. */
  resources?: number;
}

/** How to read the nodes below a section. */
export interface Scope {
  /** The document is a task checklist: only boxes (and table rows, drawn checklists) are topics. */
  checklist: boolean;
  /** Inside a resources heading or label: items are links to study from. */
  resources: boolean;
  /** Inside a heading with real prose: plain lists explain it rather than list topics. */
  prose: boolean;
  /** The document is written as an article (most headings carry prose): headings are its topics, lists explain them. */
  article: boolean;
  /** Headings below the section, to bound how deep heading topics go. */
  depth: number;
  /** The parent heading teaches one topic: link-only items are its resources. */
  topicHeading: boolean;
}

/** Characters of prose that make a heading an explanation rather than a container. */
export const PROSE_HEADING = 200;
const MAX_HEADING_DEPTH = 2;

/** Whether a node is a topic because the file says so: a task box, a table row, a line of a drawn checklist. */
export function isExplicit(n: OutlineNode): boolean {
  return n.checked !== undefined || n.origin === 'table' || n.origin === 'code';
}

const explicitBelow = new WeakMap<OutlineNode, boolean>();

function hasExplicit(n: OutlineNode): boolean {
  // Leaves, most nodes, need no entry in the map.
  if (n.children.length === 0) return false;
  let known = explicitBelow.get(n);
  if (known === undefined) {
    known = n.children.some((c) => !c.toc && (isExplicit(c) || hasExplicit(c)));
    explicitBelow.set(n, known);
  }
  return known;
}

function flatText(n: OutlineNode, out: string[], links: Link[]): void {
  if (n.text) out.push(n.text);
  for (let i = 0; i < n.description.length; i++) {
    const p = n.description[i] as Prose;
    if (p.text) out.push(p.text);
  }
  if (n.url) links.push({ title: cleanTitle(n.text).title, url: n.url });
  appendAll(links, n.links);
  for (let i = 0; i < n.children.length; i++) {
    const c = n.children[i] as OutlineNode;
    if (!c.toc) flatText(c, out, links);
  }
}

/**
 * A node that explains its parent, as Markdown: a list item stays a list item (its prose after its title, its code
 * set apart, its children nested), a heading becomes a bold lead-in followed by its prose and code in order.
 */
function flatMarkdown(n: OutlineNode, indent = ''): string {
  const item = n.kind === 'item';
  // A bare item (most of them: a link, a line of text) is just its line, with no lists to make for it.
  if (item && n.children.length === 0 && n.description.length === 0) return `${indent}- ${n.text ? escapeMarkdown(n.text) : ''}`;
  const kids = n.children.filter((c) => !c.toc);
  const below = kids.map((c) => flatMarkdown(c, item ? `${indent}  ` : indent)).join(kids.every((c) => c.kind === 'item') ? '\n' : '\n\n');
  const title = n.text ? escapeMarkdown(n.text) : '';
  const at = (markdown: string, pad: string): string => markdown.split('\n').map((l) => (l ? pad + l : l)).join('\n');
  if (!item) return [title && `${indent}**${title}**`, ...n.description.map((p) => at(p.markdown, indent)), below].filter(Boolean).join('\n\n');
  const head = [title, ...n.description.filter((p) => p.text).map((p) => p.markdown.replace(/\s*\n\s*/g, ' '))].filter(Boolean).join(' — ');
  const code = n.description.filter((p) => !p.text).map((p) => at(p.markdown, `${indent}  `));
  return [[`${indent}- ${head}`, ...code].join('\n\n'), below].filter(Boolean).join('\n');
}

function toSink(n: OutlineNode, sink: Sink, asResource: boolean): void {
  const before = sink.links.length;
  const text: string[] = [];
  flatText(n, text, sink.links);
  const added = sink.links.length - before;
  if (asResource && added > 0) sink.resources = (sink.resources ?? 0) + added;
  else if (text.length) sink.description.push({ text: text.join(' — '), markdown: flatMarkdown(n) });
}

function resourceLabel(label: string | undefined): boolean {
  return label !== undefined && RESOURCE_WORDS.test(label);
}

function isResource(n: OutlineNode, scope: Scope): boolean {
  if (hasExplicit(n)) return false;
  if (scope.resources || resourceLabel(n.label)) return true;
  if (n.children.length > 0) return false;
  if (n.marker && (n.url !== undefined || n.links.length > 0)) return true;
  return scope.topicHeading && n.linkOnly === true;
}

/** A bullet labelled with a kind of study material (`**Book**: …`, `Course: …`): a resource of the item above. */
export function labelled(n: OutlineNode): boolean {
  // Most items have no label: no pattern to run (an empty label never matches one).
  const label = labelOf(n);
  // "📘 Book: …": an icon in front of the label is not part of it.
  return label !== undefined && label !== '' && (RESOURCE_LABEL.test(label) || (label.charCodeAt(0) >= 0x80 && RESOURCE_LABEL.test(cleanTitle(label).title)));
}

/** The label a bullet starts with: its bold term, or a few words before a colon. */
function labelOf(n: OutlineNode): string | undefined {
  if (n.term) return n.text;
  // Most items hold no colon at all: no pattern to run for them.
  if (!n.text.includes(':') && !n.text.includes('：')) return undefined;
  return /^([^:：]{1,24})[:：]\s*\S/u.exec(n.text)?.[1]?.trim();
}

/**
 * A draft of a node. Its prose and links are copies, as text from below may be added to them; `share` says nothing
 * will be (a leaf outside a checklist, where no note joins the box before it, and not a term whose lead prose moves
 * into its title): the node's own arrays then serve, unchanged, and most topics make no copies.
 */
function draft(n: OutlineNode, group: string | undefined, share: boolean): TopicDraft {
  const d: TopicDraft = { node: n, description: share ? n.description : n.description.slice(), links: share ? n.links : n.links.slice(), children: [] };
  const label = n.label !== undefined && !resourceLabel(n.label) ? n.label.replace(/\s*[:：]\s*$/u, '') : undefined;
  const g = group ?? label;
  if (g) d.group = g;
  return d;
}

/** Reads the children of a section or topic into topic drafts; whatever is not a topic goes to `sink`. */
export function collect(nodes: readonly OutlineNode[], scope: Scope, sink: Sink, group?: string): TopicDraft[] {
  const out: TopicDraft[] = [];
  // By index: for-of makes an iterator result per node in code not yet optimised (most of a first parse).
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as OutlineNode;
    if (n.toc) continue;
    const prev = out[out.length - 1];
    if (n.kind === 'item') appendAll(out, item(n, scope, sink, prev, group));
    else if (n.kind === 'heading' || n.kind === 'group') appendAll(out, heading(n, scope, sink, group));
  }
  return out;
}

function item(n: OutlineNode, scope: Scope, sink: Sink, prev: TopicDraft | undefined, group: string | undefined): TopicDraft[] {
  const explicit = isExplicit(n);
  if (!explicit && scope.checklist) {
    // Not a box in a checklist: a group when boxes hang below it, else a note on the box before it.
    const kids = collect(n.children, scope, prev ?? sink, joinGroup(group, n.text));
    if (kids.length === 0) toSink(n, prev ?? sink, false);
    return kids;
  }
  const clean = !explicit && n.children.length > 0 && !hasExplicit(n) ? cleanTitle(n.text) : undefined;
  if (clean && (RESOURCE_HEADING.test(clean.title) || (RESOURCE_LABEL.test(clean.title) && linkList(n.children)))) {
    // `- Resources:` with links below: a label item, like a resources heading; its links teach the parent.
    for (const c of n.children) toSink(c, sink, true);
    return [];
  }
  if (!explicit && n.children.every((c) => !isExplicit(c)) && labelled(n)) {
    // "**Book**: Deep Learning", "Course: CS50": a labelled sub-bullet resources the item above it, it is not a topic.
    toSink(n, sink, true);
    return [];
  }
  if (!explicit && isResource(n, scope)) {
    toSink(n, sink, true);
    return [];
  }
  if (!explicit && (scope.article || scope.prose || (n.prose && !n.linkFirst)) && !hasExplicit(n)) {
    toSink(n, sink, false);
    return [];
  }
  if (!explicit && !n.text) return collect(n.children, scope, sink, group);
  if (!explicit && n.headingItem) {
    // `- ### Arrays`: a heading written inside a list groups the items below it, like any heading.
    const kids = collect(n.children, scope, sink, joinGroup(group, n.text));
    if (kids.length) return kids;
  }
  const d = draft(n, group, !scope.checklist && n.children.length === 0 && !n.term);
  if (clean) d.clean = clean;
  const lead = n.term ? d.description.findIndex((p) => p.text !== '') : -1;
  if (lead >= 0 && TASK_LABEL.test(n.text)) {
    // "**Project**: Build a pipeline": the work is the title; the label stays in front of it.
    d.title = `${n.text}: ${d.description.splice(lead, 1)[0]?.text ?? ''}`;
  }
  if (n.children.length > 0) {
    const inner: Scope = { ...scope, prose: false, topicHeading: false };
    d.children = collect(n.children, inner, { description: d.description, links: d.links, resources: 0 });
  }
  return [d];
}

/** Items without children, most of them links: what a "Videos" or "Articles" label item holds. */
function linkList(nodes: readonly OutlineNode[]): boolean {
  let links = 0;
  for (const c of nodes) {
    if (c.children.length > 0) return false;
    if (c.url !== undefined || c.linkFirst === true) links++;
  }
  return links * 2 >= nodes.length;
}

function joinGroup(outer: string | undefined, inner: string): string | undefined {
  if (!inner) return outer;
  return outer ? `${outer} › ${inner}` : inner;
}

/** A topic "has links" when it is a link, or carries links to study from. */
function linked(d: TopicDraft): boolean {
  return d.node.url !== undefined || d.node.linkFirst === true || d.links.length > 0;
}

/**
 * Whether a heading over topics is a topic itself (their parent) rather than a category label on them. In an
 * outline of concepts ("Calculus" over "Derivatives", "Lesson 3" over its tasks) the heading names something to
 * learn; in a directory (links, courses with links, tasks carrying resources) it only files them. Numbered headings
 * ("Lesson 3", "Capítulo 2", "1.2") are steps of the outline either way.
 */
export function namesTopic(n: OutlineNode, kids: readonly TopicDraft[]): boolean {
  if (isNumberedTitle(n.text)) return true;
  const items = kids.filter((k) => k.node.kind === 'item');
  if (items.length === 0) return false;
  return items.filter(linked).length * 2 < items.length;
}

function heading(n: OutlineNode, scope: Scope, sink: Sink, group: string | undefined): TopicDraft[] {
  const clean = cleanTitle(n.text);
  const title = clean.title;
  // A numbered heading ("1.1 Intro") is a step of the outline, whatever its words.
  if (n.kind === 'heading' && LABEL_HEADING.test(title) && !isNumberedTitle(n.text)) {
    // "Goal: …", "Source(s) and further reading": describes the parent; its lists belong to the parent.
    if (/[:：]./u.test(title)) sink.description.push({ text: title, markdown: escapeMarkdown(title) });
    appendAll(sink.description, n.description);
    appendAll(sink.links, n.links);
    const resources = scope.resources || RESOURCE_WORDS.test(title);
    return collect(n.children, { ...scope, resources, prose: true }, sink, group);
  }
  if (scope.depth >= MAX_HEADING_DEPTH && !hasExplicit(n)) {
    toSink(n, sink, false);
    return [];
  }
  const self: Sink = { description: n.description.slice(), links: n.links.slice(), resources: 0 };
  const sub: Scope = {
    ...scope,
    depth: scope.depth + 1,
    prose: n.proseChars >= PROSE_HEADING,
    resources: scope.resources || RESOURCE_HEADING.test(title),
    topicHeading: false,
  };
  let kids = collect(n.children, sub, self);
  if (kids.length > 0 && kids.every((k) => k.node.linkOnly === true && k.children.length === 0 && !isExplicit(k.node))) {
    // Only bare links below a heading: the heading is the topic and the links teach it.
    Object.assign(self, { description: [...n.description], links: [...n.links], resources: 0 });
    kids = collect(n.children, { ...sub, topicHeading: true }, self);
  }
  const subTopicsOnly = kids.every((k) => k.node.kind !== 'item');
  const isGroup = kids.length > 0 && !(subTopicsOnly && n.proseChars >= PROSE_HEADING) && !namesTopic(n, kids);
  if (isGroup) {
    // A container of topics: they move up to the parent, remembering the heading they were listed under.
    appendAll(sink.description, self.description);
    appendAll(sink.links, self.links);
    const name = joinGroup(group, n.text);
    for (const k of kids) {
      const inner = k.group ? (name ? `${name} › ${k.group}` : k.group) : name;
      if (inner) k.group = inner;
    }
    return kids;
  }
  if (kids.length === 0 && (scope.resources || scope.checklist || !n.text)) {
    // Nothing to tick below it: in a checklist or a resources part, a heading is not a topic of its own.
    appendAll(sink.description, self.description);
    appendAll(sink.links, self.links);
    return [];
  }
  const d: TopicDraft = { node: n, description: self.description, links: self.links, children: kids, clean };
  if (group) d.group = group;
  return [d];
}
