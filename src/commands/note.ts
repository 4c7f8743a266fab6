import type { Command } from 'commander';
import { isInteractive, type Context } from '../context.js';
import type { Note } from '../core/progress/history.js';
import { noteAt, noteFileHeader, notesOf, planNoteDelete, planNoteEdit, stripNoteHeader } from '../core/progress/notes.js';
import { roadmapProgress } from '../core/progress/status.js';
import type { TopicEntry } from '../core/tree.js';
import { CliError, ExitCode, NotFoundError, UsageError } from '../app/errors.js';
import { readStreamLimited } from '../source/read-capped.js';
import { changeJson } from '../ui/change-json.js';
import { formatTime } from '../ui/format-time.js';
import { inert } from '../ui/sanitize.js';
import { SCHEMA_VERSION, sectionRef } from '../ui/topic-json.js';
import type { Kit, RegisterCommand } from '../app/command-kit.js';
import { pickTopics } from '../app/topic-args.js';
import { recordNotes, saveNote } from '../app/change-progress.js';
import { openSession, roadmapRef, type GlobalOptions, type Session } from '../app/session.js';

/** A note longer than this is almost certainly a mistake (a file piped to the wrong place). */
export const MAX_NOTE = 20_000;

/** Standard input is read no further than this: room for MAX_NOTE characters in any script, with spaces around. */
const MAX_NOTE_BYTES = 256 * 1024;

function checkNoteSize(size: number, shown: string): void {
  if (size > MAX_NOTE_BYTES) {
    throw new UsageError(`${shown} holds more than ${MAX_NOTE_BYTES / 1024} KB; a note is at most ${MAX_NOTE} characters`, 'keep long material in a file and note its path');
  }
}

export interface NoteOptions extends GlobalOptions {
  list?: boolean;
  edit?: string;
  delete?: string;
}

type NoteAction = { kind: 'add' } | { kind: 'list' } | { kind: 'edit'; n: number } | { kind: 'delete'; n: number };

export interface NoteResult {
  session: Session;
  entry: TopicEntry;
  action: NoteAction;
  /** The note as it is now (add, edit) or as it was (delete). */
  note?: Note;
  /** The note before an edit or a delete. */
  before?: Note;
  /** False when the command changed nothing (an edit to the same text). */
  changed: boolean;
}

function noteNumber(raw: string, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a note number of 1 or more, got "${raw}"`, 'the numbers are those of: roadmap note <topic> --list');
  return n;
}

function actionOf(opts: NoteOptions, words: readonly string[]): NoteAction {
  const given = [opts.list ? '--list' : '', opts.edit !== undefined ? '--edit' : '', opts.delete !== undefined ? '--delete' : ''].filter(Boolean);
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} cannot be used together`, 'roadmap note 2.2 --list   or   roadmap note 2.2 --edit 1   or   roadmap note 2.2 --delete 1');
  if ((opts.list || opts.delete !== undefined) && words.length > 0) throw new UsageError(`${given[0] ?? ''} takes no note text`, 'roadmap note 2.2 --list');
  if (opts.list) return { kind: 'list' };
  if (opts.edit !== undefined) return { kind: 'edit', n: noteNumber(opts.edit, '--edit') };
  if (opts.delete !== undefined) return { kind: 'delete', n: noteNumber(opts.delete, '--delete') };
  return { kind: 'add' };
}

function existing(session: Session, entry: TopicEntry, n: number): Note {
  const note = noteAt(session.state, entry.topic.id, n);
  if (note) return note;
  const count = notesOf(session.state, entry.topic.id).length;
  throw new NotFoundError(
    `${entry.topic.number} has no note ${n}: it has ${count === 0 ? 'none' : count === 1 ? 'one' : count}`,
    count === 0 ? `add one with: roadmap note ${entry.topic.number} "what you learned"` : `see them with: roadmap note ${entry.topic.number} --list`,
  );
}

