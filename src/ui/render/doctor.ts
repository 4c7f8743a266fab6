import type { Orphan } from '../../core/progress/orphans.js';
import { allTopics } from '../../core/tree.js';
import type { Roadmap } from '../../core/types.js';
import { inert } from '../sanitize.js';
import type { Theme } from '../theme.js';

/** What `doctor` found: progress kept under ids the roadmap no longer has or on a topic of another title, and what --fix moved. */
export interface DoctorView {
  roadmap: Roadmap;
  orphans: Orphan[];
  /** The orphans whose progress was moved (only with --fix). */
  moved: Orphan[];
}

function what(o: Orphan): string {
  const parts = [o.status === 'pending' ? '' : o.status, o.notes.length ? `${o.notes.length} ${o.notes.length === 1 ? 'note' : 'notes'}` : ''].filter(Boolean);
  return parts.join(', ');
}

/** Entries listed of each kind; an import of thousands of unknown ids should not fill the terminal. */
const SHOWN = 100;

/** `doctor`: what was moved, then each orphan with its closest topics and whether --fix can move it. */
export function renderDoctor(r: DoctorView, theme: Theme, fixing: boolean, fixCommand = 'roadmap doctor --fix'): string {
  const { c } = theme;
  const out: string[] = [];
  for (const o of r.moved) {
    const to = o.fixTo;
    if (to) out.push(`Moved ${inert(o.id)} (${what(o)}) -> ${to.topic.number} ${inert(to.topic.title)}`);
  }
  const gone = r.orphans.filter((o) => o.markedAs === undefined);
  const shifted = r.orphans.filter((o) => o.markedAs !== undefined);
  if (r.orphans.length === 0) {
    out.push(r.moved.length ? 'No other progress is orphaned.' : 'All stored progress belongs to topics of this roadmap. Nothing to do.');
    return `${out.join('\n')}\n`;
  }
  const entry = (o: Orphan): string => {
    const lines: string[] = [];
    if (o.candidates.length === 0) lines.push(c.dim('    no similar topic'));
    for (const cand of o.candidates) {
      const mark = o.fixTo === cand.entry ? c.green('-> ') : '   ';
      const score = o.markedAs === undefined ? ` ${c.dim(`(similarity ${cand.score.toFixed(2)})`)}` : '';
      lines.push(`  ${mark} ${cand.entry.topic.number} ${inert(cand.entry.topic.title)}${score}`);
    }
    if (o.fixTo) lines.push(c.dim(`    --fix moves it to ${o.fixTo.topic.number}`));
    else if (o.why) lines.push(c.dim(`    not moved automatically: ${inert(o.why)}`));
    return lines.join('\n');
  };
  if (out.length) out.push('');
  if (gone.length) {
    out.push(`${gone.length} stored ${gone.length === 1 ? 'topic is' : 'topics are'} no longer in this roadmap:`);
    for (const o of gone.slice(0, SHOWN)) out.push('', `  ${c.bold(inert(o.id))}  ${c.dim(`(${what(o)})`)}`, entry(o));
    if (gone.length > SHOWN) out.push('', c.dim(`  … and ${gone.length - SHOWN} more (roadmap doctor --json lists them all)`));
  }
  if (shifted.length) {
    const here = new Map(allTopics(r.roadmap).map((e) => [e.topic.id, e.topic]));
    if (gone.length) out.push('');
    out.push(`${shifted.length} ${shifted.length === 1 ? 'status shows' : 'statuses show'} on a topic other than the one ${shifted.length === 1 ? 'it was' : 'they were'} set on (the file was reordered or edited):`);
    for (const o of shifted.slice(0, SHOWN)) {
      const t = here.get(o.id);
      out.push('', `  ${c.bold(`${t?.number ?? ''} ${inert(t?.title ?? o.id)}`.trim())}  ${c.dim(`(${what(o)}, set on "${inert(o.markedAs ?? '')}")`)}`, entry(o));
    }
    if (shifted.length > SHOWN) out.push('', c.dim(`  … and ${shifted.length - SHOWN} more (roadmap doctor --json lists them all)`));
  }
  const fixable = r.orphans.filter((o) => o.fixTo).length;
  out.push('');
  if (fixable && !fixing) out.push(`Run \`${fixCommand}\` to move ${fixable} of them; move the others by hand with done/start/skip${shifted.length ? '/reset' : ''}.`);
  else if (shifted.length) out.push('Put the others right by hand with done/start/skip/reset.');
  else out.push('Move the others by hand with done/start/skip, or leave them: they do not count in any progress.');
  return `${out.join('\n')}\n`;
}
