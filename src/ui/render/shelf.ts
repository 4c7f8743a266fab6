import type { Progress } from '../../core/progress/status.js';
import { formatTime } from '../format-time.js';
import { inert } from '../sanitize.js';
import { displayWidth, fit, type Theme } from '../theme.js';
import { maxOf } from '../../core/append.js';

/** One roadmap of `roadmap roadmaps`. */
export interface ShelfRow {
  name: string;
  title: string;
  /** As it is shown: a path (with ~ for the home folder), a URL, `github:…`, `(bundled)`. */
  source: string;
  current: boolean;
  progress: Progress;
  /** When progress last changed, ISO; undefined when never. */
  lastActivity: string | undefined;
  writeBack: boolean;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `roadmap roadmaps`: a table with the current roadmap marked `*`, then how to switch. */
export function renderShelf(rows: readonly ShelfRow[], removed: readonly string[], theme: Theme): string {
  const { c } = theme;
  const names = rows.map((r) => inert(r.name));
  const titles = rows.map((r) => inert(r.title));
  const nameW = maxOf(names.map(displayWidth), 4);
  const titleW = Math.min(36, maxOf(titles.map(displayWidth), 5));
  const out = [c.dim(`  ${pad('NAME', nameW)}  ${pad('TITLE', titleW)}  ${pad('PROGRESS', 28)}  ${pad('LAST ACTIVITY', 16)}  SOURCE`)];
  rows.forEach((r, i) => {
    const p = r.progress;
    const counts = `${String(p.percent).padStart(3)}% ${`${p.done}/${p.total}`.padStart(7)}`;
    const when = r.lastActivity === undefined ? 'never' : formatTime(r.lastActivity);
    const source = `${inert(r.source)}${r.writeBack ? c.dim(' (ticks boxes)') : ''}`;
    const mark = r.current ? c.green('*') : ' ';
    const name = r.current ? c.bold(pad(names[i] ?? '', nameW)) : pad(names[i] ?? '', nameW);
    out.push(`${mark} ${name}  ${pad(fit(titles[i] ?? '', titleW), titleW)}  ${theme.bar(p.done, p.total, 14)} ${counts}  ${pad(when, 16)}  ${source}`);
  });
  out.push('', c.dim('* current. Switch with: roadmap use NAME   (or --roadmap NAME on any command)'));
  if (removed.length > 0) out.push(c.dim(`Removed, can be brought back with roadmap add --restore NAME: ${removed.map((n) => inert(n)).join(', ')}`));
  return `${out.join('\n')}\n`;
}

export interface TopicLine {
  number?: string;
  title: string;
}

/** What `roadmap update` found between the kept copy and the source as it is now. */
export interface UpdateView {
  name: string;
  source: string;
  added: TopicLine[];
  removed: TopicLine[];
  renamed: Array<{ from: TopicLine; to: TopicLine; progressMoved: boolean }>;
  /** Removed topics that had progress, which stays stored (doctor shows it). */
  keptProgress: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function line(t: TopicLine): string {
  return `${t.number === undefined ? '' : `${t.number} `}${inert(t.title)}`;
}

/** `roadmap update` for people: the counts, then one line per added, removed and renamed topic. */
export function renderUpdate(v: UpdateView, theme: Theme): string {
  const { c } = theme;
  const name = inert(v.name);
  if (v.added.length + v.removed.length + v.renamed.length === 0) return `${name} is up to date with ${inert(v.source)}: no topic was added, removed or renamed.\n`;
  const out = [`Updated ${name} from ${inert(v.source)}: ${plural(v.added.length, 'topic')} added, ${v.removed.length} removed, ${v.renamed.length} renamed.`];
  for (const t of v.added) out.push(`  ${c.green('+')} ${line(t)}`);
  for (const t of v.removed) out.push(`  ${c.red('-')} ${line(t)}`);
  for (const r of v.renamed) out.push(`  ${c.yellow('~')} ${line(r.from)} -> ${line(r.to)}${r.progressMoved ? c.dim('  (progress moved)') : ''}`);
  if (v.keptProgress > 0) out.push('', c.dim(`Progress on ${plural(v.keptProgress, 'removed topic')} is kept; roadmap doctor shows it.`));
  return `${out.join('\n')}\n`;
}
