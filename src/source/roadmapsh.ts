import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkSize } from '../core/parse/lex/limits.js';
import type { Link } from '../core/types.js';
import { SourceError } from './errors.js';
import { graphNodes, orderGraph } from './roadmapsh-graph.js';
import { appendAll } from '../core/append.js';

/**
 * A roadmap folder in roadmap.sh's public data layout (github.com/kamranahmedse/developer-roadmap), read into a
 * Markdown roadmap in the shape the parser reads best (the bundled roadmap's): one `##` section per topic of the main
 * path, the topic itself first and then its subtopics, each an item with its description and a "Resources:" list.
 *
 * Two layouts are read:
 * - current: `NAME/NAME.json` (the graph, see roadmapsh-graph.ts) and `NAME/content/slug@nodeId.md`, one per node;
 * - older: `NAME/content/NNN-group/NNN-topic.md` with an `index.md` per group (numbered names give the order).
 */

interface Item {
  title: string;
  description: string[];
  links: Link[];
  children: Item[];
}

interface Section {
  title: string;
  items: Item[];
}

export interface RoadmapShFolder {
  layout: 'graph' | 'folders';
  markdown: string;
  title: string;
}

/** Whether `dir` looks like a roadmap.sh roadmap folder (either layout). */
export function isRoadmapShFolder(dir: string): boolean {
  return graphFile(dir) !== undefined || numberedEntries(join(dir, 'content')).length > 0;
}

/** Reads a roadmap.sh folder into Markdown; a SourceError when it is neither layout. */
export function readRoadmapShFolder(dir: string): RoadmapShFolder {
  const meta = frontMatter(readText(join(dir, `${basename(dir)}.md`)) ?? '');
  const graph = graphFile(dir);
  let sections: Section[];
  let title = meta.title;
  let layout: RoadmapShFolder['layout'];
  if (graph) {
    const read = readGraph(dir, graph.doc);
    sections = read.sections;
    title ??= read.title;
    layout = 'graph';
  } else {
    const entries = numberedEntries(join(dir, 'content'));
    if (entries.length === 0) {
      throw new SourceError(`${dir} is a folder, but not a roadmap.sh roadmap folder`, `roadmap add reads a folder with NAME.json and content/ (roadmap.sh's src/data/roadmaps/NAME), or give the path of a Markdown file`);
    }
    sections = entries.map((e) => folderSection(join(dir, 'content', e)));
    layout = 'folders';
  }
  title ??= humanize(basename(dir));
  const markdown = toMarkdown(title, meta.description, sections);
  checkSize(Buffer.byteLength(markdown), dir);
  return { layout, title, markdown };
}

function graphFile(dir: string): { doc: unknown } | undefined {
  const own = join(dir, `${basename(dir)}.json`);
  const candidates = existsSync(own) ? [own] : listDir(dir).filter((n) => n.endsWith('.json')).map((n) => join(dir, n));
  for (const file of candidates) {
    const text = readText(file);
    if (text === undefined) continue;
    try {
      const doc = JSON.parse(text) as unknown;
      if (graphNodes(doc)) return { doc };
    } catch {
      // Not the graph: another JSON file in the folder.
    }
  }
  return undefined;
}

function readGraph(dir: string, doc: unknown): { sections: Section[]; title: string | undefined } {
  const graph = graphNodes(doc);
  if (!graph || graph.nodes.length === 0) throw new SourceError(`the roadmap.sh graph in ${dir} has no topics`, 'check that the folder is a roadmap folder (src/data/roadmaps/NAME)');
  const content = new Map<string, string>();
  for (const name of listDir(join(dir, 'content'))) {
    const m = /@([^@]+)\.md$/.exec(name);
    if (m?.[1]) content.set(m[1], join(dir, 'content', name));
  }
  const item = (id: string, label: string): Item => {
    const file = content.get(id);
    const page = file === undefined ? undefined : contentPage(readText(file) ?? '');
    return { title: label, description: page?.description ?? [], links: page?.links ?? [], children: [] };
  };
  const sections = orderGraph(graph.nodes, graph.edges).map((t) => ({
    title: t.node.label,
    items: [item(t.node.id, t.node.label), ...t.subtopics.map((s) => item(s.id, s.label))],
  }));
  return { sections, title: graph.title };
}

/** Numbered entries (`100-intro`, `101-basics.md`) of a folder in the older layout, in their order. */
function numberedEntries(dir: string): string[] {
  return listDir(dir)
    .filter((n) => /^\d+-/.test(n) && (n.endsWith('.md') || isDir(join(dir, n))))
    .sort((a, b) => Number(/^\d+/.exec(a)?.[0]) - Number(/^\d+/.exec(b)?.[0]) || a.localeCompare(b));
}

