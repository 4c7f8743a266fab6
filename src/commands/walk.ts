import type { Command } from 'commander';
import { isInteractive, type Context } from '../context.js';
import { nextTopics, roadmapProgress } from '../core/progress/status.js';
import type { Status } from '../core/types.js';
import { firstOpenIn, followingTopic } from '../core/progress/walk-order.js';
import type { TopicEntry } from '../core/tree.js';
import { ExitCode, SilentExit, UsageError } from '../app/errors.js';
import { openUrl } from '../ui/open-url.js';
import { PromptCancelled } from '../ui/prompter.js';
import { renderWalkScreen, topicLinks } from '../ui/render/walk.js';
import { inert } from '../ui/sanitize.js';
import type { Theme } from '../ui/theme.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { applyStatus, saveNote } from '../app/change-progress.js';
import { openSession, type GlobalOptions, type Session } from '../app/session.js';
import { pickFromAll, pickTopics, resolveSection } from '../app/topic-args.js';

export interface WalkOptions extends GlobalOptions {
  section?: string;
  topic?: string;
}

type Action = 'done' | 'start' | 'skip' | 'note' | 'link' | 'pick' | 'quit';

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
  if (!isInteractive(ctx) || opts.json) {
    throw new UsageError('roadmap walk is interactive and needs a terminal', 'in scripts, use `roadmap next` to see what to study and `roadmap done <topic>` to record it');
  }
  const session = await openSession(ctx, opts);
  const out = ctx.io.stdout;
  const tally = new Tally();
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
      out.write(renderWalkScreen(current, session.statuses, roadmapProgress(session.roadmap, session.statuses), theme, session.notes.get(current.topic.id) ?? []));
      const action = await chooseAction(ctx, current);
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
        case 'note': {
          const text = (await ctx.prompter.input(`Note on ${current.topic.number} (empty to cancel):`)).trim();
          if (text) {
            await saveNote(ctx, session, current, text);
            tally.add('note');
          }
          break;
        }
        case 'link':
          await openLink(ctx, current);
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

function chooseAction(ctx: Context, e: TopicEntry): Promise<Action> {
  const hasLinks = topicLinks(e.topic).length > 0;
  return ctx.prompter.select<Action>(
    'What now?',
    [
      { name: 'Mark done', value: 'done', description: 'record it and go to the next topic' },
      { name: 'Start', value: 'start', description: 'mark it in progress' },
      { name: 'Skip', value: 'skip', description: 'leave it out and go to the next topic' },
      { name: 'Add a note', value: 'note', description: 'write a line to keep with this topic' },
      { name: 'Open a link', value: 'link', disabled: hasLinks ? false : '(no links)' },
      { name: 'Pick another topic', value: 'pick' },
      { name: 'Quit', value: 'quit' },
    ],
    'done',
  );
}

async function setStatus(ctx: Context, session: Session, e: TopicEntry, status: Status): Promise<void> {
  await applyStatus(ctx, session, [e], status);
}

async function openLink(ctx: Context, e: TopicEntry): Promise<void> {
  const links = topicLinks(e.topic);
  const link = links.length === 1 ? links[0] : await ctx.prompter.select('Open which link?', links.map((l) => ({ name: `${inert(l.title)}  ${inert(l.url)}`, value: l })));
  if (!link) return;
  if (openUrl(link.url, ctx.env)) ctx.io.stderr.write(`Opened ${inert(link.url)} in your browser.\n`);
  else ctx.io.stdout.write(`No browser to open it here; the link is:\n  ${inert(link.url)}\n\n`);
}

export const registerWalk: RegisterCommand = (kit) => {
  kit
    .sub('walk', 'go through the roadmap topic by topic, interactively (Enter marks done and moves on)')
    .option('-s, --section <ref>', 'start at the first open topic of this section')
    .option('-t, --topic <ref>', 'start at this topic')
    .addHelpText('after', '\nKeys: arrows choose, Enter confirms, Escape quits, Ctrl+C stops (exit 130); progress is saved at each step.\n\nExamples:\n  $ roadmap walk\n  $ roadmap walk --section 4\n  $ roadmap walk --topic gorm')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<WalkOptions>(cmd);
      const code = await runWalk(opts, kit.ctx, kit.theme(opts));
      if (code !== 0) throw new SilentExit(code);
    });
};
