import type { Command } from 'commander';
import { isInteractive, type Context } from '../context.js';
import type { Note } from '../core/progress/history.js';
import type { TopicEntry } from '../core/tree.js';
import { CliError, ExitCode, UsageError } from '../app/errors.js';
import { readStreamLimited } from '../source/read-capped.js';
import { inert } from '../ui/sanitize.js';
import { SCHEMA_VERSION, sectionRef } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { pickTopics } from '../app/topic-args.js';
import { saveNote } from '../app/change-progress.js';
import { openSession, type GlobalOptions, type Session } from '../app/session.js';

/** A note longer than this is almost certainly a mistake (a file piped to the wrong place). */
export const MAX_NOTE = 20_000;

/** Standard input is read no further than this: room for MAX_NOTE characters in any script, with spaces around. */
const MAX_NOTE_BYTES = 256 * 1024;

function checkNoteSize(size: number, shown: string): void {
  if (size > MAX_NOTE_BYTES) {
    throw new UsageError(`${shown} holds more than ${MAX_NOTE_BYTES / 1024} KB; a note is at most ${MAX_NOTE} characters`, 'keep long material in a file and note its path');
  }
}

export interface NoteResult {
  session: Session;
  entry: TopicEntry;
  note: Note;
}

/**
 * Adds a note to a topic. The text comes from the arguments, or on a terminal from the user's editor; `-` reads it
 * from standard input. Notes are never lost silently: empty text is refused instead of saved.
 */
export async function runNote(ref: string | undefined, words: readonly string[], opts: GlobalOptions, ctx: Context): Promise<NoteResult> {
  const session = await openSession(ctx, opts);
  const [entry] = await pickTopics(ctx, session, ref === undefined ? [] : [ref], 'note', opts.json);
  if (!entry) throw new Error('the picker returned no topic');
  const text = await noteText(words, entry, ctx);
  if (text.length > MAX_NOTE) throw new UsageError(`the note is ${text.length} characters long; the limit is ${MAX_NOTE}`, 'keep long material in a file and note its path');
  return { session, entry, note: await saveNote(ctx, session, entry, text) };
}

async function noteText(words: readonly string[], entry: TopicEntry, ctx: Context): Promise<string> {
  let text: string;
  if (words.length === 1 && words[0] === '-') {
    if (ctx.io.stdin.isTTY) throw new UsageError('`-` reads the note from standard input, but standard input is a terminal', `pipe it in: echo "text" | roadmap note ${entry.topic.number} -`);
    // Read under a cap, so `note 1.1 - </dev/zero` stops at once instead of filling memory.
    text = Buffer.from(await readStreamLimited(ctx.io.stdin, 'standard input', checkNoteSize)).toString('utf8');
  } else if (words.length > 0) {
    text = words.join(' ');
  } else {
    if (!isInteractive(ctx)) {
      throw new UsageError('give the note text (or run on a terminal to write it in your editor)', `roadmap note ${entry.topic.number} "what you learned"   or   echo "text" | roadmap note ${entry.topic.number} -`);
    }
    text = await ctx.prompter.editor(`Note on ${entry.topic.number} ${inert(entry.topic.title)}`);
  }
  text = text.replace(/\r\n?/g, '\n').trim();
  if (text === '') throw new CliError('the note is empty; nothing was saved', ExitCode.failure, `roadmap note ${entry.topic.number} "what you learned"`);
  return text;
}

export const registerNote: RegisterCommand = (kit) => {
  kit
    .sub('note', 'add a note to a topic (opens your editor on a terminal when no text is given)')
    .argument('[topic]', 'topic number (3.2), id or title fragment (on a terminal, omit it to pick from a list)')
    .argument('[text...]', 'the note; "-" reads it from standard input')
    .option('--json', 'print the saved note as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap note 1.1 "ServeMux patterns need Go 1.22"\n  $ roadmap note gorm            # writes the note in $EDITOR\n  $ pbpaste | roadmap note 2.2 -\n\nNotes show in `roadmap show` and in every Topic JSON (`notes`).')
    .action(async (ref: string | undefined, words: string[], _opts: unknown, cmd: Command) => {
      const opts = kit.options(cmd);
      const r = await runNote(ref, words, opts, kit.ctx);
      if (opts.json) {
        kit.printJson({ schemaVersion: SCHEMA_VERSION, topic: { id: r.entry.topic.id, number: r.entry.topic.number, title: r.entry.topic.title, section: sectionRef(r.entry.section) }, note: r.note });
        return;
      }
      const count = r.session.notes.get(r.entry.topic.id)?.length ?? 1;
      kit.print(`Noted on ${r.entry.topic.number} ${inert(r.entry.topic.title)} (${count} ${count === 1 ? 'note' : 'notes'}; see them with: roadmap show ${r.entry.topic.number})\n`);
    });
};
