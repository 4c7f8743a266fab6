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
  const visit = (topic: Topic, section: Section, ancestors: Topic[]): void => {
    out.push({ topic, section, ancestors });
    const next = [...ancestors, topic];
    for (const child of topic.children) visit(child, section, next);
  };
  for (const section of roadmap.sections) for (const topic of section.topics) visit(topic, section, []);
  return out;
}

/** The topic and every descendant, parent first. */
export function subtree(topic: Topic): Topic[] {
  return [topic, ...topic.children.flatMap(subtree)];
}

/** Number of topics in a list of trees, every depth. */
export function countTopics(topics: readonly Topic[]): number {
  let n = 0;
  for (const t of topics) n += 1 + countTopics(t.children);
  return n;
}
