import type { Command } from 'commander';
import { isInteractive, type Context } from '../context.js';
import { effectiveStatus, nextTopics, roadmapProgress } from '../core/progress/status.js';
import { walkActions, type WalkAction } from '../core/progress/walk-actions.js';
import type { Status } from '../core/types.js';
import { firstOpenIn, followingTopic } from '../core/progress/walk-order.js';
import type { TopicEntry } from '../core/tree.js';
import { ExitCode, SilentExit, UsageError } from '../app/errors.js';
import { openUrl, type OpenResult } from '../ui/open-url.js';
import { PromptCancelled } from '../ui/prompter.js';
import { topicLinks } from '../ui/render/topic.js';
import { inert } from '../ui/sanitize.js';
import type { Theme } from '../ui/theme.js';
import { structureFlags, type RegisterCommand } from '../app/command-kit.js';
import { applyStatus, saveNote } from '../app/change-progress.js';
import { openSession, type GlobalOptions, type Session } from '../app/session.js';
import { requireTopics, type StructureOptions } from '../app/structure-options.js';
import { pickFromAll, pickTopics, resolveSection } from '../app/topic-args.js';

export interface WalkOptions extends GlobalOptions, StructureOptions {
  section?: string;
  topic?: string;
}

/** Cursor to the top left, then erase the screen (scrollback is left alone). */
const CLEAR_SCREEN = '\u001b[H\u001b[2J';

/** What a walk changed, for the closing line. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
  toString(): string {
    const parts = [...this.counts].map(([what, n]) => (what === 'note' ? `${n} ${n === 1 ? 'note' : 'notes'} added` : `${n} ${what}`));
    return parts.length ? parts.join(', ') : 'nothing changed';
  }
}

/** Topic by topic through the roadmap: one screen, one keypress (Enter marks done and moves on). */
export async function runWalk(opts: WalkOptions, ctx: Context, theme: Theme): Promise<number> {
  refuseRoadmapOnStdin(opts);
  if (!isInteractive(ctx) || opts.json) {
    throw new UsageError('roadmap walk is interactive and needs a terminal', 'in scripts, use `roadmap next` to see what to study and `roadmap done <topic>` to record it');
  }
  const session = await openSession(ctx, opts);
  requireTopics(session, opts);
  const out = ctx.io.stdout;
  const tally = new Tally();
  const { renderWalkScreen } = await import('../ui/render/topic-page.js');
  // Each screen replaces the last (cursor home, clear the screen) instead of scrolling; a dumb terminal just scrolls.
  const clear = ctx.env.TERM === 'dumb' ? '' : CLEAR_SCREEN;
  let notice: string | undefined;
  let current = await startTopic(ctx, session, opts);
  const finish = (code: number): number => {
    const p = roadmapProgress(session.roadmap, session.statuses);
    out.write(`Walk ended: ${tally.toString()}. ${p.done}/${p.total} done, ${p.percent}%.\n`);
    return code;
  };
  try {
    for (;;) {
      if (!current) {
        const p = roadmapProgress(session.roadmap, session.statuses);
        out.write(`You have finished this roadmap: ${p.done}/${p.total} done, ${p.percent}%. Well done!\n`);
        return finish(ExitCode.ok);
      }
      out.write(clear + renderWalkScreen(current, session.statuses, roadmapProgress(session.roadmap, session.statuses), theme, session.notes.get(current.topic.id) ?? [], notice));
      notice = undefined;
      const action = await chooseAction(ctx, session, current);
      switch (action) {
        case 'done':
        case 'skip':
          await setStatus(ctx, session, current, action === 'done' ? 'done' : 'skipped');
          tally.add(action === 'done' ? 'marked done' : 'skipped');
          current = followingTopic(session.roadmap, session.statuses, current.topic.id);
          break;
        case 'start':
          await setStatus(ctx, session, current, 'in-progress');
          tally.add('started');
          break;
        case 'reset':
          await setStatus(ctx, session, current, 'pending');
          tally.add('reset');
          break;
        case 'next':
          current = followingTopic(session.roadmap, session.statuses, current.topic.id);
          break;
        case 'note': {
          const text = (await ctx.prompter.input(`Note on ${current.topic.number} (empty to cancel):`)).trim();
          if (text) {
            await saveNote(ctx, session, current, text);
            tally.add('note');
          }
          break;
        }
        case 'link':
          notice = await openLink(ctx, current);
          break;
        case 'pick':
          current = await pickFromAll(ctx, session, 'Go to which topic? (type to filter)');
          break;
        case 'quit':
          return finish(ExitCode.ok);
      }
    }
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    finish(error.how === 'interrupt' ? ExitCode.interrupted : ExitCode.ok);
    throw new SilentExit(error.how === 'interrupt' ? ExitCode.interrupted : ExitCode.ok);
  }
}

