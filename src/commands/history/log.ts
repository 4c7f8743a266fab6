import type { Command } from 'commander';
import type { Context } from '../../context.js';
import type { HistoryEvent } from '../../core/progress/history.js';
import { TopicNames, renderLog } from '../../ui/render/history.js';
import { SCHEMA_VERSION } from '../../ui/topic-json.js';
import { parseCount, type RegisterCommand } from '../../app/command-kit.js';
import { fieldsOf, jsonRequest, pickFields } from '../../app/json-fields.js';
import { openSession, roadmapRef, type GlobalOptions, type Session } from '../../app/session.js';

export interface LogOptions extends GlobalOptions {
  limit?: string;
}

export interface LogResult {
  session: Session;
  /** Newest first, cut to --limit. */
  events: HistoryEvent[];
  total: number;
}

/** The roadmap's history, newest first (by time, then by the order it was recorded). */
export async function runLog(opts: LogOptions, ctx: Context): Promise<LogResult> {
  const limit = opts.limit === undefined ? Infinity : parseCount(opts.limit, '--limit');
  const session = await openSession(ctx, opts);
  const indexed = session.state.events.map((e, i) => ({ e, i, t: Date.parse(e.at) || 0 }));
  indexed.sort((a, b) => b.t - a.t || b.i - a.i);
  return { session, events: indexed.slice(0, limit).map((x) => x.e), total: indexed.length };
}

/** `log --json`: every event as stored, each change with the topic's current number and title when it still exists. */
export function logJson({ session, events, total }: LogResult) {
  const names = new TopicNames(session.roadmap);
  return {
    schemaVersion: SCHEMA_VERSION,
    roadmap: roadmapRef(session),
    total,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      ...(e.subject === undefined ? {} : { subject: e.subject }),
      undone: e.undoneBy !== undefined,
      redone: e.redoneBy !== undefined,
      imported: e.importedBy !== undefined,
      ...(e.reverts === undefined ? {} : { reverts: e.reverts }),
      ...(e.redoes === undefined ? {} : { redoes: e.redoes }),
      changes: e.changes.map((d) => {
        const entry = names.entry(d.topic);
        return { topic: d.topic, ...(entry ? { number: entry.topic.number, title: entry.topic.title } : {}), from: d.from, to: d.to };
      }),
      notesAdded: e.notesAdded,
      notesRemoved: e.notesRemoved,
    })),
  };
}

/**
 * Fields of `log --json field,…`: with fields, log prints one object per event, newest first. Pinned by
 * test/commands/json-fields.test.ts and listed in the README.
 */
export const LOG_FIELDS = fieldsOf<ReturnType<typeof logJson>['events'][number]>([
  'id', 'at', 'action', 'subject', 'changes', 'notesAdded', 'notesRemoved', 'undone', 'redone', 'imported', 'reverts', 'redoes',
]);

export const registerLog: RegisterCommand = (kit) => {
  kit
    .sub('log')
    .option('-n, --limit <count>', 'show only the newest <count> entries')
    .option('--json [fields]', 'print JSON; with fields (at,action), one object per event with only those')
    .addHelpText('after', "\nExamples:\n  $ roadmap log\n  $ roadmap log -n 5\n  $ roadmap log --json | jq -r '.events[] | \"\\(.at) \\(.action)\"'")
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = kit.options<LogOptions>(cmd);
      const request = jsonRequest(opts.json, LOG_FIELDS, 'log');
      const r = await runLog(opts, kit.ctx);
      if (request) {
        const doc = logJson(r);
        kit.printJson(request === 'all' ? doc : doc.events.map((e) => pickFields(e, request, LOG_FIELDS)));
        return;
      }
      if (r.events.length === 0) {
        kit.ctx.io.stderr.write('No history yet: it starts with your first `roadmap done`, `start`, `skip`, `reset` or `note`.\n');
        return;
      }
      kit.print(renderLog(r.events, r.session.state.events, new TopicNames(r.session.roadmap), kit.theme(opts)));
      if (r.total > r.events.length) kit.ctx.io.stderr.write(`(${r.total - r.events.length} older entries not shown)\n`);
    });
};
