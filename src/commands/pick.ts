import { isInteractive, type Context } from '../context.js';
import { findTopic } from '../core/lookup.js';
import { effectiveStatus } from '../core/progress.js';
import { allTopics, type TopicEntry } from '../core/walk.js';
import { UsageError } from '../errors.js';
import type { PromptChoice } from '../ui/prompter.js';
import { inert } from '../ui/sanitize.js';
import { resolveTopic, type Session } from './shared.js';

const MARK = { pending: '[ ]', 'in-progress': '[~]', done: '[x]', skipped: '[-]' } as const;

function choice(e: TopicEntry, session: Session): PromptChoice<TopicEntry> {
  const status = effectiveStatus(e.topic, session.statuses);
  return { name: `${e.topic.number.padEnd(7)} ${MARK[status]} ${inert(e.topic.title)}`, value: e, description: inert(e.section.title) };
}

const QUESTION: Record<string, string> = {
  done: 'Mark which topic done?',
  reset: 'Reset which topic?',
  show: 'Show which topic?',
  start: 'Start which topic?',
  skip: 'Skip which topic?',
  note: 'Add a note to which topic?',
};

function fold(s: string): string {
  return s.toLocaleLowerCase();
}

/** Offers every topic in a list that narrows as the user types (number, title or id). */
export function pickFromAll(ctx: Context, session: Session, message: string): Promise<TopicEntry> {
  const entries = allTopics(session.roadmap);
  return ctx.prompter.search(message, (term) => {
    const needle = fold(term.trim());
    const hits = needle
      ? entries.filter((e) => e.topic.number.startsWith(needle) || fold(e.topic.title).includes(needle) || e.topic.id.includes(needle))
      : entries;
    return hits.slice(0, 200).map((e) => choice(e, session));
  });
}

/**
 * The topics a command acts on. On a terminal a missing reference opens a searchable picker and an ambiguous one
 * offers its candidates; anywhere else (pipe, CI, --json) those are usage errors that say what to pass, at once.
 */
export async function pickTopics(ctx: Context, session: Session, refs: readonly string[], verb: string, json = false): Promise<TopicEntry[]> {
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
      out.push(resolveTopic(session, ref, verb));
    }
  }
  return out;
}
