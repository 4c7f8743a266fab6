import type { Context } from '../context.js';
import type { TopicEntry } from '../core/walk.js';
import { sectionRef, topicJson } from '../ui/topic-json.js';
import { positionOf } from './next.js';
import { openSession, resolveTopic, type GlobalOptions, type Session } from './shared.js';

export interface ShowResult {
  session: Session;
  entry: TopicEntry;
}

export async function runShow(ref: string, opts: GlobalOptions, ctx: Context): Promise<ShowResult> {
  const session = await openSession(ctx, opts);
  return { session, entry: resolveTopic(session, ref) };
}

/** `show --json`: one Topic with its section, parents and description. */
export function showJson({ session, entry }: ShowResult): unknown {
  return {
    ...topicJson(entry.topic, session.statuses, true),
    section: sectionRef(entry.section),
    parents: entry.ancestors.map((a) => ({ id: a.id, number: a.number, title: a.title })),
    position: positionOf(entry),
    line: entry.topic.line,
  };
}