async function startTopic(ctx: Context, session: Session, opts: WalkOptions): Promise<TopicEntry | undefined> {
  if (opts.topic !== undefined) return (await pickTopics(ctx, session, [opts.topic], 'walk'))[0];
  if (opts.section !== undefined) {
    const section = resolveSection(session, opts.section);
    return firstOpenIn(session.roadmap, section, session.statuses) ?? followingTopic(session.roadmap, session.statuses, undefined);
  }
  return nextTopics(session.roadmap, session.statuses, 1)[0];
}

/** The keys walk reads come from standard input: a roadmap piped in there leaves none for them. */
function refuseRoadmapOnStdin(opts: WalkOptions): void {
  if (opts.roadmap !== '-') return;
  throw new UsageError(
    'roadmap walk reads your keys from standard input, and with --roadmap - standard input is the roadmap itself',
    'save the roadmap to a file and walk that: curl -sL <url> > roadmap.md && roadmap walk --roadmap roadmap.md',
  );
}

/** Menu entries: label and help line for each action. */
const ACTION_CHOICES: Record<WalkAction, { name: string; description?: string }> = {
  done: { name: 'Mark done', description: 'record it and go to the next topic' },
  next: { name: 'Next topic', description: 'go on without changing this one' },
  start: { name: 'Start', description: 'mark it in progress' },
  skip: { name: 'Skip', description: 'leave it out and go to the next topic' },
  reset: { name: 'Reset', description: 'mark it not started again' },
  note: { name: 'Add a note', description: 'write a line to keep with this topic' },
  link: { name: 'Open a link', description: 'in your browser' },
  pick: { name: 'Pick another topic' },
  quit: { name: 'Quit' },
};

/**
 * Asks what to do with the topic on screen. Only actions that can work for its status are offered (walkActions), so
 * the cursor never stops on a disabled one; the menu is cleared from the screen once answered, Escape and Ctrl+C
 * included.
 */
function chooseAction(ctx: Context, session: Session, e: TopicEntry): Promise<WalkAction> {
  const actions = walkActions(effectiveStatus(e.topic, session.statuses), topicLinks(e.topic).length > 0);
  return ctx.prompter.select<WalkAction>(
    'What now?',
    actions.map((value) => ({ value, ...ACTION_CHOICES[value] })),
    actions[0],
    { clear: true },
  );
}

async function setStatus(ctx: Context, session: Session, e: TopicEntry, status: Status): Promise<void> {
  await applyStatus(ctx, session, [e], status);
}

/** Opens one of the topic's links; says what happened in a line the next screen shows (raw: the renderer makes it inert). */
async function openLink(ctx: Context, e: TopicEntry): Promise<string | undefined> {
  const links = topicLinks(e.topic);
  const link = links.length === 1 ? links[0] : await ctx.prompter.select('Open which link?', links.map((l) => ({ name: `${inert(l.title)}  ${inert(l.url)}`, value: l })));
  if (!link) return undefined;
  return openNotice(await openUrl(link.url, ctx.env), link.url);
}

/**
 * What opening a link did, for the next screen: success only when the launcher exited 0; otherwise why, and the url
 * to copy.
 */
function openNotice(result: OpenResult, url: string): string {
  if (result.kind === 'opened') return `Opened ${url} in your browser.`;
  const why = result.kind === 'waiting' ? `${result.launcher} has not confirmed that a browser opened it` : `No browser was found to open it (${result.why})`;
  return `${why}. The link is:\n  ${url}`;
}

export const registerWalk: RegisterCommand = (kit) => {
  structureFlags(kit.sub('walk'))
    .option('-s, --section <ref>', 'start at the first open topic of this section')
    .option('-t, --topic <ref>', 'start at this topic')
    .addHelpText('after', '\nKeys: arrows choose, Enter confirms, Escape quits, Ctrl+C stops (exit 130); progress is saved at each step.\n\nExamples:\n  $ roadmap walk\n  $ roadmap walk --section 4\n  $ roadmap walk --topic gorm')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<WalkOptions>(cmd);
      const code = await runWalk(opts, kit.ctx, kit.theme(opts));
      if (code !== 0) throw new SilentExit(code);
    });
};
