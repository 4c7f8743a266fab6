import { proseMarkdown, proseText, type OutlineNode } from './outline/node.js';
import type { SectionReader } from './sections.js';
import { SlugAllocator, slugFor } from './slug.js';
import { cleanTitle, type CleanTitle } from './title.js';
import type { TopicDraft } from './topics.js';
import type { Link, ParseWarning, Section, Topic } from '../types.js';

/** Turns the chosen section nodes into sections with ids, numbers and topics, reporting what looks wrong. */
export function buildSections(nodes: readonly OutlineNode[], reader: SectionReader, warnings: ParseWarning[]): Section[] {
  const slugs = new SlugAllocator();
  const seen = new Map<string, number>();
  return bareNumbers(nodes.map((n) => cleanTitle(n.text))).map((clean, i) => {
    const n = nodes[i] as OutlineNode;
    const id = slugs.take(slugFor(clean.title, n.url));
    const number = String(i + 1);
    const read = reader.read(n);
    const links = dedupe(read.sink.links);
    if (n.kind === 'item' && n.url) links.unshift({ title: clean.title, url: n.url });
    let drafts = read.topics;
    if (read.selfTopic) {
      // A heading that teaches one thing (prose and resources, no list of topics) is its section's only topic.
      drafts = [{ node: n, description: read.sink.description, links, children: [] }];
    }
    const topics = buildTopics(drafts, id, number, warnings);
    const section: Section = { id, number, title: clean.title, links: read.selfTopic ? [] : links, topics, line: n.line };
    const order = clean.order ?? n.order;
    if (order) section.order = order;
    if (clean.icon) section.icon = clean.icon;
    const description = proseText(read.sink.description);
    if (description) section.description = description;
    if (topics.length === 0) {
      warnings.push({ kind: 'empty-section', message: `section "${clean.title}" has no topics`, line: n.line });
    }
    const key = clean.title.toLowerCase();
    const prev = seen.get(key);
    if (prev !== undefined) {
      warnings.push({ kind: 'duplicate-title', message: `section title "${clean.title}" is also used at line ${prev}`, line: n.line });
    } else seen.set(key, n.line);
    return section;
  });
}

/**
 * Display titles of siblings. When taking the numbering off makes two of them the same ("Week 1 Challenge" and "Week 2
 * Challenge" both "Challenge"), the numbering is what tells them apart, so it stays in their titles. `keys` gets each
 * title lowercased (what tells duplicates apart); the answer says whether any two keys are the same.
 */
function siblingTitles(drafts: readonly TopicDraft[], cleans: Array<Readonly<CleanTitle>>, keys: string[]): boolean {
  // Each title is cleaned and lowercased once; the usual list has no two alike, which one Set tells without counting.
  const distinct = new Set<string>();
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i] as TopicDraft;
    const clean = titleOf(d);
    const key = clean.title.toLowerCase();
    cleans.push(clean);
    keys.push(key);
    distinct.add(key);
  }
  if (distinct.size === keys.length) return false;
  const count = new Map<string, number>();
  for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  for (let i = 0; i < cleans.length; i++) {
    const c = cleans[i] as Readonly<CleanTitle>;
    if ((count.get(keys[i] as string) ?? 0) > 1 && c.order && !/^\p{Nd}+$/u.test(c.order)) {
      const title = `${c.order}: ${c.title}`;
      cleans[i] = { ...c, title };
      keys[i] = title.toLowerCase();
    }
  }
  return true;
}

/** A group as people read it: emoji off, numbering kept ("Week 1-2: Core Concepts"). */
function groupLabel(raw: string): string {
  return raw
    .split(' › ')
    .map((part) => {
      const clean = cleanTitle(part);
      return clean.order ? `${clean.order}: ${clean.title}` : clean.title;
    })
    .join(' › ');
}

/** In-page links (`#anchor`) navigate the file rather than teach; repeated urls are kept once. */
function dedupe(links: readonly Link[]): Link[] {
  if (links.length === 0) return [];
  if (links.length === 1) {
    // One link (the usual case): nothing to repeat, no set to make.
    const only = links[0] as Link;
    return !only.url || only.url.startsWith('#') ? [] : [only];
  }
  const seen = new Set<string>();
  return links.filter((l) => {
    if (!l.url || l.url.startsWith('#') || seen.has(l.url)) return false;
    seen.add(l.url);
    return true;
  });
}

