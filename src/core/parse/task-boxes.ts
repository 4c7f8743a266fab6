/**
 * Where the task boxes (`- [ ]`, `* [x]`, `1. [X]`) of a Markdown file are, in its exact bytes, so `--write-back` can
 * tick or untick one box and change nothing else: not the line endings, not a byte-order mark, not the list marker,
 * not trailing spaces. Kept apart from the tree parser on purpose: the parser reads normalised text, this reads the
 * bytes as they are on disk, and the two meet on the line number every topic already carries (Topic.line).
 */

import { allTopics } from '../tree.js';
import type { Roadmap, Topic } from '../types.js';

/** One task box as it is in the file. */
export interface TaskBox {
  /** 1-based line, counted as the parser counts (CRLF, LF and a lone CR each end a line). */
  line: number;
  /** Byte offset of the mark between the brackets: the space, `x` or `X`. */
  offset: number;
  checked: boolean;
}

/** One change to make: the box at `offset` ticked or not; `mark` is the tick to use for this box (x or X). */
export interface BoxEdit {
  offset: number;
  checked: boolean;
  mark?: number;
}

// Optional indentation and block-quote markers, a bullet or an ordered marker, then the box and some text after it
// (a box with nothing after it is not a task item in GitHub Markdown).
const TASK_ITEM = /^([ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([ xX])\][ \t]+\S/;
const FENCE = /^ {0,3}(?:>[ \t]?)*(`{3,}|~{3,})/;
const SPACE = 0x20;

/**
 * Every task box in the file, in order. The bytes are read as Latin-1, so a character offset is a byte offset; the
 * markers looked for are ASCII, which reads the same in UTF-8. Boxes inside fenced code blocks are not task items.
 */
export function findTaskBoxes(bytes: Uint8Array): TaskBox[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const boxes: TaskBox[] = [];
  let fence: string | undefined;
  let line = 1;
  let start = text.startsWith('\u00ef\u00bb\u00bf') ? 3 : 0;
  const breaks = /\r\n|\r|\n/g;
  for (;;) {
    const m = breaks.exec(text);
    const end = m ? m.index : text.length;
    const body = text.slice(start, end);
    const open = FENCE.exec(body);
    if (fence !== undefined) {
      if (open?.[1]?.startsWith(fence)) fence = undefined;
    } else if (open?.[1]) {
      fence = open[1];
    } else {
      const task = TASK_ITEM.exec(body);
      if (task?.[1] !== undefined && task[2] !== undefined) boxes.push({ line, offset: start + task[1].length + 1, checked: task[2] !== ' ' });
    }
    if (!m) break;
    start = m.index + m[0].length;
    line++;
  }
  return boxes;
}

/** The mark used for ticked boxes in this file (`x` unless most ticked boxes use `X`). */
export function tickMark(bytes: Uint8Array, boxes: readonly TaskBox[]): number {
  let upper = 0;
  let lower = 0;
  for (const b of boxes) {
    if (bytes[b.offset] === 0x58) upper++;
    else if (bytes[b.offset] === 0x78) lower++;
  }
  return upper > lower ? 0x58 : 0x78;
}

/**
 * A copy of `bytes` with the given boxes ticked or unticked; every other byte is kept, and a box already right is
 * left alone. A box is ticked with its edit's own mark, else with `mark`.
 */
export function setTaskBoxes(bytes: Uint8Array, edits: readonly BoxEdit[], mark: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (const e of edits) {
    const now = out[e.offset];
    if (now !== SPACE && now !== 0x78 && now !== 0x58) throw new Error(`no task box at byte ${e.offset}`);
    if ((now !== SPACE) === e.checked) continue;
    out[e.offset] = e.checked ? (e.mark ?? mark) : SPACE;
  }
  return out;
}

/**
 * Whether `now` is `before` with at most its task boxes ticked or unticked: the same length and the same bytes
 * everywhere else. Boxes flipped by another write-back (or by hand) are fine; any other edit means the file changed.
 */
export function sameExceptBoxes(before: Uint8Array, now: Uint8Array, boxes: readonly TaskBox[]): boolean {
  if (before.length !== now.length) return false;
  const marks = new Set(boxes.map((b) => b.offset));
  for (let i = 0; i < before.length; i++) {
    if (before[i] === now[i]) continue;
    if (!marks.has(i)) return false;
    const b = now[i];
    if (b !== SPACE && b !== 0x78 && b !== 0x58) return false;
  }
  return true;
}

/** The first line where `now` differs from `before` outside the boxes, for the message that refuses an edit. */
export function firstChangedLine(before: Uint8Array, now: Uint8Array, boxes: readonly TaskBox[]): number {
  const marks = new Set(boxes.map((b) => b.offset));
  let line = 1;
  const n = Math.min(before.length, now.length);
  for (let i = 0; i < n; i++) {
    if (before[i] !== now[i] && !marks.has(i)) return line;
    if (before[i] === 0x0a) line++;
  }
  return line;
}

/** A byte of a file that changed between two of its versions, and what it was before (see retick). */
export interface MarkChange {
  offset: number;
  was: number;
}

/**
 * Brings `roadmap`, parsed from a file, up to date with `bytes`, the same file after task boxes in it were ticked or
 * unticked (by --write-back, or by hand in an editor), without parsing it again; or says it cannot, and changes
 * nothing. It can when every changed byte is the mark of a task box in `bytes`, the line of that box holds exactly one
 * task topic, and that topic is ticked as the box was; each such topic then takes its box's new state.
 *
 * Why that is the tree a parse of `bytes` gives: a box's mark reaches the tree only as `checked` of the task topic made
 * from its list item. Titles leave the box out, and every choice the parser makes asks only whether an item has a box,
 * never how it is ticked. test/source/retick.test.ts holds this against a fresh parse on every corpus file that has
 * boxes, ticking and unticking them in several ways.
 */
export function retick(roadmap: Roadmap, bytes: Uint8Array, changes: readonly MarkChange[]): boolean {
  if (changes.length === 0) return true;
  const boxes = new Map(findTaskBoxes(bytes).map((b) => [b.offset, b]));
  const tasksByLine = new Map<number, Topic[]>();
  for (const { topic } of allTopics(roadmap)) {
    if (topic.checked === undefined) continue;
    const onLine = tasksByLine.get(topic.line);
    if (onLine) onLine.push(topic);
    else tasksByLine.set(topic.line, [topic]);
  }
  const ticks: Array<[Topic, boolean]> = [];
  for (const change of changes) {
    const box = boxes.get(change.offset);
    const tasks = box ? tasksByLine.get(box.line) : undefined;
    const task = tasks?.length === 1 ? tasks[0] : undefined;
    if (!box || !task || task.checked !== (change.was !== SPACE)) return false;
    ticks.push([task, box.checked]);
  }
  for (const [task, checked] of ticks) task.checked = checked;
  return true;
}
