import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { registerDoctor } from './commands/doctor.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInfo } from './commands/info.js';
import { watchForAutoSync, type AutoSync } from './app/auto-sync.js';
import { createKit, type RegisterCommand } from './app/command-kit.js';
import { registerList } from './commands/list.js';
import { registerDone, registerSkip, registerStart } from './commands/mark.js';
import { registerLog } from './commands/history/log.js';
import { registerRedo } from './commands/history/redo.js';
import { registerUndo } from './commands/history/undo.js';
import { registerComplete, registerCompletion } from './commands/completion.js';
import { registerNext } from './commands/next.js';
import { registerNote } from './commands/note.js';
import { registerReport } from './commands/report/report.js';
import { registerReset } from './commands/reset.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { registerSync } from './commands/sync/sync.js';
import { registerValidate } from './commands/validate.js';
import { registerWalk } from './commands/walk.js';
import { registerAdd } from './commands/shelf/add.js';
import { registerRemove } from './commands/shelf/remove.js';
import { registerRoadmaps } from './commands/shelf/roadmaps.js';
import { registerUpdate } from './commands/shelf/update.js';
import { registerUse } from './commands/shelf/use.js';
import { createContext, type Context, type ContextOverrides } from './context.js';
import { CliError, ExitCode, SilentExit } from './app/errors.js';
import { RoadmapInputError } from './core/errors.js';
import { SourceError } from './source/errors.js';
import { StoreError } from './store/errors.js';
import { SyncError } from './sync/errors.js';
import { EditorError } from './ui/launch/editor-error.js';
import { PromptCancelled } from './ui/prompter.js';
import { work } from './core/work.js';
import { inert } from './ui/sanitize.js';
function version(): string {
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
  const debug = argv.includes('--debug');
  const autoSync = watchForAutoSync(ctx);
  const program = buildProgram(ctx, autoSync);
  let code: number;
  try {
    // No command at all: show the help on stdout, as `--help` does.
    await program.parseAsync(argv.length === 0 ? ['--help'] : [...argv], { from: 'user' });
    code = ExitCode.ok;
  } catch (error) {
    code = reportError(error, ctx, debug);
  }
  autoSync.finish();
  // For tests that check work grows in proportion to the input (core/work.ts).
  if (ctx.env.ROADMAP_WORK_COUNTS === '1') ctx.io.stderr.write(`roadmap work: ${JSON.stringify(work)}\n`);
  return code;
}

function wantsJson(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--json' || a.startsWith('--json='));
}

function reportError(error: unknown, ctx: Context, debug: boolean): number {
  const { stderr } = ctx.io;
  if (error instanceof CommanderError) {
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

/** Every subcommand, in the order `--help` lists them. */
const COMMANDS: readonly RegisterCommand[] = [
  registerList,
  registerNext,
  registerStart,
  registerDone,
  registerSkip,
  registerReset,
  registerUndo,
  registerRedo,
  registerShow,
  registerNote,
  registerLog,
  registerStats,
  registerReport,
  registerInfo,
  registerExport,
  registerImport,
  registerSync,
  registerDoctor,
  registerValidate,
  registerWalk,
  registerCompletion,
  registerComplete,
  registerAdd,
  registerRoadmaps,
  registerUse,
  registerUpdate,
  registerRemove,
];

function buildProgram(ctx: Context, autoSync: AutoSync): Command {
  const { stdout, stderr } = ctx.io;
  const program = new Command('roadmap')
    .description('Navigate a Markdown learning roadmap from the terminal and keep your progress beside it.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('-r, --roadmap <name|file>', 'work on this roadmap: a name from your shelf or a Markdown file ("-" reads stdin); also ROADMAP=<name|file>')
    .option('--no-color', 'no colours or other escape sequences (also NO_COLOR=1)')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'))
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(inert(s, true)) })
    .addHelpText('after', EXAMPLES)
    .hook('preAction', (_program, command) => {
      autoSync.ran(command);
    });
  const kit = createKit(ctx, program);
  for (const register of COMMANDS) register(kit);
  return program;
}
