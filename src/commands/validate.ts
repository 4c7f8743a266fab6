import type { Command } from 'commander';
import type { Context } from '../context.js';
import { validateRoadmap } from '../core/parse/validate.js';
import { InputError } from '../app/errors.js';
import { loadRoadmap } from '../source/load-roadmap.js';
import { renderValidation, type ValidateResult } from '../ui/render/validate.js';
import { SCHEMA_VERSION } from '../ui/topic-json.js';
import { structureFlags, type RegisterCommand } from '../app/command-kit.js';
import { UsageError } from '../app/errors.js';
import { fieldsOf, jsonOrArgument, jsonRequest, pickFields, type FieldTable } from '../app/json-fields.js';
import { roadmapRef, sourceOptions, type GlobalOptions, type RoadmapRef } from '../app/session.js';
import { structureChoice, type StructureOptions } from '../app/structure-options.js';

export interface ValidateOptions extends GlobalOptions, StructureOptions {
  explain?: boolean;
}

/** Reads and parses a roadmap file (or "-" for stdin) and reports what the tool sees in it. */
export async function runValidate(file: string, ctx: Context, opts: ValidateOptions = {}): Promise<ValidateResult & { roadmap: RoadmapRef }> {
  if (file === '-' && ctx.io.stdin.isTTY) {
    throw new InputError('"-" reads a roadmap from standard input, but standard input is a terminal', 'pipe a file in: cat roadmap.md | roadmap validate -');
  }
  const loaded = await loadRoadmap(sourceOptions(ctx), file, { structure: structureChoice(opts), explain: opts.explain === true });
  const result: ValidateResult & { roadmap: RoadmapRef } = { file, ...validateRoadmap(loaded.roadmap), roadmap: roadmapRef({ ...loaded, name: undefined }) };
  if (loaded.roadmap.structure) result.structure = loaded.roadmap.structure;
  return result;
}

/** The `validate --json` document. */
export function validateJson(r: ValidateResult & { roadmap: RoadmapRef }) {
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: r.roadmap,
    file: r.file,
    usable: r.usable,
    title: r.title,
    counts: r.counts,
    sections: r.sections,
    warnings: r.warnings.map((w) => ({ kind: w.kind, line: w.line ?? null, message: w.message })),
    problems: r.problems,
    ...(r.structure ? { structure: r.structure } : {}),
  };
}

/**
 * Fields of `validate --json field,…` (`structure` is there with --explain); pinned by
 * test/commands/json-fields.test.ts and listed in the README.
 */
export const VALIDATE_FIELDS: FieldTable<ReturnType<typeof validateJson>> = {
  ...fieldsOf<ReturnType<typeof validateJson>>(['schemaVersion', 'file', 'usable', 'title', 'counts', 'sections', 'warnings', 'problems']),
  structure: (d) => ('structure' in d ? d.structure : undefined),
};

export const registerValidate: RegisterCommand = (kit) => {
  structureFlags(kit.sub('validate'))
    // Optional for commander only: `validate --json notes.md` gives the file to --json, and it is taken back below.
    .usage('[options] <file>')
    .argument('[file]', 'the Markdown file to check ("-" reads standard input)')
    .option('--explain', 'also show the structures considered (sections from each heading level, lists, tables, <details>; topics from items, headings, rows, tasks), their counts and scores, and why one was chosen')
    .option('--json [fields]', 'print JSON; with fields (usable,warnings), only those')
    .addHelpText(
      'after',
      '\nExit status: 0 when the file is a usable roadmap (warnings allowed), 1 when it is not (no topics, unreadable).\n\nExamples:\n  $ roadmap validate ./rust-roadmap.md\n  $ roadmap validate ./rust-roadmap.md --explain\n  $ roadmap validate ./notes.md --sections h3 --topics tasks\n  $ curl -s https://example.com/README.md | roadmap validate -\n  $ roadmap validate notes.md --json | jq \'.warnings[] | "\\(.line) \\(.message)"\'',
    )
    .action(async (given: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = kit.options<ValidateOptions>(cmd);
      const { json, argument: file } = jsonOrArgument(opts.json, given, VALIDATE_FIELDS);
      if (file === undefined) throw new UsageError("missing required argument 'file'", 'for example: roadmap validate ./rust-roadmap.md   (or - to read standard input)');
      const request = jsonRequest(json, VALIDATE_FIELDS, 'validate');
      const result = await runValidate(file, kit.ctx, opts);
      if (request === 'all') kit.printJson(validateJson(result));
      else if (request) kit.printJson(pickFields(validateJson(result), request, VALIDATE_FIELDS));
      else kit.print(renderValidation(result, kit.theme(opts)));
      if (!result.usable) {
        const name = file === '-' ? 'standard input' : file;
        throw new InputError(
          `${name} is not a usable roadmap: ${result.problems.join('; ')}`,
          opts.explain ? 'a roadmap needs sections (headings or a top-level list) with topics below them: list items, task boxes or table rows' : `see the other ways to read it with: roadmap validate ${file === '-' ? '-' : 'FILE'} --explain`,
        );
      }
    });
};
