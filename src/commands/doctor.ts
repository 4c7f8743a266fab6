import type { Command } from 'commander';
import type { Context } from '../context.js';
import { recordEvent, type HistoryEvent } from '../core/progress/history.js';
import { diagnoseMoved, diagnoseOrphans, planFix, type Orphan } from '../core/progress/orphans.js';
import { renderDoctor } from '../ui/render/doctor.js';
import { SCHEMA_VERSION } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { doctorCommand, openSession, refreshSession, stamp, updateProgress, type GlobalOptions, type Session } from '../app/session.js';

export interface DoctorOptions extends GlobalOptions {
  fix?: boolean;
}

export interface DoctorResult {
  session: Session;
  orphans: Orphan[];
  /** The orphans whose progress was moved (only with --fix). */
  moved: Orphan[];
  event: HistoryEvent | undefined;
}

/** Progress under ids the roadmap no longer has, then statuses that ended up on a topic of another title. */
function diagnose(session: Session, state: Session['state']): Orphan[] {
  return [...diagnoseOrphans(session.roadmap, state), ...diagnoseMoved(session.roadmap, state)];
}

/**
 * Finds progress kept under topic ids the roadmap no longer has (the file was edited) and the current topics most
 * like them, and statuses that now show on a topic of another title; with --fix moves them where the match is
 * unambiguous, as one event that `undo` reverts.
 */
export async function runDoctor(opts: DoctorOptions, ctx: Context): Promise<DoctorResult> {
  const session = await openSession(ctx, opts, { orphans: false });
  const orphans = diagnose(session, session.state);
  if (!opts.fix || !orphans.some((o) => o.fixTo)) return { session, orphans, moved: [], event: undefined };
  const { moved, event, state } = await updateProgress(ctx, session, (state) => {
    // Diagnose again on the state read inside the write, so a concurrent change is not overwritten.
    const fresh = diagnose(session, state);
    const plan = planFix(fresh, state);
    const event = recordEvent(state, stamp(ctx), { action: 'doctor', ...plan });
    return { moved: fresh.filter((o) => o.fixTo), event, state };
  });
  refreshSession(session, state);
  const left = diagnose(session, session.state);
  return { session, orphans: left, moved, event };
}

export function doctorJson(r: DoctorResult): unknown {
  const ref = (o: Orphan): unknown => (o.fixTo ? { id: o.fixTo.topic.id, number: o.fixTo.topic.number, title: o.fixTo.topic.title } : null);
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: { id: r.session.id, title: r.session.roadmap.title },
    moved: r.moved.map((o) => ({ from: o.id, to: ref(o), status: o.status, notes: o.notes.length })),
    orphans: r.orphans.map((o) => ({
      id: o.id,
      ...(o.markedAs === undefined ? {} : { markedAs: o.markedAs }),
      status: o.status,
      notes: o.notes.length,
      candidates: o.candidates.map((c) => ({ id: c.entry.topic.id, number: c.entry.topic.number, title: c.entry.topic.title, score: c.score })),
      fix: ref(o),
      ...(o.why === undefined ? {} : { why: o.why }),
    })),
  };
}

export const registerDoctor: RegisterCommand = (kit) => {
  kit
    .sub('doctor', 'find progress kept for topics the roadmap no longer has; --fix moves it to the renamed topic')
    .option('--fix', 'move progress where the matching topic is unambiguous')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap doctor --roadmap ./my-roadmap.md\n  $ roadmap doctor --fix\n  $ roadmap undo            # put it back')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<DoctorOptions>(cmd);
      const r = await runDoctor(opts, kit.ctx);
      if (opts.json) kit.printJson(doctorJson(r));
      else kit.print(renderDoctor({ ...r, roadmap: r.session.roadmap }, kit.theme(opts), opts.fix === true, doctorCommand(opts, ' --fix')));
    });
};