/**
 * Adds, lists, edits or deletes a topic's notes. The text comes from the arguments, `-` reads standard input, and
 * on a terminal with no text the user's editor opens (with a header naming the topic, removed on save). Every change
 * is one undoable history entry; empty text is refused instead of saved.
 */
export async function runNote(ref: string | undefined, words: readonly string[], opts: NoteOptions, ctx: Context): Promise<NoteResult> {
  const action = actionOf(opts, words);
  const session = await openSession(ctx, opts);
  const [entry] = await pickTopics(ctx, session, ref === undefined ? [] : [ref], 'note', opts.json || action.kind !== 'add');
  if (!entry) throw new Error('the picker returned no topic');
  switch (action.kind) {
    case 'list':
      return { session, entry, action, changed: false };
    case 'add': {
      const note = await saveNote(ctx, session, entry, await noteText(words, entry, ctx, undefined));
      return { session, entry, action, note, changed: true };
    }
    case 'edit': {
      const before = existing(session, entry, action.n);
      const text = await noteText(words, entry, ctx, before);
      const event = await recordNotes(ctx, session, planNoteEdit(before, text, ctx.now().toISOString()));
      return { session, entry, action, before, note: event?.notesAdded[0] ?? before, changed: event !== undefined };
    }
    case 'delete': {
      const before = existing(session, entry, action.n);
      await recordNotes(ctx, session, planNoteDelete(before));
      return { session, entry, action, before, note: before, changed: true };
    }
  }
}

async function noteText(words: readonly string[], entry: TopicEntry, ctx: Context, editing: Note | undefined): Promise<string> {
  const example = `roadmap note ${entry.topic.number}${editing ? ' --edit <n>' : ''}`;
  let text: string;
  if (words.length === 1 && words[0] === '-') {
    if (ctx.io.stdin.isTTY) throw new UsageError('`-` reads the note from standard input, but standard input is a terminal', `pipe it in: echo "text" | ${example} -`);
    // Read under a cap, so `note 1.1 - </dev/zero` stops at once instead of filling memory.
    text = Buffer.from(await readStreamLimited(ctx.io.stdin, 'standard input', checkNoteSize)).toString('utf8');
  } else if (words.length > 0) {
    text = words.join(' ');
  } else {
    if (!isInteractive(ctx)) {
      throw new UsageError('give the note text (or run on a terminal to write it in your editor)', `${example} "what you learned"   or   echo "text" | ${example} -`);
    }
    const label = `${entry.topic.number} ${inert(entry.topic.title)}`;
    const written = await ctx.prompter.editor(`Note on ${label}`, noteFileHeader(label, editing !== undefined) + (editing ? `${editing.text}\n` : ''));
    text = stripNoteHeader(written);
  }
  text = text.replace(/\r\n?/g, '\n').trim();
  if (text === '') throw new CliError('the note is empty; nothing was saved', ExitCode.failure, `${example} "what you learned"${editing ? '   (to remove a note: --delete <n>)' : ''}`);
  if (text.length > MAX_NOTE) throw new UsageError(`the note is ${text.length} characters long; the limit is ${MAX_NOTE}`, 'keep long material in a file and note its path');
  return text;
}

/** `note --list`: the topic's notes numbered as --edit and --delete take them. */
function renderList(r: NoteResult): string {
  const notes = notesOf(r.session.state, r.entry.topic.id);
  const topic = `${r.entry.topic.number} ${inert(r.entry.topic.title)}`;
  if (notes.length === 0) return `No notes on ${topic}.\n`;
  const lines = notes.flatMap((n, i) => [
    `  ${String(i + 1).padStart(2)}  ${formatTime(n.at)}${n.edited ? ` (edited ${formatTime(n.edited)})` : ''}`,
    ...inert(n.text, true).split('\n').map((l) => `      ${l}`),
  ]);
  return `Notes on ${topic}:\n${lines.join('\n')}\n`;
}

