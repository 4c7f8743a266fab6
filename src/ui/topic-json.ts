import type { Note } from '../core/progress/history.js';
import { parentStatus, type Progress, type StatusMap } from '../core/progress/status.js';
import type { Section, Status, Topic } from '../core/types.js';

/** Version of every JSON document the CLI prints; bumped only when a field is renamed or removed. */
export const SCHEMA_VERSION = 1;

export interface TopicJson {
  id: string;
  number: string;
  title: string;
  status: Status;
  order?: string;
  icon?: string;
  url?: string;
  checked?: boolean;
  attrs?: Record<string, string>;
  group?: string;
  /** Plain text (prose only). */
  description?: string;
  /** The same as Markdown source: emphasis, inline code, links, lists, code blocks. */
  descriptionMarkdown?: string;
  children: TopicJson[];
  links: Array<{ title: string; url: string }>;
  /** Present when the learner wrote notes on the topic; oldest first. */
  notes?: Array<{ id: string; text: string; at: string }>;
}

/** Notes per topic id, as a session holds them. */
export type NotesByTopic = ReadonlyMap<string, readonly Note[]>;

/** The Topic object of the JSON contract. */
export function topicJson(topic: Topic, statuses: StatusMap, withDescription = false, notes?: NotesByTopic): TopicJson {
  // Subtopics first: a parent's status comes from theirs (effectiveStatus per topic would walk each subtree again).
  const children = topic.children.length === 0 ? [] : topic.children.map((c) => topicJson(c, statuses, withDescription, notes));
  const stored = statuses.get(topic.id) ?? 'pending';
  const status = children.length === 0 ? stored : parentStatus(stored, children, (c) => c.status);
  const out: TopicJson = { id: topic.id, number: topic.number, title: topic.title, status, children, links: topic.links.length === 0 ? [] : topic.links.map((l) => ({ title: l.title, url: l.url })) };
  if (topic.order !== undefined) out.order = topic.order;
  if (topic.icon !== undefined) out.icon = topic.icon;
  if (topic.url !== undefined) out.url = topic.url;
  if (topic.checked !== undefined) out.checked = topic.checked;
  if (topic.attrs !== undefined) out.attrs = topic.attrs;
  if (topic.group !== undefined) out.group = topic.group;
  if (withDescription && topic.description !== undefined) out.description = topic.description;
  if (withDescription && topic.descriptionMarkdown !== undefined) out.descriptionMarkdown = topic.descriptionMarkdown;
  const own = notes?.get(topic.id);
  if (own?.length) out.notes = own.map((n) => ({ id: n.id, text: n.text, at: n.at }));
  return out;
}

export function progressJson(p: Progress): { done: number; total: number; percent: number; skipped: number; inProgress: number; pending: number } {
  return { done: p.done, total: p.total, percent: p.percent, skipped: p.skipped, inProgress: p.inProgress, pending: p.pending };
}

/** A section, a parent topic: named by id, number and title. */
export interface Ref {
  id: string;
  number: string;
  title: string;
}

export function sectionRef(section: Section): Ref {
  return { id: section.id, number: section.number, title: section.title };
}