/** A group folder is a section (its index.md first, then its topics); a lone file is a section of one topic. */
function folderSection(path: string): Section {
  if (!isDir(path)) {
    const it = fileItem(path);
    return { title: it.title, items: [it] };
  }
  const head = fileItem(join(path, 'index.md'), basename(path));
  const items = numberedEntries(path).map((n) => folderItem(join(path, n)));
  return { title: head.title, items: head.description.length > 0 || head.links.length > 0 ? [head, ...items] : items };
}

/** Deeper folders than this are not read (a symbolic link to a parent folder would otherwise never end). */
const MAX_DEPTH = 8;

function folderItem(path: string, depth = 1): Item {
  if (!isDir(path)) return fileItem(path);
  const head = fileItem(join(path, 'index.md'), basename(path));
  return { ...head, children: depth >= MAX_DEPTH ? [] : numberedEntries(path).map((n) => folderItem(join(path, n), depth + 1)) };
}

function fileItem(path: string, fallback = basename(path)): Item {
  const text = readText(path);
  const page = contentPage(text ?? '');
  return { title: page.title ?? humanize(fallback), description: page.description, links: page.links, children: [] };
}

/** A content file: `# Title`, paragraphs of description, then links (`[@article@Title](url)`, plain, or BadgeLink). */
export function contentPage(text: string): { title?: string; description: string[]; links: Link[] } {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
  const links: Link[] = [];
  const description: string[] = [];
  let title: string | undefined;
  let paragraph: string[] = [];
  let fenced = false;
  const flush = (): void => {
    const text = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    paragraph = [];
    // "Visit the following resources to learn more:" introduces the links; it says nothing about the topic.
    if (text && !/:$/.test(text)) description.push(text);
  };
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      flush();
      continue;
    }
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      if (title === undefined && heading[1]) title = heading[1].replace(/#+\s*$/, '').trim();
      continue;
    }
    const found = linksIn(line);
    if (found.length > 0 && /^\s*([-*+]|<)/.test(line)) {
      flush();
      appendAll(links, found);
      continue;
    }
    if (/^\s*$/.test(line) || /^\s*[-*+]\s/.test(line) || /^\s*</.test(line)) {
      flush();
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return { ...(title ? { title } : {}), description, links };
}

function linksIn(line: string): Link[] {
  const out: Link[] = [];
  for (const m of line.matchAll(/\[(?:@[\w-]+@)?([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g)) {
    if (m[1] && m[2]) out.push({ title: m[1].trim(), url: m[2] });
  }
  for (const m of line.matchAll(/<BadgeLink\b[^>]*\bhref=["'](https?:\/\/[^"']+)["'][^>]*>([^<]*)<\/BadgeLink>/g)) {
    if (m[1]) out.push({ title: (m[2] ?? '').trim() || m[1], url: m[1] });
  }
  return out;
}

function frontMatter(text: string): { title?: string; description?: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const out: { title?: string; description?: string } = {};
  if (!m?.[1]) return out;
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^(title|description):\s*(.*)$/.exec(line);
    if (!kv?.[1] || !kv[2]) continue;
    const value = kv[2].trim().replace(/^(['"])(.*)\1$/, '$2');
    if (value) out[kv[1] as 'title' | 'description'] = value;
  }
  return out;
}

/** `101-data-persistence.md` -> "Data persistence". */
function humanize(name: string): string {
  const words = name.replace(/\.md$/, '').replace(/^\d+-/, '').replace(/@.*$/, '').replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

/** Markdown punctuation in a title is escaped, so "C# basics" or "1. Intro" stay titles and never become structure. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([#+\-=>])/, '\\$1');
}

function linkLine(link: Link): string {
  const url = /[\s()<>]/.test(link.url) ? `<${link.url.replace(/[<>\s]/g, encodeURIComponent)}>` : link.url;
  return `[${escapeText(link.title)}](${url})`;
}

function itemLines(item: Item, indent: string): string[] {
  const inner = `${indent}  `;
  const out = [`${indent}- ${escapeText(item.title)}`, ''];
  for (const p of item.description) out.push(`${inner}${p}`, '');
  if (item.links.length > 0) {
    out.push(`${inner}- Resources:`);
    for (const l of item.links) out.push(`${inner}  - ${linkLine(l)}`);
    out.push('');
  }
  for (const c of item.children) appendAll(out, itemLines(c, inner));
  return out;
}

function toMarkdown(title: string, description: string | undefined, sections: readonly Section[]): string {
  const out = [`# ${escapeText(title)}`, ''];
  if (description) out.push(description, '');
  for (const s of sections) {
    out.push(`## ${escapeText(s.title)}`, '');
    for (const item of s.items) appendAll(out, itemLines(item, ''));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
