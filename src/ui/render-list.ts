import { effectiveStatus, roadmapProgress, sectionProgress, type StatusMap } from '../core/progress.js';
import type { Roadmap, Section, Topic } from '../core/types.js';
import { inert } from './sanitize.js';
import { fit, type Theme } from './theme.js';

/** The tree people read: a header with overall progress, then each section with its bar and topics. */
export function renderTree(roadmap: Roadmap, sections: readonly Section[], statuses: StatusMap, theme: Theme): string {
  const { c } = theme;
  const out: string[] = [];
  const total = roadmapProgress(roadmap, statuses);
  out.push(`${c.bold(inert(roadmap.title))}  ${theme.bar(total.done, total.total)} ${total.done}/${total.total} done, ${total.percent}%`);
  for (const section of sections) {
    const p = sectionProgress(section, statuses);
    out.push('');
    const head = `${section.number}. ${inert(section.title)}`;
    out.push(`${c.bold.cyan(fit(head, theme.width ? theme.width - 34 : undefined))}  ${theme.bar(p.done, p.total, 10)} ${p.done}/${p.total}`);
    const walk = (topic: Topic, depth: number): void => {
      const status = effectiveStatus(topic, statuses);
      const indent = '  '.repeat(depth + 1);
      const text = `${topic.number} ${inert(topic.title)}`;
      const room = theme.width === undefined ? undefined : Math.max(10, theme.width - indent.length - 4);
      const line = fit(text, room);
      out.push(`${indent}${theme.mark(status)} ${status === 'done' || status === 'skipped' ? c.dim(line) : line}`);
      for (const child of topic.children) walk(child, depth + 1);
    };
    for (const topic of section.topics) walk(topic, 0);
    if (section.topics.length === 0) out.push(c.dim('  (no topics)'));
  }
  return `${out.join('\n')}\n`;
}
