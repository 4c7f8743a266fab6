import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { EXPORT_KIND } from '../core/progress/merge.js';
import { CliError, ExitCode, UsageError } from '../app/errors.js';
import { renderChecklist } from '../ui/render/checklist.js';
import { plural } from '../ui/render/history.js';
import { inert, safeJson } from '../ui/sanitize.js';
import { SCHEMA_VERSION } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { openSession, roadmapRef, type GlobalOptions, type Session } from '../app/session.js';
import { ID_SCHEME } from '../store/progress-store.js';

/** Marks an export so `import` can tell it from any other JSON. */

export interface ExportOptions extends GlobalOptions {
  output?: string;
  format?: string;
}

/** Everything stored for a roadmap, as `import` reads it back. */
export function exportDocument(session: Session, at: Date): unknown {
  const { state } = session;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: EXPORT_KIND,
    exportedAt: at.toISOString(),
    // Which way the topic ids were made: an export from before "--n" suffixes is translated when imported.
    ...(state.legacyIds ? {} : { idScheme: ID_SCHEME }),
    roadmap: roadmapRef(session),
    statuses: [...state.records].map(([id, r]) => ({ id, status: r.status, updatedAt: r.updatedAt, ...(r.title === undefined ? {} : { title: r.title }) })),
    notes: state.notes,
    events: state.events,
  };
}

/** The export as text in the chosen format. */
export async function runExport(opts: ExportOptions, ctx: Context): Promise<{ session: Session; text: string }> {
  const format = opts.format ?? 'json';
  if (format !== 'json' && format !== 'markdown') throw new UsageError(`unknown format "${format}"`, 'use --format json (the default, for import) or --format markdown (a checklist)');
  if (opts.json && format === 'markdown') throw new UsageError('--json and --format markdown contradict each other', 'roadmap export --format markdown   or   roadmap export');
  const session = await openSession(ctx, opts);
  const now = ctx.now();
  const text = format === 'json' ? `${safeJson(exportDocument(session, now))}\n` : renderChecklist(session.roadmap, session.statuses, session.notes, now.toISOString());
  return { session, text };
}

export const registerExport: RegisterCommand = (kit) => {
  kit
    .sub('export')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('-f, --format <format>', 'json (for roadmap import) or markdown (a GFM checklist)', 'json')
    .option('--json', 'the JSON format (the default)')
    .addHelpText('after', '\nExamples:\n  $ roadmap export -o progress.json\n  $ roadmap export --format markdown > PROGRESS.md\n  $ roadmap export | ssh laptop roadmap import -')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<ExportOptions>(cmd);
      const { session, text } = await runExport(opts, kit.ctx);
      if (opts.output === undefined) {
        kit.print(text);
        return;
      }
      const path = resolve(kit.ctx.cwd, opts.output);
      if (path === resolve(kit.ctx.store.location)) throw new UsageError(`${inert(opts.output)} is the progress file itself; exporting over it would destroy it`, 'write the export somewhere else, for example: roadmap export -o progress-export.json');
      try {
        writeFileSync(path, text);
      } catch (error) {
        throw new CliError(`cannot write ${inert(opts.output)}: ${(error as Error).message}`, ExitCode.failure, 'check that the folder exists and that you may write there');
      }
      const s = session.state;
      kit.ctx.io.stderr.write(`Exported ${plural(s.records.size, 'status', 'statuses')}, ${plural(s.notes.length, 'note')} and ${plural(s.events.length, 'history entry', 'history entries')} to ${inert(opts.output)}\n`);
    });
};
