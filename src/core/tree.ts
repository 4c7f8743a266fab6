import type { Roadmap, Section, Topic } from './types.js';

/** A topic with the section it belongs to and its ancestors, root first. */
export interface TopicEntry {
  topic: Topic;
  section: Section;
  ancestors: Topic[];
}

/** Every topic at every depth, in document order (a parent before its children). */
export function allTopics(roadmap: Roadmap): TopicEntry[] {
  const out: TopicEntry[] = [];
  for (const section of roadmap.sections) sectionEntries(section, out);
  return out;
}

/** Every topic of one section at every depth, in document order, added to `out`. */
export function sectionEntries(section: Section, out: TopicEntry[] = []): TopicEntry[] {
  // Siblings share one ancestors array, and leaves (most topics) make none: this runs on every command.
  const visit = (topics: readonly Topic[], ancestors: Topic[]): void => {
    for (const topic of topics) {
      out.push({ topic, section, ancestors });
      if (topic.children.length > 0) visit(topic.children, [...ancestors, topic]);
    }
  };
  visit(section.topics, []);
  return out;
}

/** The topic and every descendant, parent first. */
export function subtree(topic: Topic): Topic[] {
  return [topic, ...topic.children.flatMap(subtree)];
}

/**
 * THE COUNTING RULE for people (list, next, info, validate, stats): a topic counts when it has no subtopics; a topic
 * with subtopics is a group of them and counts as a group, not as a topic. See progress.ts.
 */
export function countLeaves(topics: readonly Topic[]): number {
  let n = 0;
  // By index: for-of makes an iterator result per topic in code not yet optimised (a first read counts once).
  for (let i = 0; i < topics.length; i++) {
    const t = topics[i] as Topic;
    n += t.children.length ? countLeaves(t.children) : 1;
  }
  return n;
}

/** Topics that have subtopics (groups), every depth. */
export function countGroups(topics: readonly Topic[]): number {
  let n = 0;
  for (const t of topics) if (t.children.length) n += 1 + countGroups(t.children);
  return n;
}

/** Where a topic sits by the counting rule: its place among its section's counted topics, and how many there are. */
export function sectionPosition(section: Section, topic: Topic): { index: number; of: number } {
  let index = 0;
  let seen = 0;
  const visit = (topics: readonly Topic[]): void => {
    for (const t of topics) {
      if (t === topic && index === 0) index = seen + 1;
      if (t.children.length) visit(t.children);
      else seen++;
    }
  };
  visit(section.topics);
  return { index, of: seen };
}

/** Number of topics in a list of trees, every depth (groups included: the shape of the tree, not what counts). */
export function countTopics(topics: readonly Topic[]): number {
  let n = 0;
  for (const t of topics) n += 1 + countTopics(t.children);
  return n;
}
