import type { ValidationReport } from '../../core/parse/validate.js';
import type { StructureReport } from '../../core/types.js';
import { inert } from '../sanitize.js';
import { displayWidth, fit, type Theme } from '../theme.js';

/** What `validate` found in one file: the report and the file as the user named it ("-" for standard input). */
export interface ValidateResult extends ValidationReport {
  file: string;
  /** With --explain: the structures considered, their counts and scores, and why the chosen one. */
  structure?: StructureReport;
}
import { appendAll, maxOf } from '../../core/append.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `validate` for people: verdict, counts per section, then warnings with their line numbers. */
export function renderValidation(r: ValidateResult, theme: Theme): string {
  const { c } = theme;
  const out: string[] = [c.bold(inert(r.title))];
  const groups = r.counts.groups ? ` (and ${plural(r.counts.groups, 'group')} of them)` : '';
  const counts = `${plural(r.counts.sections, 'section')}, ${plural(r.counts.topics, 'topic')}${groups}, ${plural(r.warnings.length, 'warning')}`;
  out.push(r.usable ? `${c.green('usable roadmap')}: ${counts}` : `${c.red('not a usable roadmap')}: ${counts}`);
  for (const p of r.problems) out.push(`  ${c.red('✗')} ${p}`);
  if (r.sections.length) {
    const numWidth = maxOf(r.sections.map((s) => s.number.length), 1);
    const topicWidth = maxOf(r.sections.map((s) => String(s.topics).length), 6);
    const fixed = 2 + numWidth + 2 + 2 + topicWidth + 2 + 6;
    const titleWidth = Math.min(
      maxOf(r.sections.map((s) => displayWidth(inert(s.title))), 7),
      theme.width === undefined ? Infinity : Math.max(12, theme.width - fixed),
    );
    out.push('', c.dim(`  ${'#'.padStart(numWidth)}  ${padEnd('Section', titleWidth)}  ${'Topics'.padStart(topicWidth)}  ${'Line'.padStart(6)}`));
    for (const s of r.sections) {
      const title = padEnd(fit(inert(s.title), theme.width === undefined ? undefined : titleWidth), titleWidth);
      const count = String(s.topics).padStart(topicWidth);
      out.push(`  ${s.number.padStart(numWidth)}  ${title}  ${s.topics === 0 ? c.yellow(count) : count}  ${String(s.line).padStart(6)}`);
    }
  }
  if (r.warnings.length) {
    out.push('', c.bold('Warnings'));
    const kindWidth = maxOf(r.warnings.map((w) => w.kind.length));
    for (const w of r.warnings) {
      const where = w.line === undefined ? '        ' : `line ${String(w.line).padStart(4)}`;
      const line = `  ${where}  ${w.kind.padEnd(kindWidth)}  ${inert(w.message)}`;
      out.push(c.yellow(fit(line, theme.width)));
    }
  }
  if (r.structure) appendAll(out, ['', ...renderStructure(r.structure, theme)]);
  return `${out.join('\n')}\n`;
}

const readingName = (sections: string, topics: string): string =>
  sections === 'inferred' && topics === 'inferred' ? 'inferred (no flags)' : [sections === 'inferred' ? '' : `--sections ${sections}`, topics === 'inferred' ? '' : `--topics ${topics}`].filter(Boolean).join(' ');

/** `validate --explain`: why this reading, then every reading considered with its counts and shape score. */
function renderStructure(s: StructureReport, theme: Theme): string[] {
  const { c } = theme;
  const by = s.chosen.by === 'user' ? 'as you said' : s.chosen.by === 'fallback' ? 'by the fallback, as the rules found no topics' : 'by the rules';
  const out = [c.bold('How it was read'), `  ${by}: ${readingName(s.chosen.sections, s.chosen.topics)}`];
  for (const reason of s.reasons) out.push(`  - ${inert(reason)}`);
  if (s.candidates.length === 0) return out;
  out.push('', c.bold('Readings considered'), c.dim('  score  sections  topics  groups  reading (flags to choose it)'));
  for (const k of s.candidates) {
    const row = `  ${k.score.toFixed(2).padStart(5)}  ${String(k.counts.sections).padStart(8)}  ${String(k.counts.topics).padStart(6)}  ${String(k.counts.groups).padStart(6)}  ${readingName(k.sections, k.topics)}`;
    out.push(k.chosen ? c.green(`${row}   <- chosen`) : row);
  }
  out.push(
    c.dim('  The score adds shape signals (sections that hold topics, balance, numbering, table-of-contents coverage, plain'),
    c.dim('  topics over bare links, depth, navigable size); words never enter it. Pass the flags of another reading to list,'),
    c.dim('  next, walk, show, done, start and skip to read the roadmap that way.'),
  );
  return out;
}
