import type { Command } from 'commander';
import type { Context } from '../context.js';
import { recordEvent, type HistoryEvent } from '../core/progress/history.js';
import { diagnoseOrphans, planFix, type Orphan } from '../core/progress/orphans.js';
import { renderDoctor } from '../ui/render/doctor.js';
import { SCHEMA_VERSION } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { fieldsOf, jsonRequest, pickFields } from '../app/json-fields.js';
import { doctorCommand, openSession, refreshSession, stamp, type GlobalOptions, type Session } from '../app/session.js';

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

/**
 * Finds progress kept under topic ids the roadmap no longer has (the file was edited) and the current topics most
 * like them; with --fix moves it where the match is unambiguous, as one event that `undo` reverts.
 */
export async function runDoctor(opts: DoctorOptions, ctx: Context): Promise<DoctorResult> {
  const session = await openSession(ctx, opts, { orphans: false });
  const orphans = diagnoseOrphans(session.roadmap, session.state);
  if (!opts.fix || !orphans.some((o) => o.fixTo)) return { session, orphans, moved: [], event: undefined };
  const { moved, event, state } = await ctx.store.update(session.id, (state) => {
    // Diagnose again on the state read inside the write, so a concurrent change is not overwritten.
    const fresh = diagnoseOrphans(session.roadmap, state);
    const plan = planFix(fresh, state);
    const event = recordEvent(state, stamp(ctx), { action: 'doctor', ...plan });
    return { moved: fresh.filter((o) => o.fixTo), event, state };
  });
  refreshSession(session, state);
  const left = diagnoseOrphans(session.roadmap, session.state);
  return { session, orphans: left, moved, event };
}

/** The `doctor --json` document. */
export function doctorJson(r: DoctorResult) {
  const ref = (o: Orphan): unknown => (o.fixTo ? { id: o.fixTo.topic.id, number: o.fixTo.topic.number, title: o.fixTo.topic.title } : null);
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: { id: r.session.id, title: r.session.roadmap.title },
    moved: r.moved.map((o) => ({ from: o.id, to: ref(o), status: o.status, notes: o.notes.length })),
    orphans: r.orphans.map((o) => ({
      id: o.id,
      status: o.status,
      notes: o.notes.length,
      candidates: o.candidates.map((c) => ({ id: c.entry.topic.id, number: c.entry.topic.number, title: c.entry.topic.title, score: c.score })),
      fix: ref(o),
      ...(o.why === undefined ? {} : { why: o.why }),
    })),
  };
}

/** Fields of `doctor --json field,…`; pinned by test/commands/json-fields.test.ts and listed in the README. */
export const DOCTOR_FIELDS = fieldsOf<ReturnType<typeof doctorJson>>(['schemaVersion', 'roadmap', 'orphans', 'moved']);

export const registerDoctor: RegisterCommand = (kit) => {
  kit
    .sub('doctor', 'find progress kept for topics the roadmap no longer has; --fix moves it to the renamed topic')
    .option('--fix', 'move progress where the matching topic is unambiguous')
    .option('--json [fields]', 'print JSON; with fields (orphans), only those')
    .addHelpText('after', '\nExamples:\n  $ roadmap doctor --roadmap ./my-roadmap.md\n  $ roadmap doctor --fix\n  $ roadmap undo            # put it back')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<DoctorOptions>(cmd);
      const request = jsonRequest(opts.json, DOCTOR_FIELDS, 'doctor');
      const r = await runDoctor(opts, kit.ctx);
      if (request === 'all') kit.printJson(doctorJson(r));
      else if (request) kit.printJson(pickFields(doctorJson(r), request, DOCTOR_FIELDS));
      else kit.print(renderDoctor(r, kit.theme(opts), opts.fix === true, doctorCommand(opts, ' --fix')));
    });
};
