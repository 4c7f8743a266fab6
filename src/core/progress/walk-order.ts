import type { StatusMap } from './status.js';
import type { Roadmap, Section } from '../types.js';
import { allTopics, type TopicEntry } from '../tree.js';

function open(e: TopicEntry, statuses: StatusMap): boolean {
  const own = statuses.get(e.topic.id) ?? 'pending';
  if (own === 'done' || own === 'skipped') return false;
  return !e.ancestors.some((a) => {
    const s = statuses.get(a.id);
    return s === 'done' || s === 'skipped';
  });
}

/** Topics a walk visits: those without subtopics, in document order. */
function studyable(roadmap: Roadmap): TopicEntry[] {
  return allTopics(roadmap).filter((e) => e.topic.children.length === 0);
}

/**
 * The topic a walk shows after `afterId`: the next one in document order that is not done or skipped, wrapping
 * around to the start; undefined when nothing is left.
 */
export function followingTopic(roadmap: Roadmap, statuses: StatusMap, afterId: string | undefined): TopicEntry | undefined {
  const entries = studyable(roadmap);
  const at = afterId === undefined ? -1 : entries.findIndex((e) => e.topic.id === afterId);
  const ordered = [...entries.slice(at + 1), ...entries.slice(0, at + 1)];
  return ordered.find((e) => open(e, statuses));
}

/** The first topic of a section that is not done or skipped. */
export function firstOpenIn(roadmap: Roadmap, section: Section, statuses: StatusMap): TopicEntry | undefined {
  return studyable(roadmap).find((e) => e.section === section && open(e, statuses));
}
