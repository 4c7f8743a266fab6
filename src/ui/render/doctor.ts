import type { Orphan } from '../../core/progress/orphans.js';
import { inert } from '../sanitize.js';
import type { Theme } from '../theme.js';

/** What `doctor` found: progress kept under ids the roadmap no longer has, and what --fix moved. */
export interface DoctorView {
  orphans: Orphan[];
  /** The orphans whose progress was moved (only with --fix). */
  moved: Orphan[];
}

function what(o: Orphan): string {
  const parts = [o.status === 'pending' ? '' : o.status, o.notes.length ? `${o.notes.length} ${o.notes.length === 1 ? 'note' : 'notes'}` : ''].filter(Boolean);
  return parts.join(', ');
}

/** `doctor`: what was moved, then each orphan with its closest topics and whether --fix can move it. */
export function renderDoctor(r: DoctorView, theme: Theme, fixing: boolean, fixCommand = 'roadmap doctor --fix'): string {
  const { c } = theme;
  const out: string[] = [];
  for (const o of r.moved) {
    const to = o.fixTo;
    if (to) out.push(`Moved ${inert(o.id)} (${what(o)}) -> ${to.topic.number} ${inert(to.topic.title)}`);
  }
  if (r.orphans.length === 0) {
    out.push(r.moved.length ? 'No other progress is orphaned.' : 'All stored progress belongs to topics of this roadmap. Nothing to do.');
    return `${out.join('\n')}\n`;
  }
  if (out.length) out.push('');
  out.push(`${r.orphans.length} stored ${r.orphans.length === 1 ? 'topic is' : 'topics are'} no longer in this roadmap:`);
  for (const o of r.orphans) {
    out.push('', `  ${c.bold(inert(o.id))}  ${c.dim(`(${what(o)})`)}`);
    if (o.candidates.length === 0) out.push(c.dim('    no similar topic'));
    for (const cand of o.candidates) {
      const mark = o.fixTo === cand.entry ? c.green('-> ') : '   ';
      out.push(`  ${mark} ${cand.entry.topic.number} ${inert(cand.entry.topic.title)} ${c.dim(`(similarity ${cand.score.toFixed(2)})`)}`);
    }
    if (o.fixTo) out.push(c.dim(`    --fix moves it to ${o.fixTo.topic.number}`));
    else if (o.why) out.push(c.dim(`    not moved automatically: ${o.why}`));
  }
  const fixable = r.orphans.filter((o) => o.fixTo).length;
  out.push('');
  if (fixable && !fixing) out.push(`Run \`${fixCommand}\` to move ${fixable} of them; move the others by hand with done/start/skip.`);
  else out.push('Move the others by hand with done/start/skip, or leave them: they do not count in any progress.');
  return `${out.join('\n')}\n`;
}
