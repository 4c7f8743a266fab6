import type { Command } from 'commander';
import type { Context } from '../../context.js';
import type { RegisterCommand } from '../../app/command-kit.js';
import { NotFoundError } from '../../app/errors.js';
import { roadmapRef, type GlobalOptions, type RoadmapRef } from '../../app/session.js';
import { findEntry, loadChoice, openShelf } from '../../app/shelf-choice.js';
import { BUNDLED_ID } from '../../source/load-roadmap.js';
import { inert } from '../../ui/sanitize.js';
import { SCHEMA_VERSION } from '../../ui/topic-json.js';

/** Makes a shelf roadmap (or the bundled `go-backend`) the one commands use when none is named. */
export async function runUse(name: string, ctx: Context): Promise<RoadmapRef> {
  const shelf = openShelf(ctx);
  if (name !== BUNDLED_ID && !findEntry(shelf.read(), name)) {
    const removed = shelf.read().removed.some((r) => r.name === name);
    throw new NotFoundError(
      `there is no roadmap named "${name}" on your shelf`,
      removed ? `it was removed; bring it back with: roadmap add --restore ${name}` : 'see your roadmaps with: roadmap roadmaps   (add one with: roadmap add FILE)',
    );
  }
  await shelf.update((data) => {
    if (name === BUNDLED_ID) delete data.current;
    else if (findEntry(data, name)) data.current = name;
    else throw new NotFoundError(`"${name}" was just removed by another command`);
  });
  return roadmapRef(await loadChoice(ctx, name));
}

export const registerUse: RegisterCommand = (kit) => {
  kit
    .sub('use')
    .argument('<name>', 'its name, as roadmap roadmaps lists it')
    .option('--json', 'print the roadmap now in use as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap use rust\n  $ roadmap use go-backend\n  $ ROADMAP=rust roadmap next      # one command only')
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const opts = kit.options<GlobalOptions>(cmd);
      const ref = await runUse(name, kit.ctx);
      if (opts.json) kit.printJson({ schemaVersion: SCHEMA_VERSION, roadmap: ref, current: true });
      else kit.print(`Now using ${inert(name)}: "${inert(ref.title)}". Try: roadmap next\n`);
    });
};
