import type { Status } from '../core/types.js';
import { changeJson } from '../ui/change-json.js';
import { renderChange } from '../ui/render/change.js';
import type { ChangeResult } from './change-progress.js';
import type { OutputKit } from './command-kit.js';
import { roadmapRef, type GlobalOptions } from './session.js';

/** The history action a status change records, for the JSON of a change that recorded nothing. */
const ACTION: Record<Status, string> = { done: 'done', 'in-progress': 'start', skipped: 'skip', pending: 'reset' };

/** `--json` of done, start, skip and reset: the one change document (ui/change-json.ts). */
export function changeResultJson(r: ChangeResult): unknown {
  const only = r.picked.length === 1 ? r.picked[0]?.target.kind : undefined;
  const planned = r.status === 'pending' && only === 'all' ? 'reset-all' : r.status === 'pending' && only === 'section' ? 'reset-section' : ACTION[r.status];
  return changeJson({
    roadmap: r.session.roadmap,
    ref: roadmapRef(r.session),
    action: r.event?.action ?? planned,
    changes: r.event?.changes ?? [],
    unchanged: r.unchanged,
    notesAdded: [],
    notesRemoved: [],
    recorded: r.event ? [r.event] : [],
    progress: r.progress,
  });
}

/** Text of done, start, skip and reset; a change to a section or the whole roadmap says how to take it back. */
export function printChangeResult(kit: OutputKit, r: ChangeResult, opts: GlobalOptions): void {
  kit.print(renderChange(r.picked, r.changed, r.unchanged, r.status, r.progress, kit.theme(opts)));
  if (r.event && r.picked.some((p) => p.target.kind !== 'topic')) kit.ctx.io.stderr.write('To take it back: roadmap undo\n');
}
