import type { Note } from '../../core/progress/history.js';
import { effectiveStatus, roadmapProgress, type StatusMap } from '../../core/progress/status.js';
import type { Roadmap, Topic } from '../../core/types.js';
import { inert } from '../sanitize.js';

/** Text that reads literally in Markdown: characters that would start emphasis, code, links or HTML are escaped. */
function md(text: string): string {
  return inert(text).replace(/[\\`*_[\]<>#|~]/g, (ch) => `\\${ch}`);
}

/**
 * The roadmap as a GitHub-flavoured Markdown checklist: `[x]` for done, `[ ]` otherwise with in-progress and
 * skipped said in words (GFM has no other box), notes as quotes under their topic.
 */
export function renderChecklist(roadmap: Roadmap, statuses: StatusMap, notes: ReadonlyMap<string, readonly Note[]>, exportedAt: string): string {
  const p = roadmapProgress(roadmap, statuses);
  const out = [`# ${md(roadmap.title)}`, '', `Progress: ${p.done}/${p.total} done (${p.percent}%)${p.skipped ? `, ${p.skipped} skipped` : ''}. Exported ${exportedAt.slice(0, 10)}.`];
  const walk = (t: Topic, depth: number): void => {
    const s = effectiveStatus(t, statuses);
    const indent = '  '.repeat(depth);
    const title = s === 'skipped' ? `~~${md(t.title)}~~ _(skipped)_` : s === 'in-progress' ? `${md(t.title)} _(in progress)_` : md(t.title);
    out.push(`${indent}- [${s === 'done' ? 'x' : ' '}] ${title}`);
    for (const n of notes.get(t.id) ?? []) {
      for (const line of inert(n.text, true).split('\n')) out.push(`${indent}  > ${line}`.trimEnd());
    }
    for (const child of t.children) walk(child, depth + 1);
  };
  for (const section of roadmap.sections) {
    out.push('', `## ${section.number}. ${md(section.title)}`, '');
    for (const t of section.topics) walk(t, 0);
    if (section.topics.length === 0) out.push('_(no topics)_');
  }
  return `${out.join('\n')}\n`;
}
