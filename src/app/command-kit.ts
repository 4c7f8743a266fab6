import type { Command } from 'commander';
import type { Context } from '../context.js';
import { SECTION_SOURCES, TOPIC_SOURCES } from '../core/parse/structure/structure.js';
import { inert, writeSafeJson } from '../ui/sanitize.js';
import { createTheme, type Theme } from '../ui/theme.js';
import { UsageError } from './errors.js';
import type { GlobalOptions } from './session.js';

/** What a command file needs to declare itself: the context and the shared output helpers. */
export interface Kit {
  ctx: Context;
  /** Adds a subcommand that reports errors through main() instead of exiting; a hidden one is left out of --help. */
  sub(name: string, description: string, options?: { hidden?: boolean }): Command;
  /** Global and command options merged; commander's options are untyped, so the caller names their shape. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  options<T extends object = object>(cmd: Command): GlobalOptions & T;
  theme(opts: GlobalOptions): Theme;
  /** Writes JSON to stdout with every control character escaped. */
  printJson(value: unknown): void;
  /** Writes text to stdout. */
  print(text: string): void;
}

/** Adds `--sections` and `--topics`: how the roadmap is built, when the inferred structure is wrong. */
export function structureFlags(cmd: Command): Command {
  return cmd
    .option('--sections <source>', `read sections from: ${SECTION_SOURCES.join(', ')} (headings of that level, top-level list items, tables, <details> blocks)`)
    .option('--topics <source>', `read topics from: ${TOPIC_SOURCES.join(', ')} (list items, sub-headings, table rows, task boxes)`);
}

/** A command file's export: adds its subcommand(s) to the program. */
export type RegisterCommand = (kit: Kit) => void;

export function createKit(ctx: Context, program: Command): Kit {
  const { stdout, stderr } = ctx.io;
  return {
    ctx,
    sub: (name, description, options = {}) =>
      program
        .command(name, options)
        .description(description)
        .exitOverride()
        // commander's errors quote the arguments as given, so they are made inert too.
        .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(inert(s, true)) }),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
    options: <T extends object>(cmd: Command) => cmd.optsWithGlobals<GlobalOptions & T>(),
    theme: (opts) => createTheme(stdout, ctx.env, opts.color === false),
    printJson: (value) => {
      writeSafeJson(stdout, value);
    },
    print: (text) => {
      stdout.write(text);
    },
  };
}

/** A count option (`-n 3`, `--limit 10`): a whole number of 1 or more, 1 when absent. */
export function parseCount(raw: string | undefined, flag: string): number {
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a whole number of 1 or more, got "${raw}"`, `for example: roadmap next ${flag} 3`);
  return n;
}
