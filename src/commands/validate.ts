import type { Command } from 'commander';
import type { Context } from '../context.js';
import { validateRoadmap } from '../core/parse/validate.js';
import { InputError } from '../app/errors.js';
import { loadRoadmap } from '../source/load-roadmap.js';
import { renderValidation, type ValidateResult } from '../ui/render/validate.js';
import { SCHEMA_VERSION } from '../ui/topic-json.js';
import type { RegisterCommand } from '../app/command-kit.js';
import { sourceOptions, type GlobalOptions } from '../app/session.js';

/** Reads and parses a roadmap file (or "-" for stdin) and reports what the tool sees in it. */
export async function runValidate(file: string, ctx: Context): Promise<ValidateResult> {
  if (file === '-' && ctx.io.stdin.isTTY) {
    throw new InputError('"-" reads a roadmap from standard input, but standard input is a terminal', 'pipe a file in: cat roadmap.md | roadmap validate -');
  }
  const loaded = await loadRoadmap(sourceOptions(ctx), file);
  return { file, ...validateRoadmap(loaded.roadmap) };
}

/** The `validate --json` document. */
export function validateJson(r: ValidateResult): unknown {
  return {
    schemaVersion: SCHEMA_VERSION,
    file: r.file,
    usable: r.usable,
    title: r.title,
    counts: r.counts,
    sections: r.sections,
    warnings: r.warnings.map((w) => ({ kind: w.kind, line: w.line ?? null, message: w.message })),
    problems: r.problems,
  };
}

export const registerValidate: RegisterCommand = (kit) => {
  kit
    .sub('validate', 'check a Markdown roadmap: its title, sections, topic counts and what looks wrong, with line numbers')
    .argument('<file>', 'the Markdown file to check ("-" reads standard input)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExit status: 0 when the file is a usable roadmap (warnings allowed), 1 when it is not (no topics, unreadable).\n\nExamples:\n  $ roadmap validate ./rust-roadmap.md\n  $ curl -s https://example.com/README.md | roadmap validate -\n  $ roadmap validate notes.md --json | jq \'.warnings[] | "\\(.line) \\(.message)"\'',
    )
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const opts = kit.options<GlobalOptions>(cmd);
      const result = await runValidate(file, kit.ctx);
      if (opts.json) kit.printJson(validateJson(result));
      else kit.print(renderValidation(result, kit.theme(opts)));
      if (!result.usable) {
        const name = file === '-' ? 'standard input' : file;
        throw new InputError(`${name} is not a usable roadmap: ${result.problems.join('; ')}`, 'a roadmap needs sections (headings or a top-level list) with topics below them: list items, task boxes or table rows');
      }
    });
};
