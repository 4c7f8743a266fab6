import { inert } from '../sanitize.js';
import type { Theme } from '../theme.js';
import type { progressJson } from '../topic-json.js';

/** Everything `info` reports; printed for people here, or as JSON by the command. */
export interface InfoData {
  schemaVersion: number;
  roadmap: { id: string; title: string; description?: string; source: string; bundled: boolean };
  overview: Array<{ title: string; depth: number; text: string[] }>;
  /** The counting rule of list and next: topics without subtopics; groups are topics with subtopics. */
  counts: { sections: number; topics: number; groups: number };
  progress: ReturnType<typeof progressJson>;
  store: { path: string };
  warnings: Array<{ kind: string; message: string; line?: number }>;
}

/** `info`: title, source, counts, progress, where progress lives, then the overview. */
export function renderInfo(info: InfoData, theme: Theme): string {
  const { c } = theme;
  const p = info.progress;
  const out = [
    c.bold(inert(info.roadmap.title)),
    `${c.dim('Source:        ')}${info.roadmap.bundled ? `bundled (${inert(info.roadmap.source)})` : inert(info.roadmap.source === '-' ? 'standard input' : info.roadmap.source)}`,
    `${c.dim('Id:            ')}${inert(info.roadmap.id)}`,
    `${c.dim('Sections:      ')}${info.counts.sections}`,
    `${c.dim('Topics:        ')}${info.counts.topics}${info.counts.groups ? c.dim(` (and ${info.counts.groups} group${info.counts.groups === 1 ? '' : 's'} of them)`) : ''}`,
    `${c.dim('Progress:      ')}${theme.bar(p.done, p.total)} ${p.done}/${p.total} done, ${p.percent}%${p.skipped ? `, ${p.skipped} skipped` : ''}`,
    `${c.dim('Progress file: ')}${inert(info.store.path)}`,
  ];
  if (info.roadmap.description) out.push('', inert(info.roadmap.description, true));
  if (info.overview.length) {
    out.push('', c.bold('Overview'));
    for (const part of info.overview) {
      const indent = '  '.repeat(part.depth + 1);
      out.push(`${indent}${c.cyan(inert(part.title))}`);
      for (const line of part.text) out.push(`${indent}  ${inert(line)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
