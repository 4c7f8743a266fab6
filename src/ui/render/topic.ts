import type { NextPick, Progress } from '../../core/progress/status.js';
import type { Status, Topic } from '../../core/types.js';
import { countLeaves, sectionPosition, type TopicEntry } from '../../core/tree.js';
import { inert } from '../sanitize.js';
import type { Theme } from '../theme.js';

function position(e: TopicEntry): string {
  const { index, of } = sectionPosition(e.section, e.topic);
  return e.topic.children.length ? `a group of ${countLeaves(e.topic.children)} topics of the section's ${of}` : `topic ${index} of ${of}`;
}

/** Where a topic sits: its section, its parents, its place among its siblings (inert). */
export function where(e: TopicEntry): string {
  const path = [`section ${e.section.number} "${inert(e.section.title)}"`, ...e.ancestors.map((a) => `"${inert(a.title)}"`)];
  return `${path.join(' > ')}, ${position(e)}`;
}

/** What `next` says after the title of a pick that continues something started. */
export const NEXT_TAG: Record<NextPick['reason'], string> = { 'in-progress': ' (in progress)', 'started-parent': ' (in a topic you started)', 'first-pending': '' };

/** `next`: each pick with its number, title, where it sits and its id. */
export function renderNext(picks: readonly NextPick[], theme: Theme): string {
  const { c } = theme;
  return picks
    .map((p) => {
      const tag = c.yellow(NEXT_TAG[p.reason]);
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

/** The topic's own url first, then its links, without repeats. */
export function topicLinks(t: Topic): Array<{ title: string; url: string }> {
  const all = t.url ? [{ title: t.title, url: t.url }, ...t.links] : t.links;
  const seen = new Set<string>();
  return all.filter((l) => !seen.has(l.url) && seen.add(l.url));
}
