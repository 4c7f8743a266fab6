import { basename } from 'node:path';
import { effectiveStatus } from '../../core/progress/status.js';
import { computeStats } from '../../core/progress/stats.js';
import type { Topic } from '../../core/types.js';
import type { Session } from '../../app/session.js';
import { localOffsetMinutes } from '../../ui/format-time.js';
import type { ReportTopic, ReportView } from '../../ui/render/report-html.js';

/** The page's data: the same progress and rhythm figures as `stats`, every topic with its status, notes and links. */
export function reportView(session: Session, now: Date): ReportView {
  const { roadmap, statuses, notes } = session;
  const stats = computeStats({ roadmap, statuses, records: session.state.records, now, utcOffsetMinutes: localOffsetMinutes(now) });
  const topic = (t: Topic): ReportTopic => ({
    number: t.number,
    title: t.title,
    status: effectiveStatus(t, statuses),
    ...(t.url === undefined ? {} : { url: t.url }),
    links: t.links,
    notes: (notes.get(t.id) ?? []).map((n) => ({ at: n.at, text: n.text })),
    children: t.children.map(topic),
  });
  return {
    title: roadmap.title,
    // A file name, not its path: a shared report should not show the folders of the learner's machine.
    source: session.bundled ? 'the bundled roadmap' : session.source === '-' ? 'standard input' : basename(session.source),
    madeAt: now.toISOString(),
    progress: stats.progress,
    sections: roadmap.sections.map((s, i) => ({ number: s.number, title: s.title, progress: stats.sections[i]?.progress ?? stats.progress, topics: s.topics.map(topic) })),
    rhythm: { weeks: stats.weeks, streak: stats.streak, pace: stats.pace },
  };
}
