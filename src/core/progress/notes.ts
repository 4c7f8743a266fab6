import type { EventInput, Note, ProgressState } from './history.js';

/** A topic's notes, oldest first: `note --list` numbers them from 1 in this order. */
export function notesOf(state: ProgressState, topic: string): Note[] {
  return state.notes.filter((n) => n.topic === topic);
}

/** The note numbered `n` (1-based) on a topic, or undefined when there is no such number. */
export function noteAt(state: ProgressState, topic: string, n: number): Note | undefined {
  return Number.isInteger(n) && n >= 1 ? notesOf(state, topic)[n - 1] : undefined;
}

/** The history entry for adding a note. */
export function planNoteAdd(note: Note): EventInput {
  return { action: 'note', subject: note.topic, notesAdded: [note] };
}

/** The history entry for replacing a note's text; it keeps its id, place and `at`. Same text: no change. */
export function planNoteEdit(note: Note, text: string, at: string): EventInput {
  if (note.text === text) return { action: 'note-edit', subject: note.topic };
  return { action: 'note-edit', subject: note.topic, notesRemoved: [note], notesAdded: [{ ...note, text, edited: at }] };
}

/** The history entry for deleting a note (undo brings it back in its place). */
export function planNoteDelete(note: Note): EventInput {
  return { action: 'note-delete', subject: note.topic, notesRemoved: [note] };
}

const HEADER_START = '<!-- roadmap: ';
const HEADER_END = '-->';

/**
 * The first lines of the file an editor opens for a note: which topic it is for, and that the comment goes away.
 * `label` is the topic as the user sees it ("2.2 Working with ORM"); anything that could end the comment early is
 * broken up, so the whole header is always removed again.
 */
export function noteFileHeader(label: string, editing: boolean): string {
  const safe = label.replace(/\s+/g, ' ').replace(/--+/g, (dashes) => dashes.split('').join(' ')).trim();
  const what = editing ? 'editing a note on' : 'a new note on';
  return `${HEADER_START}${what} ${safe}\n     Write below this comment. It is removed when you save; an empty note is not saved. ${HEADER_END}\n\n`;
}

/** The note text an editor file holds: the header (when still there) removed, line endings made plain, trimmed. */
export function stripNoteHeader(text: string): string {
  let body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const start = body.trimStart();
  if (start.startsWith(HEADER_START)) {
    const end = start.indexOf(HEADER_END);
    // Without its end (edited away) only the header's first line goes: the note itself is never dropped.
    body = end < 0 ? start.slice(start.indexOf('\n') + 1 || start.length) : start.slice(end + HEADER_END.length);
  }
  return body.trim();
}
