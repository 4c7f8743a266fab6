import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { CliError, ExitCode, UsageError } from '../../app/errors.js';
import type { RegisterCommand } from '../../app/command-kit.js';
import { openSession, type GlobalOptions, type Session } from '../../app/session.js';
import { openFile } from '../../ui/open-url.js';
import { reportView } from './report-view.js';
import { inert } from '../../ui/sanitize.js';

export interface ReportOptions extends GlobalOptions {
  output?: string;
  open?: boolean;
}

/** Where the report goes when -o is not given and standard output is a terminal (or --open needs a file). */
export const DEFAULT_REPORT_FILE = 'roadmap-report.html';

/** `-o -` and a piped stdout without -o print the page; otherwise it is written to a file (undefined: stdout). */
export function reportTarget(opts: ReportOptions, ctx: Context): string | undefined {
  if (opts.output === '-') {
    if (opts.open) throw new UsageError('--open needs a file, but -o - prints the report', 'roadmap report --open   or   roadmap report -o report.html --open');
    return undefined;
  }
  if (opts.output !== undefined) return opts.output;
  return opts.open || ctx.io.stdout.isTTY ? DEFAULT_REPORT_FILE : undefined;
}

/** Writes the page next to its final name and renames it, so a browser never shows half a report. */
function writeReport(ctx: Context, session: Session, shown: string, html: string): string {
  const path = resolve(ctx.cwd, shown);
  if (path === resolve(ctx.store.location)) throw new UsageError(`${inert(shown)} is the progress file itself; writing the report over it would destroy it`, `write the report somewhere else, for example: roadmap report -o ${DEFAULT_REPORT_FILE}`);
  if (session.source !== '-' && path === resolve(session.source)) throw new UsageError(`${inert(shown)} is the roadmap the report is made from; writing over it would destroy it`, `write the report somewhere else, for example: roadmap report -o ${DEFAULT_REPORT_FILE}`);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, html);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new CliError(`cannot write ${shown}: ${why}`, ExitCode.failure, 'check that the folder exists and that you may write there, or print the page with: roadmap report -o -');
  }
  return path;
}

export const registerReport: RegisterCommand = (kit) => {
  kit
    .sub('report')
    .option('-o, --output <file>', `write the page to this file ("-": standard output); default ${DEFAULT_REPORT_FILE} on a terminal, standard output when piped`)
    .option('--open', 'open the page in your browser once written (prints its path when there is no browser)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ roadmap report                        writes ${DEFAULT_REPORT_FILE} here\n  $ roadmap report --open                 and opens it\n  $ roadmap report -o ~/progress.html\n  $ roadmap report > progress.html        piped: the page goes to standard output\n\nThe page has everything inline (styles, chart): no script, no font, no network request. It prints on A4 and Letter.`,
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<ReportOptions>(cmd);
      const { ctx } = kit;
      const target = reportTarget(opts, ctx);
      const session = await openSession(ctx, opts);
      const view = reportView(session, ctx.now());
      const { renderReportHtml } = await import('../../ui/render/report-html.js');
      const html = renderReportHtml(view);
      if (target === undefined) {
        kit.print(html);
        return;
      }
      const path = writeReport(ctx, session, target, html);
      const p = view.progress;
      ctx.io.stderr.write(`Wrote the report to ${inert(target)} (${p.done}/${p.total} done, ${p.percent}%)\n`);
      if (!opts.open) return;
      if (openFile(path, ctx.env)) ctx.io.stderr.write('Opened it in your browser.\n');
      else ctx.io.stdout.write(`No browser to open it here; the report is at:\n  ${inert(path)}\n`);
    });
};
