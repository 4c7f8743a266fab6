import { isInteractive, type Context } from '../context.js';
import { filterTopics, findSection, findTopic, type TopicMatch } from '../core/lookup.js';
import { effectiveStatus } from '../core/progress/status.js';
import { firstToChange, type Target } from '../core/progress/status-change.js';
import { allTopics, type TopicEntry } from '../core/tree.js';
import type { Roadmap, Section, Status } from '../core/types.js';
import { NotFoundError, UsageError } from './errors.js';
import type { PromptChoice } from '../ui/prompter.js';
import { inert } from '../ui/sanitize.js';
import { STATUS_MARKS } from '../ui/theme.js';
import type { Session } from './session.js';

function choice(e: TopicEntry, session: Session): PromptChoice<TopicEntry> {
  const status = effectiveStatus(e.topic, session.statuses);
  return { name: `${e.topic.number.padEnd(7)} ${STATUS_MARKS[status]} ${inert(e.topic.title)}`, value: e, description: inert(e.section.title) };
}

const QUESTION: Record<string, string> = {
  done: 'Mark which topic done?',
  reset: 'Reset which topic?',
  show: 'Show which topic?',
  start: 'Start which topic?',
  skip: 'Skip which topic?',
  note: 'Add a note to which topic?',
};

/** A resolved argument of a status command: what it names, the topic's entry for a topic, and the reference typed. */
export interface Picked {
  target: Target;
  entry?: TopicEntry;
  ref: string;
}

const VERB: Record<Status, string> = { done: 'done', 'in-progress': 'start', skipped: 'skip', pending: 'reset' };
const MANY_QUESTION: Record<Status, string> = {
  done: 'Mark which topics done?',
  'in-progress': 'Start which topics?',
  skipped: 'Skip which topics?',
  pending: 'Reset which topics?',
};

/** The section a reference names as a whole: a bare section number (`3`) or a section id; never a title fragment. */
export function sectionNamed(session: Session, ref: string): Section | undefined {
  const wanted = ref.trim();
  return session.roadmap.sections.find((s) => (/^\d+$/.test(wanted) && s.number === wanted) || s.id === wanted);
}

/**
 * What a status command acts on. A bare number or a section id names a whole section; anything else a topic. On a
 * terminal no reference opens a list to tick several topics in, starting on the first the action would change;
 * elsewhere that is a usage error saying what to pass.
 */
export async function pickTargets(ctx: Context, session: Session, refs: readonly string[], status: Status, json: boolean | string = false): Promise<Picked[]> {
  const verb = VERB[status];
  if (refs.length === 0) {
    if (!isInteractive(ctx) || json) {
      throw new UsageError(`roadmap ${verb} needs a topic`, `for example: roadmap ${verb} 1.1  (numbers, ids and title fragments work, a bare number is a whole section; on a terminal, leave it out to pick from a list)`);
    }
    const entries = await pickManyFromAll(ctx, session, status);
    return entries.map((entry) => ({ target: { kind: 'topic', topic: entry.topic }, entry, ref: entry.topic.number }));
  }
  const out: Picked[] = [];
  for (const ref of refs) {
    const section = sectionNamed(session, ref);
    if (section) out.push({ target: { kind: 'section', section }, ref: section.number });
    else {
      const [entry] = await pickTopics(ctx, session, [ref], verb, json);
      if (entry) out.push({ target: { kind: 'topic', topic: entry.topic }, entry, ref });
    }
  }
  return out;
}

/** Every topic in a list to tick several in, filtered as the user types, the cursor on the first the action would change. */
async function pickManyFromAll(ctx: Context, session: Session, status: Status): Promise<TopicEntry[]> {
  const entries = allTopics(session.roadmap);
  const index = new Map(entries.map((e, i) => [e, i]));
  return ctx.prompter.pickMany(
    MANY_QUESTION[status],
    entries.map((e) => choice(e, session)),
    {
      filter: (term) => filterTopics(entries, term).map((e) => index.get(e) ?? -1),
      initial: firstToChange(entries, session.statuses, status),
    },
  );
}

