import { effectiveStatus, type Progress, type StatusMap } from '../../core/progress/status.js';
import type { Topic } from '../../core/types.js';
import type { TopicEntry } from '../../core/tree.js';
import { inert } from '../sanitize.js';
import { fit, type Theme } from '../theme.js';

/** One walk screen: where the topic sits, its title, overall progress, description, subtopics and links. */
export function renderWalkScreen(e: TopicEntry, statuses: StatusMap, progress: Progress, theme: Theme, notes: ReadonlyArray<{ text: string }> = []): string {
  const { c } = theme;
  const width = theme.width ?? 80;
  const t = e.topic;
  const status = effectiveStatus(t, statuses);
  const out = [
    c.dim('─'.repeat(Math.min(width, 72))),
    c.cyan(fit(`Section ${e.section.number} · ${inert(e.section.title)}${e.ancestors.map((a) => ` › ${inert(a.title)}`).join('')}`, width)),
    c.bold(`${t.number}  ${inert(t.title)}`),
    `${theme.bar(progress.done, progress.total)} ${progress.done}/${progress.total} done, ${progress.percent}%   ${theme.mark(status)} ${status}`,
  ];
  if (t.description) out.push('', inert(t.description, true));
  if (t.children.length) {
    out.push('', c.bold('Subtopics'));
    const walk = (child: Topic, depth: number): void => {
      out.push(`${'  '.repeat(depth)}${theme.mark(effectiveStatus(child, statuses))} ${child.number} ${inert(child.title)}`);
      for (const g of child.children) walk(g, depth + 1);
    };
    for (const child of t.children) walk(child, 1);
  }
  const links = topicLinks(t);
  if (links.length) {
    out.push('', c.bold('Links'));
    for (const l of links) out.push(`  ${inert(l.title)}  ${c.underline(inert(l.url))}`);
  }
  if (notes.length) {
    out.push('', c.bold('Your notes'));
    for (const n of notes) out.push(`  ${inert(n.text, true).replace(/\n/g, '\n  ')}`);
  }
  return `${out.join('\n')}\n\n`;
}

/** The topic's own url first, then its links, without repeats. */
export function topicLinks(t: Topic): Array<{ title: string; url: string }> {
  const all = t.url ? [{ title: t.title, url: t.url }, ...t.links] : t.links;
  const seen = new Set<string>();
  return all.filter((l) => !seen.has(l.url) && seen.add(l.url));
}
