import type { Command, OutputConfiguration } from 'commander';
import type { Context } from '../context.js';
import { SECTION_SOURCES, TOPIC_SOURCES } from '../core/types.js';
import { inert, writeSafeJson } from '../ui/sanitize.js';
import { createTheme, type Theme } from '../ui/theme.js';
import { UsageError } from './errors.js';
import type { GlobalOptions } from './session.js';

/** What a command's action needs: the context and the shared output helpers. */
export interface OutputKit {
  ctx: Context;
  theme(opts: GlobalOptions): Theme;
  /** Writes JSON to stdout with every control character escaped. */
  printJson(value: unknown): void;
  /** Writes text to stdout. */
  print(text: string): void;
}

/** What a command file needs to declare itself: the output helpers and the program to add its subcommand to. */
export interface Kit extends OutputKit {
  /**
   * Adds a subcommand that reports errors through main() instead of exiting. Its description, aliases and whether
   * --help lists it come from the program's command list (cli.ts), which also names it when it is not loaded.
   */
  sub(name: string): Command;
  /**
   * Loads and defines the command a command line names (its flags and arguments), in place of the stand-in the
   * program keeps for a command that was not needed; undefined for no such command. Shell completion uses it.
   */
  define(name: string): Promise<Command | undefined>;
  /** Global and command options merged; commander's options are untyped, so the caller names their shape. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  options<T extends object = object>(cmd: Command): GlobalOptions & T;
}

/** Adds `--sections` and `--topics`: how the roadmap is built, when the inferred structure is wrong. */
export function structureFlags(cmd: Command): Command {
  return cmd
    .option('--sections <source>', `read sections from: ${SECTION_SOURCES.join(', ')} (headings of that level, top-level list items, tables, <details> blocks)`)
    .option('--topics <source>', `read topics from: ${TOPIC_SOURCES.join(', ')} (list items, sub-headings, table rows, task boxes)`);
}

/** A command file's export: adds its subcommand(s) to the program. */
export type RegisterCommand = (kit: Kit) => void;

/**
 * Runs a command without commander, for a command line of its name and words that are not options (`roadmap next`,
 * `roadmap done 1.1 2.3`): every option is absent, as commander leaves them on such a line, the global ones are
 * `BARE_OPTIONS` (cli.ts), and `words` are the command's arguments as commander would give them.
 * test/e2e/bare-run.test.ts holds its output equal to the same run through commander.
 */
export type BareRun = (kit: OutputKit, opts: GlobalOptions, words: string[]) => Promise<void>;

/** One entry of the program's command list: what `--help` says of a command, and how to load its definition. */
export interface CommandEntry {
  name: string;
  summary: string;
  aliases?: readonly string[];
  /** Left out of --help (the completion scripts' `__complete`). */
  hidden?: boolean;
  /** Imports the module that defines the command: only the command a run names is loaded. */
  load: () => Promise<RegisterCommand>;
  /**
   * For everyday commands: imports the module and runs it without building the program, when the command line is the
   * command's name alone, or (with `bareWords`) its name and words none of which starts with "-". commander is a
   * third of the code such a run would load.
   */
  bare?: () => Promise<BareRun>;
  /** The command takes any number of words (`[topics...]`): a bare run may have them. */
  bareWords?: true;
}

/** The entry of the command called `name` (or by that alias), if the list has one. */
export function findCommand(commands: readonly CommandEntry[], name: string): CommandEntry | undefined {
  return commands.find((c) => c.name === name || c.aliases?.includes(name));
}

/** Adds a command as --help lists it: name, aliases and summary, nothing else (see `define`). */
export function addCommand(program: Command, entry: CommandEntry): Command {
  return program
    .command(entry.name, { hidden: entry.hidden === true })
    .aliases(entry.aliases ?? [])
    .description(entry.summary);
}

/**
 * Where commander writes and how wide its help is: the context's streams, never process.stdout (which would cost
 * start-up time to set up, see ui/streams.ts). Its errors quote the arguments as given, so they are made inert.
 */
export function commanderOutput(ctx: Context): OutputConfiguration {
  const { stdout, stderr } = ctx.io;
  return {
    writeOut: (s) => stdout.write(s),
    writeErr: (s) => stderr.write(inert(s, true)),
    getOutHelpWidth: () => (stdout.isTTY ? (stdout.columns ?? 80) : 80),
    getErrHelpWidth: () => (stderr.isTTY ? (stderr.columns ?? 80) : 80),
    getOutHasColors: () => stdout.isTTY === true,
    getErrHasColors: () => stderr.isTTY === true,
  };
}

/** The output helpers on the context's streams. */
export function createOutputKit(ctx: Context): OutputKit {
  const { stdout } = ctx.io;
  return {
    ctx,
    theme: (opts) => createTheme(stdout, ctx.env, opts.color === false),
    printJson: (value) => {
      writeSafeJson(stdout, value);
    },
    print: (text) => {
      stdout.write(text);
    },
  };
}

export function createKit(ctx: Context, program: Command, commands: readonly CommandEntry[]): Kit {
  const defined = new Set<string>();
  const kit: Kit = {
    ...createOutputKit(ctx),
    sub: (name) => {
      const entry = findCommand(commands, name);
      if (!entry) throw new Error(`"${name}" is not in the program's command list (cli.ts)`);
      defined.add(entry.name);
      return (
        addCommand(program, entry)
          .exitOverride()
          .configureOutput(commanderOutput(ctx))
      );
    },
    define: async (name) => {
      const entry = findCommand(commands, name);
      if (!entry) return undefined;
      const known = program.commands.find((c) => c.name() === entry.name);
      if (known && defined.has(entry.name)) return known;
      const register = await entry.load();
      // The stand-in goes; the real definition takes its place at the end, which only --help's order would show.
      const list = program.commands as Command[];
      if (known) list.splice(list.indexOf(known), 1);
      register(kit);
      return program.commands.find((c) => c.name() === entry.name);
    },
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
    options: <T extends object>(cmd: Command) => cmd.optsWithGlobals<GlobalOptions & T>(),
  };
  return kit;
}

/** Global options that take a value, so that the word after them is not the command. */
const VALUE_OPTIONS = new Set(['-r', '--roadmap']);

/**
 * The command a command line runs (`help X` runs X's help), found the way commander will: the first word that is
 * not a global option or its value. Undefined when there is none (the program's own help) or after `--`.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') return undefined;
    if (VALUE_OPTIONS.has(word)) i++;
    else if (!word.startsWith('-') || word === '-') return word === 'help' ? argv.slice(i + 1).find((w) => !w.startsWith('-')) : word;
  }
  return undefined;
}

/** A count option (`-n 3`, `--limit 10`): a whole number of 1 or more, 1 when absent. */
export function parseCount(raw: string | undefined, flag: string): number {
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a whole number of 1 or more, got "${raw}"`, `for example: roadmap next ${flag} 3`);
  return n;
}
