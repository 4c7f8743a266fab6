import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { runDone } from './commands/done.js';
import { runInfo } from './commands/info.js';
import { listJson, runList } from './commands/list.js';
import { isFinished, nextJson, runNext } from './commands/next.js';
import { runReset } from './commands/reset.js';
import type { GlobalOptions } from './commands/shared.js';
import { runShow, showJson } from './commands/show.js';
import { createContext, type Context, type ContextOverrides } from './context.js';
import { CliError, ExitCode } from './errors.js';
import { renderInfo } from './ui/render-info.js';
import { renderTree } from './ui/render-list.js';
import { renderMarked, renderNext, renderShow } from './ui/render-topic.js';
import { inert, safeJson } from './ui/sanitize.js';
import { createTheme, type Theme } from './ui/theme.js';
import { sectionRef, topicJson } from './ui/topic-json.js';

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
  $ roadmap show 2.2                      one topic with its links
  $ roadmap list --roadmap ./rust.md      any Markdown roadmap; progress is kept per roadmap
  $ roadmap next --json | jq -r '.[0].title'

Exit codes: 0 ok, 1 failure (unknown topic, unreadable file), 2 usage (bad flag, ambiguous topic), 130 interrupted.
Progress is stored in $ROADMAP_HOME when set, else the platform's config folder (see: roadmap info).`;

/** Runs the CLI with the given arguments and returns the exit code. The only place errors become text. */
export async function main(argv: readonly string[], overrides: ContextOverrides = {}): Promise<number> {
  const ctx = createContext(overrides);
  const debug = argv.includes('--debug');
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    return reportError(error, ctx, debug);
  }
}

function reportError(error: unknown, ctx: Context, debug: boolean): number {
  const { stderr } = ctx.io;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
    stderr.write(`Run 'roadmap --help' for usage.\n`);
    return ExitCode.usage;
  }
  if (error instanceof CliError) {
    stderr.write(`error: ${error.message}\n`);
    if (error.hint) stderr.write(`${error.hint}\n`);
    if (debug && error.stack) stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && error.name === 'ExitPromptError') {
    stderr.write('Cancelled.\n');
    return ExitCode.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`error: unexpected failure: ${inert(message)}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  else stderr.write('Run the command again with --debug to see the details, and report it if it persists.\n');
  return ExitCode.failure;
}

function buildProgram(ctx: Context): Command {
  const { stdout } = ctx.io;
  const theme = (opts: GlobalOptions): Theme => createTheme(stdout, ctx.env, opts.color === false);
  const printJson = (value: unknown): void => {
    stdout.write(`${safeJson(value)}\n`);
  };
  const globals = (cmd: Command): GlobalOptions => cmd.optsWithGlobals();

  const program = new Command('roadmap')
    .description('Navigate a Markdown learning roadmap from the terminal and keep your progress beside it.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('-r, --roadmap <file>', 'navigate this Markdown file instead of the bundled roadmap ("-" reads stdin)')
    .option('--no-color', 'no colours or other escape sequences (also NO_COLOR=1)')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'))
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
    })
    .addHelpText('after', EXAMPLES)
    .action(() => {
      program.outputHelp();
    });

  const sub = (name: string, description: string): Command =>
    program.command(name).description(description).exitOverride().configureOutput({
      writeOut: (s) => stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
    });

  sub('list', 'show the roadmap as a tree with your progress')
    .alias('ls')
    .option('-s, --section <ref>', 'only this section (number, id or title fragment)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap list\n  $ roadmap list --section 3\n  $ roadmap list --json | jq \'.sections[] | "\\(.number) \\(.title) \\(.progress.percent)%"\'')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { section?: string };
      const result = await runList(opts, ctx);
      if (opts.json) printJson(listJson(result));
      else stdout.write(renderTree(result.session.roadmap, result.sections, result.session.statuses, theme(opts)));
    });

  sub('next', 'say which topic to study now')
    .option('-n, --count <count>', 'how many topics to show', undefined)
    .option('--json', 'print JSON')
    .addHelpText('after', "\nExamples:\n  $ roadmap next\n  $ roadmap next -n 3\n  $ roadmap next --json | jq -r '.[0].title'")
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { count?: string };
      const result = await runNext(opts, ctx);
      if (opts.json) {
        printJson(nextJson(result));
        return;
      }
      if (result.picks.length === 0) {
        stdout.write(isFinished(result) ? 'Everything on this roadmap is done. Well done!\n' : 'This roadmap has no topics.\n');
        return;
      }
      stdout.write(renderNext(result.picks, theme(opts)));
      const first = result.picks[0];
      if (first && ctx.io.stderr.isTTY) ctx.io.stderr.write(`\nWhen you have learned it: roadmap done ${first.topic.number}\n`);
    });

  sub('done', 'mark topics done (and their subtopics)')
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments')
    .option('--json', 'print the changed topics as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap done 1.1\n  $ roadmap done gorm pprof\n  $ roadmap done web-development-apis/building-graphql-apis-using-gqlgen')
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      const opts = globals(cmd);
      const r = await runDone(refs, opts, ctx);
      if (opts.json) printJson(changedJson(r.session, r.named, r.changed));
      else stdout.write(renderMarked(r.named, r.changed, r.status, r.progress, theme(opts)));
    });

  sub('reset', 'mark topics not done again')
    .argument('[topics...]', 'topic numbers (3.2), ids or title fragments')
    .option('--all', 'forget all progress on this roadmap')
    .option('-y, --yes', 'do not ask for confirmation (needed with --all when not on a terminal)')
    .option('--json', 'print the changed topics as JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap reset 1.1\n  $ roadmap reset --all --yes')
    .action(async (refs: string[], _opts: unknown, cmd: Command) => {
      const opts = globals(cmd) as GlobalOptions & { all?: boolean; yes?: boolean };
      const r = await runReset(refs, opts, ctx);
      if (r.kind === 'topics') {
        if (opts.json) printJson(changedJson(r.result.session, r.result.named, r.result.changed));
        else stdout.write(renderMarked(r.result.named, r.result.changed, 'pending', r.result.progress, theme(opts)));
        return;
      }
      if (opts.json) printJson({ schemaVersion: 1, roadmap: { id: r.session.id, title: r.session.roadmap.title }, cleared: r.cleared });
      else stdout.write(`Forgot ${r.cleared} stored topic statuses on "${inert(r.session.roadmap.title)}".\n`);
    });

  sub('show', 'show one topic: section, status, subtopics, description and links')
    .argument('<topic>', 'topic number (3.2), id or title fragment')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ roadmap show 2.2\n  $ roadmap show gorm --json | jq .links')
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const opts = globals(cmd);
      const r = await runShow(ref, opts, ctx);
      if (opts.json) printJson(showJson(r));
      else stdout.write(renderShow(r.entry, r.session.statuses, theme(opts)));
    });

  sub('info', 'show the roadmap: title, source, overview, counts, progress, where progress is stored')
    .option('--json', 'print JSON')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = globals(cmd);
      const info = await runInfo(opts, ctx);
      if (opts.json) printJson(info);
      else stdout.write(renderInfo(info, theme(opts)));
    });

  return program;
}

function changedJson(
  session: { statuses: ReadonlyMap<string, import('./core/types.js').Status> },
  named: ReadonlyArray<import('./core/walk.js').TopicEntry>,
  changed: ReadonlySet<string>,
): unknown {
  return named
    .filter((e) => changed.has(e.topic.id) || e.topic.children.length > 0)
    .map((e) => ({ ...topicJson(e.topic, session.statuses), section: sectionRef(e.section) }));
}
