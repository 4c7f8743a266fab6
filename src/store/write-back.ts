import { readFileSync, realpathSync, statSync } from 'node:fs';
import { firstChangedLine, sameExceptBoxes, setTaskBoxes, tickMark, type BoxEdit, type TaskBox } from '../core/parse/task-boxes.js';
import { StoreError } from './errors.js';
import { writeAtomic } from './shelf.js';

/** The learner's file changed on disk (beyond its boxes) since the roadmap was read: the edit is refused. */
export class WriteBackConflict extends StoreError {}

/**
 * Ticks and unticks boxes in the learner's own file. `read` is the file as the command read it and `boxes` its task
 * boxes; the file is read again here and the edit goes ahead only if nothing but boxes changed in between (another
 * `roadmap done` may have ticked one). The new bytes replace the file atomically (temp file, rename) with its
 * permissions kept. Callers run this inside the progress store's write, under its lock, so the file and the progress
 * change together: when this throws, the progress is not saved either.
 */
export function writeBackBoxes(path: string, read: Uint8Array, boxes: readonly TaskBox[], edits: readonly BoxEdit[]): void {
  if (edits.length === 0) return;
  let real: string;
  let current: Buffer;
  let mode: number;
  try {
    // A symlinked file is written where it really is, so the link stays a link.
    real = realpathSync(path);
    current = readFileSync(real);
    mode = statSync(real).mode & 0o7777;
  } catch (error) {
    throw new WriteBackConflict(`cannot tick the boxes in ${path}: ${(error as Error).message}`, 'nothing was saved, neither in the file nor in your progress; put the file back (or: roadmap update NAME --source NEW-PATH) and run the command again');
  }
  if (!sameExceptBoxes(read, current, boxes)) {
    throw new WriteBackConflict(
      `${path} changed on disk since roadmap read it (line ${firstChangedLine(read, current, boxes)} differs), so its boxes were not ticked`,
      'nothing was saved, neither in the file nor in your progress: run the command again, it reads the file afresh',
    );
  }
  const next = setTaskBoxes(current, edits, tickMark(current, boxes));
  if (Buffer.compare(next, current) === 0) return;
  writeAtomic(real, next, mode);
}
