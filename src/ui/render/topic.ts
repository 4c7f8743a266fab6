import type { Note } from '../../core/progress/history.js';
import { effectiveStatus, type NextPick, type Progress, type StatusMap } from '../../core/progress/status.js';
import type { Status, Topic } from '../../core/types.js';
import type { TopicEntry } from '../../core/tree.js';
import { formatTime } from '../format-time.js';
import { inert } from '../sanitize.js';
import type { Theme } from '../theme.js';

function position(e: TopicEntry): string {
  const index = e.topic.number.split('.').pop() ?? '';
  const parent = e.ancestors[e.ancestors.length - 1];
  const of = parent ? parent.children.length : e.section.topics.length;
  return `topic ${index} of ${of}`;
}

function where(e: TopicEntry): string {
  const path = [`section ${e.section.number} "${inert(e.section.title)}"`, ...e.ancestors.map((a) => `"${inert(a.title)}"`)];
  return `${path.join(' > ')}, ${position(e)}`;
}

/** `next`: each pick with its number, title, where it sits and its id. */
export function renderNext(picks: readonly NextPick[], theme: Theme): string {
  const { c } = theme;
  return picks
    .map((p) => {
      const tag = p.reason === 'in-progress' ? c.yellow(' (in progress)') : p.reason === 'started-parent' ? c.yellow(' (in a topic you started)') : '';
      return [
        `${c.bold(p.topic.number)}  ${c.bold(inert(p.topic.title))}${tag}`,
        `    ${c.dim(where(p))}`,
        `    ${c.dim(`id: ${inert(p.topic.id)}`)}`,
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

export function progressLine(p: Progress): string {
  return `${p.done}/${p.total} done, ${p.percent}%`;
}

const VERB: Record<Status, [string, string]> = {
  done: ['Marked done', 'Already done'],
  pending: ['Reset', 'Already not started'],
  'in-progress': ['Started', 'Already in progress'],
  skipped: ['Skipped', 'Already skipped'],
};

/** `done` / `reset`: one line per named topic saying whether it changed, then the new progress. */
export function renderMarked(named: readonly TopicEntry[], changed: ReadonlySet<string>, status: Status, progress: Progress, theme: Theme): string {
  const { c } = theme;
  const lines = named.map((e) => {
    const sub = e.topic.children.length > 0 ? c.dim(` (and its ${countAll(e.topic) - 1} subtopics)`) : '';
    const [did, already] = VERB[status];
    const hit = changed.has(e.topic.id) || subtreeIds(e.topic).some((id) => changed.has(id));
    return `${hit ? theme.mark(status) : c.dim(theme.mark(status))} ${hit ? did : already}: ${e.topic.number} ${inert(e.topic.title)}${sub}`;
  });
  lines.push(progressLine(progress));
  return `${lines.join('\n')}\n`;
}

function subtreeIds(t: Topic): string[] {
  return [t.id, ...t.children.flatMap(subtreeIds)];
}

function countAll(t: Topic): number {
  return 1 + t.children.reduce((n, c) => n + countAll(c), 0);
}

/** `show`: everything known about one topic. */
export function renderShow(e: TopicEntry, statuses: StatusMap, theme: Theme, notes: readonly Note[] = []): string {
  const { c } = theme;
  const t = e.topic;
  const status = effectiveStatus(t, statuses);
  const out = [
    c.bold(`${t.number}  ${inert(t.title)}`),
    `${c.dim('Section: ')} ${e.section.number}. ${inert(e.section.title)}`,
  ];
  if (e.ancestors.length) out.push(`${c.dim('Parent:  ')} ${e.ancestors.map((a) => `${a.number} ${inert(a.title)}`).join(' > ')}`);
  out.push(`${c.dim('Status:  ')} ${theme.mark(status)} ${status}`);
  out.push(`${c.dim('Id:      ')} ${inert(t.id)}`);
  if (t.url) out.push(`${c.dim('Url:     ')} ${inert(t.url)}`);
  if (t.attrs) for (const [k, v] of Object.entries(t.attrs)) out.push(`${c.dim(`${inert(k)}:`)} ${inert(v)}`);
  if (t.description) out.push('', inert(t.description, true));
  if (t.children.length) {
    out.push('', c.bold('Subtopics'));
    const walk = (child: Topic, depth: number): void => {
      out.push(`${'  '.repeat(depth)}${theme.mark(effectiveStatus(child, statuses))} ${child.number} ${inert(child.title)}`);
      child.children.forEach((g) => {
        walk(g, depth + 1);
      });
    };
    t.children.forEach((child) => {
      walk(child, 1);
    });
  }
  if (t.links.length) {
    out.push('', c.bold('Links'));
    for (const l of t.links) out.push(`  ${inert(l.title)}  ${c.underline(inert(l.url))}`);
  }
  if (notes.length) {
    out.push('', c.bold('Notes'));
    for (const n of notes) {
      out.push(`  ${c.dim(formatTime(n.at))}`);
      for (const line of inert(n.text, true).split('\n')) out.push(`    ${line}`);
    }
  }
  return `${out.join('\n')}\n`;
}
