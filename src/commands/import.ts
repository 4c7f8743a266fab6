import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { HistoryEvent, ProgressState } from '../core/progress/history.js';
import { adoptCurrentIds } from '../core/progress/identity.js';
import { applyImport, clampFutureTimes, EXPORT_KIND, planImport, type ImportPlan } from '../core/progress/merge.js';
import { InputError, UsageError } from '../app/errors.js';
import { plural, TopicNames } from '../ui/render/history.js';
import { inert } from '../ui/sanitize.js';
import { SCHEMA_VERSION } from '../ui/topic-json.js';
import { readFileLimited, readStreamLimited } from '../source/read-capped.js';
import { Malformed, preview, readExportState } from '../store/check-data.js';
import { MAX_STORE_BYTES } from '../store/json-file.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { updateProgress } from '../app/write-back.js';
import { openSession, refreshSession, roadmapRef, stamp, type GlobalOptions, type Session } from '../app/session.js';
import { appendAll } from '../core/append.js';

/** An export is a few megabytes at most; one larger than the progress file may be could never be kept. */
export const MAX_IMPORT_BYTES = MAX_STORE_BYTES;

/** Stops a read as soon as it passes the limit, so a device or an endless pipe (`/dev/zero`) is refused at once. */
function checkImportSize(size: number, shown: string): void {
  if (size > MAX_IMPORT_BYTES) {
    throw new InputError(`${inert(shown)} is larger than ${String(MAX_IMPORT_BYTES / 1024 / 1024)} MB, the most a progress file holds: that is not a roadmap export`, 'give the path of a file written by `roadmap export`');
  }
}

export interface ImportOptions extends GlobalOptions {
  dryRun?: boolean;
  force?: boolean;
}

export interface ImportResult {
  session: Session;
  plan: ImportPlan;
  from: { id: string; title: string };
  applied: boolean;
  event: HistoryEvent | undefined;
}

/** Merges an export into this roadmap's progress (newer change per topic wins, notes and history united). */
export async function runImport(source: string, opts: ImportOptions, ctx: Context): Promise<ImportResult> {
  if (source === '-' && opts.roadmap === '-') throw new UsageError('the roadmap and the export cannot both come from standard input', 'save one of them to a file first');
  const { state: incoming, from, exportedAt } = parseExport(await readSource(source, ctx), source);
  const session = await openSession(ctx, opts);
  // An export from before store version 3 names topics with the old ids: translated as the progress file is.
  adoptCurrentIds(session.roadmap, incoming);
  // Nothing in an export can be later than the export itself, nor than now. Clamping to the export's own time keeps
  // a re-import of the same file from winning again over what was changed here since the first import.
  const now = ctx.now().toISOString();
  const made = exportedAt !== undefined && Date.parse(exportedAt) <= Date.parse(now) ? exportedAt : undefined;
  const future = clampFutureTimes(incoming, made ?? now);
  if (future.count > 0) {
    const as = made === undefined ? 'the time of this import' : `the time the export was made (${inert(made)})`;
    ctx.io.stderr.write(`warning: ${plural(future.count, 'time')} in the export ${future.count === 1 ? 'is' : 'are'} ${made === undefined ? 'in the future' : 'later than the export itself'} (the latest: ${inert(future.latest ?? '')}); imported as ${as}, so changes made here since still win\n`);
  }
  if (from.id !== session.id) {
    if (from.title !== session.roadmap.title && !opts.force) {
      throw new InputError(
        `this export is for "${inert(from.title)}" (${inert(from.id)}), not "${inert(session.roadmap.title)}" (${inert(session.id)})`,
        `choose its roadmap with --roadmap <file>, or pass --force to import it here anyway`,
      );
    }
    ctx.io.stderr.write(`note: the export was made for roadmap id ${inert(from.id)} (the same roadmap at another path?); importing into ${inert(session.id)}\n`);
  }
  if (opts.dryRun) return { session, plan: inRoadmapOrder(planImport(session.state, incoming), session), from, applied: false, event: undefined };
  const subject = source === '-' ? 'standard input' : source;
  const { plan, event, state } = await updateProgress(ctx, session, (state) => {
    const plan = planImport(state, incoming);
    return { plan, event: applyImport(state, plan, stamp(ctx), subject), state };
  });
  refreshSession(session, state);
  return { session, plan: inRoadmapOrder(plan, session), from, applied: true, event };
}

/** Reports list topics as the roadmap does. */
function inRoadmapOrder(plan: ImportPlan, session: Session): ImportPlan {
  const names = new TopicNames(session.roadmap);
  const order = new Map(names.inOrder(plan.changes.map((d) => d.topic)).map((id, i) => [id, i]));
  return { ...plan, changes: [...plan.changes].sort((a, b) => (order.get(a.topic) ?? 0) - (order.get(b.topic) ?? 0)), keptLocal: names.inOrder(plan.keptLocal) };
}

