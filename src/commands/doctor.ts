import type { Command } from 'commander';
import { isInteractive, type Context } from '../context.js';
import { recordEvent, type HistoryEvent } from '../core/progress/history.js';
import { diagnoseMoved, diagnoseOrphans, planFix, type Orphan } from '../core/progress/orphans.js';
import { renderDoctor } from '../ui/render/doctor.js';
import { SCHEMA_VERSION } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { fieldsOf, jsonRequest, pickFields } from '../app/json-fields.js';
import { doctorCommand, openSession, roadmapRef, refreshSession, stamp, type GlobalOptions, type Session } from '../app/session.js';
import { updateProgress } from '../app/write-back.js';
import { findTwin } from '../app/shelf-choice.js';
import { adoptProgress, linkSource } from '../app/shelf-source.js';
import { inert } from '../ui/sanitize.js';

export interface DoctorOptions extends GlobalOptions {
  fix?: boolean;
  link?: boolean;
}

/** A file not on the shelf whose content matches a shelf roadmap added from another path. */
export interface LinkOffer {
  name: string;
  /** Where the shelf roadmap was added from. */
  was: string;
  linked: boolean;
  /** Statuses kept for the file itself before the link, merged into the shelf roadmap's. */
  adopted: number;
}

export interface DoctorResult {
  session: Session;
  orphans: Orphan[];
  /** The orphans whose progress was moved (only with --fix). */
  moved: Orphan[];
  event: HistoryEvent | undefined;
  link: LinkOffer | undefined;
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
  let session = await openSession(ctx, opts, { orphans: false });
  const link = await offerLink(ctx, session, opts);
  if (link?.linked) session = await openSession(ctx, opts, { orphans: false });
  const orphans = diagnose(session, session.state);
  if (!opts.fix || !orphans.some((o) => o.fixTo)) return { session, orphans, moved: [], event: undefined, link };
  const { moved, event, state } = await updateProgress(ctx, session, (state) => {
    // Diagnose again on the state read inside the write, so a concurrent change is not overwritten.
    const fresh = diagnose(session, state);
    const plan = planFix(fresh, state);
    const event = recordEvent(state, stamp(ctx), { action: 'doctor', ...plan });
    return { moved: fresh.filter((o) => o.fixTo), event, state };
  });
  refreshSession(session, state);
  const left = diagnose(session, session.state);
  return { session, orphans: left, moved, event, link };
}

/**
 * The file moved (or was copied) and is no longer where the shelf roadmap with the same content was added from:
 * with --link, or a yes on a terminal, the shelf roadmap now reads from this path, keeping its name and progress.
 */
async function offerLink(ctx: Context, session: Session, opts: DoctorOptions): Promise<LinkOffer | undefined> {
  const twin = findTwin(ctx, session);
  if (!twin) return undefined;
  const ask = !opts.link && !opts.json && isInteractive(ctx);
  const yes = opts.link === true || (ask && (await ctx.prompter.confirm(`This file has the same content as "${inert(twin.name)}" on your shelf (added from ${inert(twin.source)}). Link them, so it keeps that progress?`, true)));
  if (!yes) return { name: twin.name, was: twin.source, linked: false, adopted: 0 };
  await linkSource(ctx, twin.name, session.source);
  const adopted = await adoptProgress(ctx, session.id, twin.name);
  return { name: twin.name, was: twin.source, linked: true, adopted };
}

/** The `doctor --json` document. */
export function doctorJson(r: DoctorResult) {
  const ref = (o: Orphan): unknown => (o.fixTo ? { id: o.fixTo.topic.id, number: o.fixTo.topic.number, title: o.fixTo.topic.title } : null);
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: roadmapRef(r.session),
    link: r.link ?? null,
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

/** Fields of `doctor --json field,…`; pinned by test/commands/json-fields.test.ts and listed in the README. */
export const DOCTOR_FIELDS = fieldsOf<ReturnType<typeof doctorJson>>(['schemaVersion', 'roadmap', 'orphans', 'moved']);

function linkText(link: LinkOffer | undefined, opts: DoctorOptions): string {
  if (!link) return '';
  if (link.linked) return `Linked: this file is now the source of "${inert(link.name)}" on your shelf, with its progress${link.adopted ? ` (and the ${link.adopted} statuses kept for the file itself)` : ''}.\n\n`;
  return `This file has the same content as "${inert(link.name)}" on your shelf, added from ${inert(link.was)}.\nLink them so this file keeps that progress: ${doctorCommand(opts, ' --link')}\n\n`;
}

export const registerDoctor: RegisterCommand = (kit) => {
  kit
    .sub('doctor')
    .option('--fix', 'move progress where the matching topic is unambiguous')
    .option('--link', 'a moved file whose content matches a roadmap on your shelf: make it that roadmap\'s source')
    .option('--json [fields]', 'print JSON; with fields (orphans), only those')
    .addHelpText('after', '\nExamples:\n  $ roadmap doctor --roadmap ./my-roadmap.md\n  $ roadmap doctor --fix\n  $ roadmap undo            # put it back')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<DoctorOptions>(cmd);
      const request = jsonRequest(opts.json, DOCTOR_FIELDS, 'doctor');
      const r = await runDoctor(opts, kit.ctx);
      if (request === 'all') kit.printJson(doctorJson(r));
      else if (request) kit.printJson(pickFields(doctorJson(r), request, DOCTOR_FIELDS));
      else kit.print(`${linkText(r.link, opts)}${renderDoctor({ ...r, roadmap: r.session.roadmap }, kit.theme(opts), opts.fix === true, doctorCommand(opts, ' --fix'))}`);
    });
};
