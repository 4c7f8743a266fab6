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

/**
 * Finds a topic by its id along its path: the section named by the id's first part, then the topic named by its first
 * two parts, and so on. Only the sections and topic lists on the way are read (a cached roadmap reads the rest of its
 * sections only when asked). A miss proves nothing (a slug with a slash in it would be missed): callers confirm misses
 * with a full walk.
 */
export function pathLookup(roadmap: Roadmap): (id: string) => TopicEntry | undefined {
  const sections = new Map<string, Section>();
  for (const s of roadmap.sections) if (!sections.has(s.id)) sections.set(s.id, s);
  const lists = new Map<readonly Topic[], Map<string, Topic>>();
  const byId = (topics: readonly Topic[]): Map<string, Topic> => {
    let map = lists.get(topics);
    if (!map) {
      map = new Map();
      for (const t of topics) if (!map.has(t.id)) map.set(t.id, t);
      lists.set(topics, map);
    }
    return map;
  };
  return (id) => {
    let slash = id.indexOf('/');
    const section = slash < 0 ? undefined : sections.get(id.slice(0, slash));
    if (!section) return undefined;
    const ancestors: Topic[] = [];
    let topics: readonly Topic[] = section.topics;
    for (;;) {
      slash = id.indexOf('/', slash + 1);
      const topic = byId(topics).get(slash < 0 ? id : id.slice(0, slash));
      if (!topic) return undefined;
      if (slash < 0) return { topic, section, ancestors };
      ancestors.push(topic);
      topics = topic.children;
    }
  };
}

/**
 * Finds topics by id: along each id's path first (pathLookup, which reads only the sections on the way), and for an id
 * not found so, in a map of every topic, made once on the first such id.
 */
export function entryLookup(roadmap: Roadmap): (id: string) => TopicEntry | undefined {
  const byPath = pathLookup(roadmap);
  let all: Map<string, TopicEntry> | undefined;
  return (id) => byPath(id) ?? (all ??= new Map(allTopics(roadmap).map((e) => [e.topic.id, e]))).get(id);
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

/** How many topics of a section count (leaves), and how many group others (they have subtopics). */
export interface SectionCounts {
  leaves: number;
  groups: number;
}

/**
 * The counts of each section whose topics are not read yet. A cached roadmap reads a section's topics when first
 * asked for (source/cache-entry.ts); progress over a section no status names, and the roadmap's totals, need only
 * these numbers (status.ts, roadmapProgress). Kept beside the tree, not in it: the tree's JSON stays the parser's.
 */
const unreadCounts = new WeakMap<Section, SectionCounts>();

/** Says what `section` holds while its topics are unread; undefined once they are read or replaced. */
export function setUnreadCounts(section: Section, counts: SectionCounts | undefined): void {
  if (counts === undefined) unreadCounts.delete(section);
  else unreadCounts.set(section, counts);
}

/** The counts of a section whose topics are not read yet; undefined for any other section. */
export function countsUnread(section: Section): SectionCounts | undefined {
  return unreadCounts.get(section);
}

/** The topics of a section that count (see countLeaves), without reading a cached section's topics. */
export function sectionLeaves(section: Section): number {
  return unreadCounts.get(section)?.leaves ?? countLeaves(section.topics);
}

/** The groups of a section (see countGroups), without reading a cached section's topics. */
export function sectionGroups(section: Section): number {
  return unreadCounts.get(section)?.groups ?? countGroups(section.topics);
}

/**
 * A section's counts, when every topic's id starts with the section's id and "/" (as the parser makes them): then a
 * status is known to be in this section by its id alone. Undefined when any topic's id does not.
 */
export function countsByOwnIds(section: Section): SectionCounts | undefined {
  const prefix = `${section.id}/`;
  const counts = { leaves: 0, groups: 0 };
  const visit = (topics: readonly Topic[]): boolean => {
    for (let i = 0; i < topics.length; i++) {
      const t = topics[i] as Topic;
      if (!t.id.startsWith(prefix)) return false;
      if (t.children.length === 0) counts.leaves++;
      else {
        counts.groups++;
        if (!visit(t.children)) return false;
      }
    }
    return true;
  };
  return visit(section.topics) ? counts : undefined;
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
