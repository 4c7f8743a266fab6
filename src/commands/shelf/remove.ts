import type { Command } from 'commander';
import { isInteractive, type Context } from '../../context.js';
import { EXPORT_KIND } from '../../core/progress/merge.js';
import { roadmapProgress } from '../../core/progress/status.js';
import type { RegisterCommand } from '../../app/command-kit.js';
import { CliError, ExitCode, NotFoundError, UsageError } from '../../app/errors.js';
import { roadmapRef, type GlobalOptions, type RoadmapRef } from '../../app/session.js';
import { findEntry, loadChoice, openShelf } from '../../app/shelf-choice.js';
import { BUNDLED_ID } from '../../source/load-roadmap.js';
import { fromState } from '../../store/progress-store.js';
import { plural } from '../../ui/render/history.js';
import { inert } from '../../ui/sanitize.js';
import { SCHEMA_VERSION } from '../../ui/topic-json.js';

export interface RemoveOptions extends GlobalOptions {
  purge?: boolean;
  yes?: boolean;
}

export interface RemoveResult {
  ref: RoadmapRef;
  /** Topic statuses kept in the store (without --purge) or taken out of it (with). */
  statuses: number;
  purged: boolean;
  wasCurrent: boolean;
}

/**
 * Takes a roadmap off the shelf. Its kept copy stays (so `roadmap add --restore NAME` can bring it back) and so does
 * its progress, unless --purge: then the progress leaves the store too, saved first in the export format beside the
 * copy, where --restore finds it.
 */
export async function runRemove(name: string, opts: RemoveOptions, ctx: Context): Promise<RemoveResult> {
  if (name === BUNDLED_ID) throw new UsageError(`"${BUNDLED_ID}" is the bundled roadmap and always there`, 'switch away from it with: roadmap use NAME');
  const shelf = openShelf(ctx);
  if (!findEntry(shelf.read(), name)) throw new NotFoundError(`there is no roadmap named "${name}" on your shelf`, 'see your roadmaps with: roadmap roadmaps');
  const loaded = await loadChoice(ctx, name);
  const ref = roadmapRef(loaded);
  const state = ctx.store.read(name);
  const purge = opts.purge === true;
  if (purge && !opts.yes) {
    if (!isInteractive(ctx) || opts.json) throw new UsageError(`remove --purge deletes the progress on "${name}" and needs --yes when not run on a terminal`, `roadmap remove ${name} --purge --yes   (roadmap add --restore ${name} brings it back)`);
    const p = roadmapProgress(loaded.roadmap, new Map([...state.records].map(([id, r]) => [id, r.status])));
    const ok = await ctx.prompter.confirm(`Remove "${inert(ref.title)}" and its progress (${p.done} done, ${plural(state.notes.length, 'note')})?`, false);
    if (!ok) throw new CliError('nothing was removed', ExitCode.failure);
  }
  const removedAt = ctx.now().toISOString();
  let purgedFile: string | undefined;
  if (purge) {
    purgedFile = `${name}.removed-${removedAt.replace(/[:.]/g, '-')}.progress.json`;
    const saved = { schemaVersion: SCHEMA_VERSION, kind: EXPORT_KIND, exportedAt: removedAt, roadmap: { id: ref.id, title: ref.title }, ...fromState(name, state) };
    shelf.writeCopy(purgedFile, Buffer.from(`${JSON.stringify(saved, null, 2)}\n`));
  }
  let wasCurrent = false;
  await shelf.update((data) => {
    const entry = findEntry(data, name);
    if (!entry) throw new NotFoundError(`"${name}" was just removed by another command`);
    data.roadmaps = data.roadmaps.filter((e) => e !== entry);
    data.removed.push({ ...entry, removedAt, ...(purgedFile === undefined ? {} : { purged: purgedFile }) });
    if (data.current === name) {
      wasCurrent = true;
      delete data.current;
    }
  });
  if (purge) {
    // After the shelf: the progress is saved in purgedFile, and --restore knows where.
    await ctx.store.update(name, (s) => {
      s.records.clear();
      s.notes = [];
      s.events = [];
    });
  }
  return { ref, statuses: state.records.size, purged: purge, wasCurrent };
}

export const registerRemove: RegisterCommand = (kit) => {
  kit
    .sub('remove')
    .argument('<name>', 'its name, as roadmap roadmaps lists it')
    .option('--purge', 'also delete its progress (asks first; saved so --restore can bring it back)')
    .option('-y, --yes', 'do not ask (needed with --purge when not on a terminal)')
    .option('--json', 'print what was removed as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap remove rust\n  $ roadmap remove rust --purge --yes\n  $ roadmap add --restore rust        # undo')
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const opts = kit.options<RemoveOptions>(cmd);
      const r = await runRemove(name, opts, kit.ctx);
      if (opts.json) {
        kit.printJson({ schemaVersion: SCHEMA_VERSION, roadmap: r.ref, purged: r.purged, statuses: r.statuses, wasCurrent: r.wasCurrent });
        return;
      }
      const kept = r.purged ? `Its progress (${plural(r.statuses, 'topic status', 'topic statuses')}) was deleted.` : `Its progress (${plural(r.statuses, 'topic status', 'topic statuses')}) is kept.`;
      kit.print(`Removed ${inert(name)} from your shelf. ${kept}\n`);
      const lines = [`Undo: roadmap add --restore ${inert(name)}`];
      if (r.wasCurrent) lines.push(`The current roadmap is now the bundled one (${BUNDLED_ID}).`);
      kit.ctx.io.stderr.write(`${lines.join('\n')}\n`);
    });
};
