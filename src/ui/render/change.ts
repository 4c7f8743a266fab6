import type { Progress } from '../../core/progress/status.js';
import { subtree, type TopicEntry } from '../../core/tree.js';
import { UNCHANGED_LABEL, type Target, type Unchanged } from '../../core/progress/status-change.js';
import type { Status } from '../../core/types.js';
import { inert } from '../sanitize.js';
import type { Theme } from '../theme.js';
import { progressLine } from './topic.js';

/** One thing a status command was given: a topic (with its entry), a section or the whole roadmap. */
export interface ChangedTarget {
  target: Target;
  entry?: TopicEntry;
}

const VERB: Record<Status, [string, string]> = {
  done: ['Marked done', 'Already done'],
  pending: ['Reset', 'Already not started'],
  'in-progress': ['Started', 'Already in progress'],
  skipped: ['Skipped', 'Already skipped'],
};

function topicsIn(target: Target): Set<string> | undefined {
  if (target.kind === 'topic') return new Set(subtree(target.topic).map((t) => t.id));
  if (target.kind === 'section') return new Set(target.section.topics.flatMap(subtree).map((t) => t.id));
  return undefined;
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'topic' : 'topics'}`;
}

/** "2 already done; 1 kept done": why topics of a section kept their status, counted by reason. */
function unchangedSummary(list: readonly Unchanged[]): string {
  const by = new Map<string, number>();
  for (const u of list) {
    const text = UNCHANGED_LABEL[u.reason](u.status);
    by.set(text, (by.get(text) ?? 0) + 1);
  }
  return [...by].map(([text, n]) => `${n} ${text}`).join('; ');
}

/**
 * `done`, `start`, `skip`, `reset`: a line per target saying what changed (a section or the whole roadmap with its
 * count of topics, and why the rest kept their status), "Nothing changed." when nothing did, then the progress.
 */
export function renderChange(targets: readonly ChangedTarget[], changed: ReadonlySet<string>, unchanged: readonly Unchanged[], status: Status, progress: Progress, theme: Theme): string {
  const { c } = theme;
  const [did, already] = VERB[status];
  const lines = targets.map(({ target, entry }) => {
    const ids = topicsIn(target);
    const hits = ids ? [...ids].filter((id) => changed.has(id)).length : changed.size;
    const mark = hits > 0 ? theme.mark(status) : c.dim(theme.mark(status));
    if (target.kind === 'topic') {
      const t = entry?.topic ?? target.topic;
      const sub = t.children.length > 0 ? c.dim(` (and its ${subtree(t).length - 1} subtopics)`) : '';
      return `${mark} ${hits > 0 ? did : already}: ${t.number} ${inert(t.title)}${sub}`;
    }
    const what = target.kind === 'section' ? `section ${target.section.number} ${inert(target.section.title)}` : `all of ${inert(target.roadmap.title)}`;
    const kept = unchanged.filter((u) => !ids || ids.has(u.topic));
    if (hits === 0 && kept.every((u) => u.reason === 'already')) return `${mark} ${already}: ${what}${kept.length ? c.dim(` (${count(kept.length)})`) : ''}`;
    if (hits === 0) return `${mark} Unchanged: ${what} ${c.dim(`(${unchangedSummary(kept)})`)}`;
    const rest = kept.length ? `; ${unchangedSummary(kept)}` : '';
    return `${mark} ${did}: ${what} ${c.dim(`(${count(hits)}${rest})`)}`;
  });
  if (changed.size === 0) lines.push('Nothing changed.');
  lines.push(progressLine(progress));
  return `${lines.join('\n')}\n`;
}