/** Topics with ids and numbers below a section or topic with id `parentId` and number `parentNumber`. */
export function buildTopics(drafts: readonly TopicDraft[], parentId: string, parentNumber: string, warnings: ParseWarning[]): Topic[] {
  // Most topics have no subtopics: no allocator, maps or title lists for them.
  if (drafts.length === 0) return [];
  if (drafts.length === 1 && drafts[0]) return [onlyTopic(drafts[0], parentId, parentNumber, warnings)];
  const slugs = new SlugAllocator();
  const cleans: Array<Readonly<CleanTitle>> = [];
  const keys: string[] = [];
  // Titles only repeat after their numbering is taken off when two keys were alike (rare): only then is there a
  // duplicate to report.
  const seen = siblingTitles(drafts, cleans, keys) ? new Map<string, number>() : undefined;
  const topics: Topic[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i] as TopicDraft;
    const n = d.node;
    const clean = cleans[i] as Readonly<CleanTitle>;
    topics.push(topicOf(d, clean, `${parentId}/${slugs.take(slugFor(clean.title, n.url))}`, `${parentNumber}.${i + 1}`, warnings));
    if (!seen) continue;
    const key = keys[i] as string;
    const prev = seen.get(key);
    if (prev !== undefined) {
      warnings.push({ kind: 'duplicate-title', message: `"${clean.title}" appears twice under the same parent (also line ${prev})`, line: n.line });
    } else seen.set(key, n.line);
  }
  return topics;
}

/** A draft's title cleaned: its own title, or its node's text (cleaned already while it was read, for some). */
function titleOf(d: TopicDraft): Readonly<CleanTitle> {
  if (d.title !== undefined) return cleanTitle(d.title);
  return d.clean ?? cleanTitle(d.node.text);
}

/** The one topic below a parent (the usual case): its slug cannot be taken, its title not repeated. */
function onlyTopic(d: TopicDraft, parentId: string, parentNumber: string, warnings: ParseWarning[]): Topic {
  const clean = titleOf(d);
  return topicOf(d, clean, `${parentId}/${SlugAllocator.only(slugFor(clean.title, d.node.url))}`, `${parentNumber}.1`, warnings);
}

/** A topic with its id and number, and its subtopics below it. */
function topicOf(d: TopicDraft, clean: Readonly<CleanTitle>, id: string, number: string, warnings: ParseWarning[]): Topic {
  const n = d.node;
  const topic: Topic = { id, number, title: clean.title, links: dedupe(d.links), children: [], line: n.line };
  topic.children = buildTopics(d.children, id, number, warnings);
  const order = clean.order ?? n.order;
  if (order) topic.order = order;
  if (clean.icon) topic.icon = clean.icon;
  const description = proseText(d.description);
  if (description) topic.description = description;
  const markdown = proseMarkdown(d.description);
  if (markdown) topic.descriptionMarkdown = markdown;
  if (n.url && !n.url.startsWith('#')) topic.url = n.url;
  if (n.checked !== undefined) topic.checked = n.checked;
  if (n.attrs) topic.attrs = n.attrs;
  if (d.group) topic.group = groupLabel(d.group);
  return topic;
}

const BARE_NUMBER = /^(\p{Nd}{1,3})\s+(?=\S)/u;

/**
 * Titles numbered by a bare number and a space ("1 Network fundamentals", "2 Network access"): alone, "3D modelling"
 * or "100 days of code" read the same way, so only when three or more sections in a row are numbered 1, 2, 3… (or
 * from any start, one up each time) is the number their numbering. The titles with it moved to `order`, or the
 * titles as they are.
 */
function bareNumbers(titles: CleanTitle[]): CleanTitle[] {
  if (titles.length < 3 || titles.some((t) => t.order !== undefined)) return titles;
  const numbers = titles.map((t) => BARE_NUMBER.exec(t.title));
  const first = Number(numbers[0]?.[1]);
  if (!numbers.every((m, i) => m && Number(m[1]) === first + i)) return titles;
  return titles.map((t, i) => {
    const m = numbers[i] as RegExpExecArray;
    return { ...t, title: t.title.slice(m[0].length), order: m[1] as string };
  });
}
