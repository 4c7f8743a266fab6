import type { StructureChoice } from '../core/parse/structure/structure.js';
import { SECTION_SOURCES, TOPIC_SOURCES } from '../core/types.js';
import { shellQuote } from '../core/text/shell-quote.js';
import { sectionLeaves } from '../core/tree.js';
import type { Roadmap } from '../core/types.js';
import { inert } from '../ui/sanitize.js';
import { InputError, UsageError } from './errors.js';

/** `--sections` and `--topics` on list, next, walk, validate, show, done, start and skip: how the roadmap is built. */
export interface StructureOptions {
  sections?: string;
  topics?: string;
}

/** The structure flags checked against their allowed values (a usage error names them). */
export function structureChoice(opts: StructureOptions): StructureChoice {
  const choice: StructureChoice = {};
  if (opts.sections !== undefined) choice.sections = oneOf(opts.sections, SECTION_SOURCES, '--sections');
  if (opts.topics !== undefined) choice.topics = oneOf(opts.topics, TOPIC_SOURCES, '--topics');
  return choice;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (!found) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${inert(value)}"`, `for example: roadmap list ${flag} ${allowed[0] ?? ''}; roadmap validate FILE --explain shows what each gives`);
  }
  return found;
}

/** Fails (exit 1) when the roadmap has nothing to study, pointing at validate instead of printing "0/0 done". */
export function requireTopics(session: { roadmap: Roadmap; source: string }, options: { roadmap?: string }): void {
  // A section of the parse cache not read yet says how many topics it has (see core/tree.ts) without being read.
  if (session.roadmap.sections.some((s) => sectionLeaves(s) > 0)) return;
  const file = session.source === '-' ? '-' : (options.roadmap ?? session.source);
  const shown = /^[\w./-]+$/.test(file) ? file : shellQuote(inert(file));
  const n = session.roadmap.sections.length;
  throw new InputError(
    `${session.source === '-' ? 'standard input' : inert(file)} has no topics to study (${n} section${n === 1 ? '' : 's'}, 0 topics)`,
    `see what was read and why with: roadmap validate ${shown} --explain; then say how it is built with --sections and --topics`,
  );
}
