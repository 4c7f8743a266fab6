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
  // Siblings share one ancestors array, and leaves (most topics) make none: this runs on every command.
  const visit = (topics: readonly Topic[], section: Section, ancestors: Topic[]): void => {
    for (const topic of topics) {
      out.push({ topic, section, ancestors });
      if (topic.children.length > 0) visit(topic.children, section, [...ancestors, topic]);
    }
  };
  for (const section of roadmap.sections) visit(section.topics, section, []);
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
