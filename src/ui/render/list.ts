import { effectiveStatus, roadmapProgress, sectionProgress, type StatusMap } from '../../core/progress/status.js';
import type { Roadmap, Section, Topic } from '../../core/types.js';
import { inert } from '../sanitize.js';
import { fit, type Theme } from '../theme.js';

/**
 * The tree people read: a header with overall progress, then each section with its bar and topics; `detail` (one
 * section asked for) adds the section's description and links.
 */
export function renderTree(roadmap: Roadmap, sections: readonly Section[], statuses: StatusMap, theme: Theme, detail = false): string {
  const { c } = theme;
  const out: string[] = [];
  const total = roadmapProgress(roadmap, statuses);
  const room = (used: number): number | undefined => (theme.width === undefined ? undefined : Math.max(10, theme.width - used));
  const counts = `${total.done}/${total.total} done, ${total.percent}%`;
  out.push(`${c.bold(fit(inert(roadmap.title), room(24 + counts.length)))}  ${theme.bar(total.done, total.total)} ${counts}`);
  let merged = false;
  for (const section of sections) {
    const head = `${section.number}. ${inert(section.title)}`;
    if (section.topics.length === 0) {
      // A section with nothing to tick (prose, pictures) takes one quiet line, so big files stay readable.
      out.push('', c.dim(`${fit(head, room(14))}  (no topics)`));
      merged = false;
      continue;
    }
    const only = section.topics.length === 1 ? section.topics[0] : undefined;
    if (only && only.children.length === 0 && only.title.toLowerCase() === section.title.toLowerCase()) {
      // A section that is its one topic (a heading that teaches one thing) is one line, not "1. GIT" over "1.1 GIT".
      const status = effectiveStatus(only, statuses);
      const line = fit(`${only.number} ${inert(only.title)}`, room(4));
      // Consecutive one-topic sections read as one list.
      if (!merged) out.push('');
      out.push(`${theme.mark(status)} ${status === 'done' || status === 'skipped' ? c.dim(line) : c.bold.cyan(line)}`);
      merged = true;
      continue;
    }
    merged = false;
    const p = sectionProgress(section, statuses);
    out.push('', `${c.bold.cyan(fit(head, theme.width ? theme.width - 34 : undefined))}  ${theme.bar(p.done, p.total, 10)} ${p.done}/${p.total}`);
    const walk = (topics: readonly Topic[], depth: number): void => {
      const indent = '  '.repeat(depth + 1);
      let group: string | undefined;
      for (const topic of topics) {
        if (topic.group !== undefined && topic.group !== group) {
          // The heading or label the file listed these topics under, when it is not a topic itself.
          out.push(c.dim(`${indent}${fit(inert(topic.group), room(indent.length))}`));
        }
        group = topic.group;
        const status = effectiveStatus(topic, statuses);
        const line = fit(`${topic.number} ${inert(topic.title)}`, room(indent.length + 4));
        out.push(`${indent}${theme.mark(status)} ${status === 'done' || status === 'skipped' ? c.dim(line) : line}`);
        walk(topic.children, depth + 1);
      }
    };
    walk(section.topics, 0);
    if (detail && section.description) out.push('', inert(section.description, true));
    if (detail && section.links.length) {
      out.push('', c.bold('Links'));
      for (const l of section.links) out.push(`  ${inert(l.title)}  ${c.underline(inert(l.url))}`);
    }
  }
  return `${out.join('\n')}\n`;
}
