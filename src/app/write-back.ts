import type { Context } from '../context.js';
import { findTaskBoxes, sameExceptBoxes, type BoxEdit, type TaskBox } from '../core/parse/task-boxes.js';
import type { ProgressState } from '../core/progress/history.js';
import { stampTitles } from '../core/progress/identity.js';
import { effectiveStatus } from '../core/progress/status.js';
import { allTopics } from '../core/tree.js';
import type { Roadmap, Status } from '../core/types.js';
import { writeBackBoxes } from '../store/write-back.js';

/** A roadmap whose boxes are ticked in the learner's own file: the file as read, its boxes, and each topic's box. */
export interface WriteBack {
  path: string;
  bytes: Uint8Array;
  boxes: TaskBox[];
  /** The box of each task topic, by topic id. */
  byTopic: Map<string, TaskBox>;
  /** The tick each box had when the roadmap was added (x or X), by offset, so ticking it again restores it exactly. */
  marks: Map<number, number>;
}

/**
 * Finds the boxes of a file and pairs each task topic (Topic.checked set) with the box on its line. `kept` is the
 * copy kept on the shelf: while the file differs from it only in its boxes, a box it had ticked keeps its own tick.
 */
export function prepareWriteBack(roadmap: Roadmap, path: string, bytes: Uint8Array, kept?: Uint8Array): WriteBack {
  const boxes = findTaskBoxes(bytes);
  const marks = new Map<number, number>();
  if (kept && sameExceptBoxes(kept, bytes, boxes)) {
    for (const b of boxes) {
      const mark = kept[b.offset];
      if (mark === 0x78 || mark === 0x58) marks.set(b.offset, mark);
    }
  }
  const byLine = new Map(boxes.map((b) => [b.line, b]));
  const byTopic = new Map<string, TaskBox>();
  for (const { topic } of allTopics(roadmap)) {
    if (topic.checked === undefined) continue;
    const box = byLine.get(topic.line);
    // The parser and the scan must agree on the box, or the topic is left alone rather than the wrong box ticked.
    if (box?.checked === topic.checked) byTopic.set(topic.id, box);
  }
  return { path, bytes, boxes, byTopic, marks };
}

/** What a progress change needs to know about the roadmap it changes. */
export interface ProgressTarget {
  id: string;
  roadmap: Roadmap;
  writeBack?: WriteBack;
}

function statusesOf(state: ProgressState): Map<string, Status> {
  return new Map([...state.records].map(([id, r]) => [id, r.status]));
}

/**
 * The one way commands change progress: `ctx.store.update`, and for a write-back roadmap the boxes of the topics
 * whose status changed (and of their parents) ticked or unticked in the learner's file, inside the same locked
 * write. A box is ticked when its topic shows done. If the file cannot be edited (it changed on disk), the error
 * leaves the store unsaved too, so the file and the progress never disagree because of this command.
 */
export async function updateProgress<T>(ctx: Context, target: ProgressTarget, change: (state: ProgressState) => T): Promise<T> {
  const titled = (state: ProgressState): T => {
    const before = new Map(state.records);
    const result = change(state);
    // Each status set here remembers its topic's title, so doctor can tell when it ends up on another topic.
    stampTitles(target.roadmap, before, state);
    return result;
  };
  const wb = target.writeBack;
  if (!wb || wb.byTopic.size === 0) return ctx.store.update(target.id, titled);
  return ctx.store.update(target.id, (state) => {
    const before = statusesOf(state);
    const result = titled(state);
    const after = statusesOf(state);
    const changed = new Set<string>();
    for (const id of new Set([...before.keys(), ...after.keys()])) if (before.get(id) !== after.get(id)) changed.add(id);
    if (changed.size === 0) return result;
    const edits: BoxEdit[] = [];
    for (const { topic, ancestors } of allTopics(target.roadmap)) {
      if (!changed.has(topic.id)) continue;
      for (const t of [topic, ...ancestors]) {
        const box = wb.byTopic.get(t.id);
        const mark = box ? wb.marks.get(box.offset) : undefined;
        if (box) edits.push({ offset: box.offset, checked: effectiveStatus(t, after) === 'done', ...(mark === undefined ? {} : { mark }) });
      }
    }
    writeBackBoxes(wb.path, wb.bytes, wb.boxes, edits);
    return result;
  });
}