function listJson(r: NoteResult): unknown {
  const t = r.entry.topic;
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: roadmapRef(r.session),
    topic: { id: t.id, number: t.number, title: t.title, section: sectionRef(r.entry.section) },
    notes: notesOf(r.session.state, t.id).map((n, i) => ({ number: i + 1, id: n.id, text: n.text, at: n.at, ...(n.edited === undefined ? {} : { edited: n.edited }) })),
  };
}

function changedJson(r: NoteResult): unknown {
  const action = r.action.kind === 'add' ? 'note' : r.action.kind === 'edit' ? 'note-edit' : 'note-delete';
  const last = r.changed ? r.session.state.events[r.session.state.events.length - 1] : undefined;
  return changeJson({
    roadmap: r.session.roadmap,
    ref: roadmapRef(r.session),
    action,
    changes: [],
    unchanged: [],
    notesAdded: last?.notesAdded ?? [],
    notesRemoved: last?.notesRemoved ?? [],
    recorded: last ? [last] : [],
    progress: roadmapProgress(r.session.roadmap, r.session.statuses),
  });
}

function excerpt(text: string): string {
  const line = inert(text.replace(/\s+/g, ' '));
  return `"${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`;
}

function printResult(kit: Kit, r: NoteResult): void {
  const topic = `${r.entry.topic.number} ${inert(r.entry.topic.title)}`;
  const count = r.session.notes.get(r.entry.topic.id)?.length ?? 0;
  const notes = `${count} ${count === 1 ? 'note' : 'notes'}`;
  switch (r.action.kind) {
    case 'list':
      kit.print(renderList(r));
      return;
    case 'add':
      kit.print(`Noted on ${topic} (${notes}; see them with: roadmap note ${r.entry.topic.number} --list)\n`);
      return;
    case 'edit':
      kit.print(r.changed ? `Edited note ${r.action.n} on ${topic}: ${excerpt(r.note?.text ?? '')}\n` : `Nothing changed: note ${r.action.n} on ${topic} already says that.\n`);
      if (r.changed) kit.ctx.io.stderr.write('To take it back: roadmap undo\n');
      return;
    case 'delete':
      kit.print(`Deleted note ${r.action.n} on ${topic}: ${excerpt(r.before?.text ?? '')} (${notes} left)\n`);
      kit.ctx.io.stderr.write('To bring it back: roadmap undo\n');
      return;
  }
}

export const registerNote: RegisterCommand = (kit) => {
  kit
    .sub('note')
    .argument('[topic]', 'topic number (3.2), id or title fragment (on a terminal, omit it to pick from a list)')
    .argument('[text...]', 'the note; "-" reads it from standard input')
    .option('-l, --list', "list the topic's notes, numbered")
    .option('-e, --edit <n>', 'replace the text of note <n> (from the arguments, "-", or your editor)')
    .option('-d, --delete <n>', 'delete note <n> (roadmap undo brings it back)')
    .option('--json', 'print the change (or with --list the notes) as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ roadmap note 1.1 "ServeMux patterns need Go 1.22"\n  $ roadmap note gorm            # writes the note in your editor\n  $ pbpaste | roadmap note 2.2 -\n  $ roadmap note 2.2 --list\n  $ roadmap note 2.2 --edit 1    # opens note 1 in your editor\n  $ roadmap note 2.2 --delete 1\n\nThe editor is $VISUAL, else $EDITOR, else the first of editor, nano, vi found on PATH.\nNotes show in `roadmap show` and in every Topic JSON (`notes`).',
    )
    .action(async (ref: string | undefined, words: string[], _opts: unknown, cmd: Command) => {
      const opts = kit.options<NoteOptions>(cmd);
      const r = await runNote(ref, words, opts, kit.ctx);
      if (opts.json) kit.printJson(r.action.kind === 'list' ? listJson(r) : changedJson(r));
      else printResult(kit, r);
    });
};