async function readSource(source: string, ctx: Context): Promise<string> {
  if (source === '-') {
    if (ctx.io.stdin.isTTY) throw new UsageError('`-` reads an export from standard input, but standard input is a terminal', 'roadmap import progress.json   or   cat progress.json | roadmap import -');
    return Buffer.from(await readStreamLimited(ctx.io.stdin, 'standard input', checkImportSize)).toString('utf8');
  }
  const path = resolve(ctx.cwd, source);
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    return Buffer.from(readFileLimited(path, source, checkImportSize)).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${inert(source)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`, 'give the path of a file written by `roadmap export`');
  }
}

/** Validates an export's text: a wrong document, a missing or impossible version, or any malformed entry is refused. */
export function parseExport(text: string, source: string): { state: ProgressState; from: { id: string; title: string }; exportedAt?: string } {
  const shown = source === '-' ? 'standard input' : inert(source);
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError(`${shown} is not JSON`, 'give a file written by `roadmap export` (not --format markdown)');
  }
  const d = doc as { kind?: unknown; schemaVersion?: unknown; exportedAt?: unknown; roadmap?: { id?: unknown; title?: unknown } } | null;
  if (typeof d !== 'object' || d === null || Array.isArray(d) || d.kind !== EXPORT_KIND || typeof d.roadmap?.id !== 'string') {
    throw new InputError(`${shown} is not a roadmap export`, 'give a file written by `roadmap export`');
  }
  const version = d.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const found = version === undefined ? 'has no "schemaVersion"' : `has "schemaVersion" ${preview(version)}`;
    throw new InputError(`${shown} ${found}: an export made by roadmap has a whole number from 1 there`, 'export it again with `roadmap export`, or put back the "schemaVersion" it was written with');
  }
  if (version > SCHEMA_VERSION) {
    throw new InputError(`this export has schemaVersion ${version}, newer than this roadmap version understands (${SCHEMA_VERSION})`, 'update roadmap and import again');
  }
  try {
    const state = readExportState(doc as Record<string, unknown>);
    const from = { id: d.roadmap.id, title: typeof d.roadmap.title === 'string' ? d.roadmap.title : '' };
    return typeof d.exportedAt === 'string' ? { state, from, exportedAt: d.exportedAt } : { state, from };
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    throw new InputError(`${shown} is not a valid export: ${error.message}; nothing was imported`, 'export it again with `roadmap export`, or repair that entry');
  }
}

/** `import --json` (and `--dry-run --json`): what changed or would change. */
export function importJson(r: ImportResult): unknown {
  const names = new TopicNames(r.session.roadmap);
  const topic = (id: string): Record<string, string> => {
    const e = names.entry(id);
    return e ? { id, number: e.topic.number, title: e.topic.title } : { id };
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: roadmapRef(r.session),
    dryRun: !r.applied,
    from: r.from,
    changes: r.plan.changes.map((d) => ({ topic: topic(d.topic), from: d.from, to: d.to })),
    keptLocal: r.plan.keptLocal.map(topic),
    notesAdded: r.plan.notesAdded.length,
    eventsAdded: r.plan.events.length,
  };
}

/** Text for people: one line per topic that changes, then the counts. */
export function renderImport(r: ImportResult): string {
  const names = new TopicNames(r.session.roadmap);
  const p = r.plan;
  const out: string[] = [];
  const verb = r.applied ? 'Changed' : 'Would change';
  if (p.changes.length) appendAll(out, [`${verb} ${p.changes.length} ${p.changes.length === 1 ? 'topic' : 'topics'}:`, ...p.changes.map((d) => `  ${names.label(d.topic)}: ${d.from} -> ${d.to}`)]);
  if (p.keptLocal.length) appendAll(out, [`Kept ${p.keptLocal.length} where this copy changed later:`, ...p.keptLocal.map((id) => `  ${names.label(id)}`)]);
  out.push(`${r.applied ? 'Added' : 'Would add'} ${plural(p.notesAdded.length, 'note')} and ${plural(p.events.length, 'history entry', 'history entries')}.`);
  if (!p.changes.length && !p.notesAdded.length && !p.events.length) out.splice(0, out.length, 'Nothing to import: this copy already has everything in the export.');
  return `${out.join('\n')}\n`;
}

export const registerImport: RegisterCommand = (kit) => {
  kit
    .sub('import')
    .argument('<file>', 'a file written by roadmap export, or "-" for standard input')
    .option('--dry-run', 'show what would change and change nothing')
    .option('--force', 'import an export made for a roadmap with another id and title')
    .option('--json', 'print what changed as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap import progress.json --dry-run\n  $ roadmap import progress.json\n  $ roadmap undo                 # takes the whole import back')
    .action(async (source: string, _opts: unknown, cmd: Command) => {
      const opts = kit.options<ImportOptions>(cmd);
      const r = await runImport(source, opts, kit.ctx);
      if (opts.json) kit.printJson(importJson(r));
      else kit.print(renderImport(r));
      if (r.applied && r.event) kit.ctx.io.stderr.write('To take this import back: roadmap undo\n');
    });
};
