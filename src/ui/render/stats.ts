import type { Stats } from '../../core/progress/stats.js';
import { plural } from './history.js';
import { inert } from '../sanitize.js';
import { fit, type Theme } from '../theme.js';
import { maxOf } from '../../core/append.js';

const CHART_WIDTH = 30;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A YYYY-MM-DD day as "Mar 10", as the weekly charts label weeks. */
export function shortDay(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${d ?? ''}`;
}

/** `stats`: progress bars, the weekly chart, streaks and pace. */
export function renderStats(title: string, s: Stats, theme: Theme): string {
  const { c } = theme;
  const p = s.progress;
  const out = [
    c.bold(inert(title)),
    `${theme.bar(p.done, p.total, 30)} ${p.done}/${p.total} done, ${p.percent}%${p.inProgress ? `, ${p.inProgress} in progress` : ''}${p.skipped ? `, ${p.skipped} skipped` : ''}`,
    '',
    c.bold('Sections'),
  ];
  const nameWidth = Math.min(36, maxOf(s.sections.map((x) => `${x.number}. ${x.title}`.length), 8));
  for (const x of s.sections) {
    const name = fit(`${x.number}. ${inert(x.title)}`, nameWidth).padEnd(nameWidth);
    out.push(`  ${name}  ${theme.bar(x.progress.done, x.progress.total, 15)} ${String(x.progress.percent).padStart(3)}%  ${x.progress.done}/${x.progress.total}`);
  }
  out.push('', c.bold('Topics finished per week'));
  const max = maxOf(s.weeks.map((w) => w.finished), 1);
  for (const w of s.weeks) {
    const len = Math.round((w.finished / max) * CHART_WIDTH);
    const bar = theme.color ? c.green('█'.repeat(len)) : '#'.repeat(len);
    out.push(`  ${shortDay(w.start).padEnd(6)}  ${bar}${len ? ' ' : ''}${w.finished}`);
  }
  const { streak, pace } = s;
  out.push('', c.bold('Rhythm'));
  out.push(`  Current streak: ${plural(streak.current, 'day')}${streak.lastDay ? c.dim(`  (last topic finished ${streak.lastDay})`) : ''}`);
  out.push(`  Longest streak: ${plural(streak.longest, 'day')}`);
  out.push(`  Pace:           ${pace.perWeek} ${pace.perWeek === 1 ? 'topic' : 'topics'} a week ${c.dim(`(over the last ${pace.windowDays} days)`)}`);
  if (pace.remaining === 0) out.push(`  Finish:         ${p.total > 0 ? 'everything is done' : 'nothing to do'}`);
  else if (pace.projectedFinish) out.push(`  Finish:         ${pace.projectedFinish} at this pace ${c.dim(`(${plural(pace.remaining, 'topic')} left)`)}`);
  else out.push(`  Finish:         no pace yet: finish a topic to see a date ${c.dim(`(${plural(pace.remaining, 'topic')} left)`)}`);
  return `${out.join('\n')}\n`;
}