/** Offers every topic in a list that narrows as the user types (number, title or id). */
export function pickFromAll(ctx: Context, session: Session, message: string): Promise<TopicEntry> {
  const entries = allTopics(session.roadmap);
  return ctx.prompter.search(message, (term) => {
    return filterTopics(entries, term).slice(0, 200).map((e) => choice(e, session));
  });
}

/**
 * The topics a command acts on. On a terminal a missing reference opens a searchable picker and an ambiguous one
 * offers its candidates; anywhere else (pipe, CI, --json) those are usage errors that say what to pass, at once.
 */
export async function pickTopics(ctx: Context, session: Session, refs: readonly string[], verb: string, json: boolean | string = false): Promise<TopicEntry[]> {
  const interactive = isInteractive(ctx) && !json;
  if (refs.length === 0) {
    if (!interactive) {
      throw new UsageError(`roadmap ${verb} needs a topic`, `for example: roadmap ${verb} 1.1  (numbers, ids and title fragments work; on a terminal, leave it out to pick from a list)`);
    }
    return [await pickFromAll(ctx, session, `${QUESTION[verb] ?? `Which topic (${verb})?`} (type to filter)`)];
  }
  const out: TopicEntry[] = [];
  for (const ref of refs) {
    const match = findTopic(session.roadmap, ref);
    if (match.kind === 'many' && interactive) {
      out.push(await ctx.prompter.select(`"${inert(ref)}" matches ${match.candidates.length} topics. Which one?`, match.candidates.map((e) => choice(e, session))));
    } else {
      out.push(resolveTopic(session, ref, verb, match));
    }
  }
  return out;
}

/**
 * Resolves a topic reference or throws: several matches are a usage error (2), none is a failure (1). `match` is
 * what findTopic found for it, when the caller has looked already.
 */
export function resolveTopic(session: Session, ref: string, verb = 'show', match: TopicMatch = findTopic(session.roadmap, ref)): TopicEntry {
  switch (match.kind) {
    case 'one':
      return match.entry;
    case 'many': {
      const shown = match.candidates.slice(0, 15);
      const lines = shown.map((e) => `  ${e.topic.number.padEnd(8)} ${inert(e.topic.id)}  ${inert(e.topic.title)}`);
      if (match.candidates.length > shown.length) lines.push(`  … and ${match.candidates.length - shown.length} more`);
      const first = match.candidates[0]?.topic.number ?? '1.1';
      throw new UsageError(
        `"${inert(ref)}" matches ${match.candidates.length} topics:\n${lines.join('\n')}`,
        `name one by its number or id, for example: roadmap ${verb} ${first}`,
      );
    }
    case 'none': {
      const isSection = /^\d+$/.test(ref.trim()) && session.roadmap.sections.some((s) => s.number === ref.trim());
      if (isSection) {
        throw new UsageError(`"${ref.trim()}" is a section, not a topic`, `name a topic such as ${ref.trim()}.1, or see the section with: roadmap list --section ${ref.trim()}`);
      }
      const hint = match.suggestions.length
        ? `did you mean:\n${match.suggestions.map((e) => `  ${e.topic.number.padEnd(8)} ${inert(e.topic.title)}`).join('\n')}`
        : 'run `roadmap list` to see topics with their numbers';
      throw new NotFoundError(`no topic matches "${inert(ref)}"`, hint);
    }
  }
}

/** Resolves a section reference (number, id, or title fragment) or throws. */
export function resolveSection(session: Session, ref: string): Section {
  const found = findSection(session.roadmap, ref);
  if (Array.isArray(found)) {
    const lines = found.map((s) => `  ${s.number.padEnd(4)} ${inert(s.id)}  ${inert(s.title)}`).join('\n');
    throw new UsageError(`"${inert(ref)}" matches ${found.length} sections:\n${lines}`, 'name one by its number, for example: --section 1');
  }
  if (!found) {
    throw new NotFoundError(`no section matches "${inert(ref)}"`, `sections are numbered 1 to ${session.roadmap.sections.length}; run \`roadmap list\` to see them`);
  }
  return found;
}

/** The roadmap cut down to one section (`next --section`, `stats --section`): the same rules then apply to it alone. */
export function sectionOnly(roadmap: Roadmap, section: Section): Roadmap {
  return { ...roadmap, sections: [section] };
}
