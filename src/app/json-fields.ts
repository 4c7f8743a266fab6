import { UsageError } from './errors.js';

/**
 * One command's JSON fields, as gh has them: each field's name and how to read it from one thing the command prints
 * (a topic, an event, the whole report). The order of the table is the order `--json` with an unknown field lists.
 */
export type FieldTable<T> = Readonly<Record<string, (item: T) => unknown>>;

/** `--json` as commander hands it over: absent, bare (`true`) or followed by fields (`"title,status"`). */
export type JsonFlag = boolean | string | undefined;

/** A field table that reads each field as the property of the same name. */
export function fieldsOf<T extends object>(keys: ReadonlyArray<keyof T & string>): FieldTable<T> {
  return Object.fromEntries(keys.map((k) => [k, (item: T) => item[k]]));
}

/** Names in a `--json` value: comma- or space-separated. */
function names(value: string): string[] {
  return value.split(/[\s,]+/u).filter(Boolean);
}

/**
 * What `--json` asks for: undefined (no JSON), 'all' (bare `--json`: the full document, as before fields existed),
 * or the chosen fields in the order given, each once. An unknown field is a usage error (exit 2) listing the valid
 * ones, raised before the command does any work.
 */
export function jsonRequest(flag: JsonFlag, table: FieldTable<never>, command: string): 'all' | string[] | undefined {
  if (flag === undefined || flag === false) return undefined;
  if (flag === true) return 'all';
  const asked = [...new Set(names(flag))];
  const valid = Object.keys(table);
  const unknown = asked.filter((f) => !Object.hasOwn(table, f));
  if (asked.length === 0 || unknown.length > 0) {
    const what = asked.length === 0 ? '--json was given an empty list of fields' : `unknown JSON field${unknown.length === 1 ? '' : 's'} for ${command}: ${unknown.join(', ')}`;
    throw new UsageError(what, `valid fields: ${valid.join(', ')}\nfor example: roadmap ${command} --json ${valid.slice(0, 2).join(',')}   (a bare --json prints everything)`);
  }
  return asked;
}

/** The chosen fields of one item, in the order asked; a field the item lacks is null, so every object has them all. */
export function pickFields<T>(item: T, fields: readonly string[], table: FieldTable<T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = table[f]?.(item) ?? null;
  return out;
}

/**
 * Before `--json` took fields, `roadmap show --json 2.2` meant topic 2.2. It still does: when the command's argument
 * is missing and the value after `--json` is not a list of this command's fields, that value is the argument and
 * `--json` is bare.
 */
export function jsonOrArgument(flag: JsonFlag, argument: string | undefined, table: FieldTable<never>): { json: JsonFlag; argument: string | undefined } {
  if (argument !== undefined || typeof flag !== 'string') return { json: flag, argument };
  const asked = names(flag);
  if (asked.length > 0 && asked.every((f) => Object.hasOwn(table, f))) return { json: flag, argument };
  return { json: true, argument: flag };
}
