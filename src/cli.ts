import { readFileSync } from 'node:fs';
import type { Command, CommanderError } from 'commander';
import { watchForAutoSync, type AutoSync } from './app/auto-sync.js';
import { addCommand, commandNamed, commanderOutput, createKit, createOutputKit, findCommand, type BareRun, type CommandEntry } from './app/command-kit.js';
import { createContext, type Context, type ContextOverrides } from './context.js';
import type { GlobalOptions } from './app/session.js';
import { CliError, ExitCode, SilentExit } from './app/errors.js';
import { RoadmapInputError } from './core/errors.js';
import { SourceError } from './source/errors.js';
import { StoreError } from './store/errors.js';
import { SyncError } from './sync/errors.js';
import { EditorError } from './ui/launch/editor-error.js';
import { PromptCancelled } from './ui/prompter.js';
import { work } from './core/work.js';
import { inert } from './ui/sanitize.js';
import { prepareColor } from './ui/theme.js';

export { outputSettled } from './ui/streams.js';
/** Set by scripts/build.mjs from package.json; absent when running from src/. */
declare const __ROADMAP_VERSION__: string | undefined;

function version(): string {
  if (typeof __ROADMAP_VERSION__ === 'string') return __ROADMAP_VERSION__;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const EXAMPLES = `
Examples:
  $ roadmap list                          the bundled Go backend roadmap with your progress
  $ roadmap next                          what to study now
  $ roadmap done 1.1                      mark topic 1.1 done (numbers, ids or title fragments)
  $ roadmap done gorm "worker pools"      several at once
  $ roadmap start 2.3                     mark it in progress (next offers it first)
  $ roadmap done 3                        a whole section (asks first; --yes in scripts)
  $ roadmap undo                          take the last change back (roadmap log shows them; redo re-applies)
  $ roadmap note 2.2 "use Preload"        keep a note beside a topic
  $ roadmap stats                         streaks, weekly chart, pace and finish date
  $ roadmap report --open                 all of it as one HTML page, opened in your browser
  $ roadmap export -o progress.json       and: roadmap import progress.json
  $ roadmap sync init <git-url-or-path>   keep progress in step across machines (then: roadmap sync)
  $ roadmap show 2.2                      one topic with its links
  $ roadmap add ./rust.md                 put a roadmap on your shelf (also a URL, github:owner/repo, -)
  $ roadmap roadmaps                      the roadmaps you follow; roadmap use NAME switches
  $ roadmap list --roadmap ./rust.md      any Markdown roadmap; progress is kept per roadmap
  $ roadmap next --json | jq -r '.[0].title'

Exit codes: 0 ok, 1 failure (unknown topic, unreadable file), 2 usage (bad flag, ambiguous topic), 130 interrupted.
Progress is stored in $ROADMAP_HOME when set, else the platform's config folder (see: roadmap info).`;

/** Runs the CLI with the given arguments and returns the exit code. The only place errors become text. */
export async function main(argv: readonly string[], overrides: ContextOverrides = {}): Promise<number> {
  // Machine-readable runs never draw spinners; decided before parsing so slow work in any command respects it.
  const ctx = createContext(wantsJson(argv) ? { ...overrides, feedback: false } : overrides);
  await prepareColor([ctx.io.stdout, ctx.io.stderr], ctx.env);
  const debug = argv.includes('--debug');
  const autoSync = watchForAutoSync(ctx);
  const bare = bareRun(argv);
  const program = bare ? undefined : await buildProgram(ctx, autoSync, argv);
  let code: number;
  try {
    if (bare) await (await bare())(createOutputKit(ctx), BARE_OPTIONS, argv.slice(1));
    // No command at all: show the help on stdout, as `--help` does.
    else await program?.parseAsync(argv.length === 0 ? ['--help'] : [...argv], { from: 'user' });
    code = ExitCode.ok;
  } catch (error) {
    code = reportError(error, ctx, debug);
  }
  autoSync.finish();
  // For tests that check work grows in proportion to the input (core/work.ts).
  if (ctx.env.ROADMAP_WORK_COUNTS === '1') ctx.io.stderr.write(`roadmap work: ${JSON.stringify(work)}\n`);
  return code;
}

/** The global options as commander gives them to a command line with none: `--no-color` makes `color` true. */
const BARE_OPTIONS: GlobalOptions = { color: true };

/**
 * How to run a command line that is an everyday command's name alone (`roadmap next`), or its name and topic words
 * with no option (`roadmap done 1.1`): undefined for any other.
 */
function bareRun(argv: readonly string[]): (() => Promise<BareRun>) | undefined {
  const [name, ...words] = argv;
  const entry = name === undefined ? undefined : findCommand(COMMANDS, name);
  if (words.length === 0 || (entry?.bareWords && words.every((w) => !w.startsWith('-')))) return entry?.bare;
  return undefined;
}

function wantsJson(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--json' || a.startsWith('--json='));
}

/** commander's own errors (usage, --help, --version), told by their code: commander itself is loaded lazily. */
function isCommanderError(error: unknown): error is Error & Pick<CommanderError, 'code'> {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('commander.');
}

function reportError(error: unknown, ctx: Context, debug: boolean): number {
  const { stderr } = ctx.io;
  if (isCommanderError(error)) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
    stderr.write(`Run 'roadmap --help' for usage.\n`);
    return ExitCode.usage;
  }
  if (error instanceof SilentExit) return error.exitCode;
  if (error instanceof PromptCancelled) {
    stderr.write('Cancelled, nothing was changed.\n');
    return ExitCode.interrupted;
  }
  const code = exitCodeOf(error);
  if (code !== undefined && error instanceof Error) {
    // Messages echo file names, references and titles the user passed: they are made inert like any output.
    stderr.write(`error: ${inert(error.message, true)}\n`);
    const hint = (error as { hint?: string }).hint;
    if (hint) stderr.write(`${inert(hint, true)}\n`);
    if (debug && error.stack) stderr.write(`${error.stack}\n`);
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`error: unexpected failure: ${inert(message)}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  else stderr.write('Run the command again with --debug to see the details, and report it if it persists.\n');
  return ExitCode.failure;
}

/**
 * The exit code of an error the user can act on, or undefined for a bug. Each layer throws its own errors without
 * exit codes (core: unreadable Markdown; source: a missing file; store: a damaged or locked progress file; sync: no
 * git, an unreachable remote, a damaged file in it); this is
 * the one place that turns them into codes. Commands' own errors carry theirs (usage 2, not found 1).
 */
function exitCodeOf(error: unknown): number | undefined {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof RoadmapInputError || error instanceof SourceError || error instanceof StoreError || error instanceof SyncError || error instanceof EditorError) return ExitCode.failure;
  return undefined;
}

/**
 * Every subcommand, in the order `--help` lists them. A run loads only the module of the command it names (each is
 * its own chunk in the bundle): `--help` needs no command module at all, `roadmap next` only next's.
 */
const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'list',
    aliases: ['ls'],
    summary: 'show the roadmap as a tree with your progress',
    load: async () => (await import('./commands/list.js')).registerList,
    bare: async () => (await import('./commands/list.js')).bareList,
  },
  {
    name: 'next',
    summary: 'say which topic to study now',
    load: async () => (await import('./commands/next.js')).registerNext,
    bare: async () => (await import('./commands/next.js')).bareNext,
  },
  {
    name: 'start',
    summary: 'mark topics in progress (next offers them first), or the open topics of a section',
    load: async () => (await import('./commands/mark.js')).registerStart,
    bare: async () => (await import('./commands/mark.js')).bareStart,
    bareWords: true,
  },
  {
    name: 'done',
    summary: 'mark topics done (and their subtopics), or a whole section',
    load: async () => (await import('./commands/mark.js')).registerDone,
    bare: async () => (await import('./commands/mark.js')).bareDone,
    bareWords: true,
  },
  {
    name: 'skip',
    summary: 'skip topics you already know or do not need (they leave the total), or what is left of a section',
    load: async () => (await import('./commands/mark.js')).registerSkip,
    bare: async () => (await import('./commands/mark.js')).bareSkip,
    bareWords: true,
  },
  {
    name: 'reset',
    summary: 'mark topics not started again (a bare number is a whole section; everything with --all)',
    load: async () => (await import('./commands/reset.js')).registerReset,
    bare: async () => (await import('./commands/reset.js')).bareReset,
    bareWords: true,
  },
  { name: 'undo', summary: 'revert your last change (or the last <n>), a reset --all included; redo re-applies it', load: async () => (await import('./commands/history/undo.js')).registerUndo },
  { name: 'redo', summary: 're-apply what undo took back (or the last <n>); a new change ends what can be redone', load: async () => (await import('./commands/history/redo.js')).registerRedo },
  { name: 'show', summary: 'show one topic: section, status, description, subtopics and links', load: async () => (await import('./commands/show.js')).registerShow },
  { name: 'note', summary: 'add, list, edit or delete notes on a topic (your editor opens on a terminal when no text is given)', load: async () => (await import('./commands/note.js')).registerNote },
  { name: 'log', summary: 'show the history of your progress, newest first', load: async () => (await import('./commands/history/log.js')).registerLog },
  { name: 'stats', summary: 'show progress per section, topics finished per week, streaks, pace and a finish date', load: async () => (await import('./commands/stats.js')).registerStats },
  { name: 'report', summary: 'write your progress as one self-contained HTML page (sections, topics, notes, weekly chart, pace)', load: async () => (await import('./commands/report/report.js')).registerReport },
  { name: 'info', summary: 'show the roadmap: title, source, overview, counts, progress, where progress is stored', load: async () => (await import('./commands/info.js')).registerInfo },
  { name: 'export', summary: 'write your progress, notes and history as JSON (or a Markdown checklist)', load: async () => (await import('./commands/export.js')).registerExport },
  { name: 'import', summary: 'merge an export into your progress (the newer change per topic wins; notes are kept)', load: async () => (await import('./commands/import.js')).registerImport },
  { name: 'sync', summary: 'sync progress with a git repository you own: pull, merge, commit, push', load: async () => (await import('./commands/sync/sync.js')).registerSync },
  { name: 'doctor', summary: 'find progress kept for topics the roadmap no longer has; --fix moves it to the renamed topic', load: async () => (await import('./commands/doctor.js')).registerDoctor },
  { name: 'validate', summary: 'check a Markdown roadmap: its title, sections, topic counts and what looks wrong, with line numbers', load: async () => (await import('./commands/validate.js')).registerValidate },
  { name: 'walk', summary: 'go through the roadmap topic by topic, interactively (Enter marks done and moves on)', load: async () => (await import('./commands/walk.js')).registerWalk },
  { name: 'completion', summary: 'print a shell completion script: commands, flags, section and topic numbers, title words', load: async () => (await import('./commands/completion.js')).registerCompletion },
  { name: '__complete', hidden: true, summary: 'complete a command line (used by the completion scripts)', load: async () => (await import('./commands/completion.js')).registerComplete },
  { name: 'add', summary: 'put a roadmap on your shelf: a Markdown file, a URL, github:OWNER/REPO[/PATH][@REF], a roadmap.sh folder, or - for stdin', load: async () => (await import('./commands/shelf/add.js')).registerAdd },
  { name: 'roadmaps', summary: 'list the roadmaps you follow: name, title, progress, last activity, source; * marks the current one', load: async () => (await import('./commands/shelf/roadmaps.js')).registerRoadmaps },
  { name: 'use', summary: 'make a roadmap on your shelf the current one (go-backend is the bundled roadmap)', load: async () => (await import('./commands/shelf/use.js')).registerUse },
  { name: 'update', summary: 'read a shelf roadmap from its source again: says what was added, removed and renamed (progress follows renames)', load: async () => (await import('./commands/shelf/update.js')).registerUpdate },
  { name: 'remove', summary: 'take a roadmap off your shelf; its progress is kept unless --purge (undo: roadmap add --restore NAME)', load: async () => (await import('./commands/shelf/remove.js')).registerRemove },
];

async function buildProgram(ctx: Context, autoSync: AutoSync, argv: readonly string[]): Promise<Command> {
  // commander is a third of the code a run loads: it is imported here, when a run needs it.
  const { Command, Option } = await import('commander');
  const program = new Command('roadmap')
    .description('Navigate a Markdown learning roadmap from the terminal and keep your progress beside it.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('-r, --roadmap <name|file>', 'work on this roadmap: a name from your shelf or a Markdown file ("-" reads stdin); also ROADMAP=<name|file>')
    .option('--no-color', 'no colours or other escape sequences (also NO_COLOR=1)')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'))
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput(commanderOutput(ctx))
    .addHelpText('after', EXAMPLES)
    .hook('preAction', (_program, command) => {
      autoSync.ran(command);
    });
  const kit = createKit(ctx, program, COMMANDS);
  const name = commandNamed(argv);
  const named = name === undefined ? undefined : findCommand(COMMANDS, name);
  // The other commands are named too (not loaded) for what lists them: --help, shell completion, and the suggestion
  // after a mistyped command. A run of one known command needs none of that.
  const listAll = named === undefined || named.name === '__complete';
  for (const entry of COMMANDS) {
    if (entry === named) (await entry.load())(kit);
    else if (listAll) addCommand(program, entry);
  }
  return program;
}
