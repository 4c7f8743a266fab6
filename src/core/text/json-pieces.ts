/**
 * Subtrees whose JSON is about this small are written with one JSON.stringify; bigger ones are taken apart. Pieces
 * (and the batches callers join them into, see WRITE_BATCH) stay below V8's large-object size, so they die young
 * instead of piling up in the old generation until a full collection.
 */
const PIECE = 16 * 1024;

/** How many characters callers gather before a write: few system calls, still a young, short-lived string. */
export const WRITE_BATCH = 32 * 1024;

/**
 * The text of `JSON.stringify(value, null, space)`, given in pieces, so a 50 MB document never has to sit in memory as
 * one string (and again as one buffer when written). Small subtrees go through the native JSON.stringify at full speed,
 * and so do runs of small neighbours in a big array (a run of topics), up to about `piece` characters at a time.
 */
export function* jsonPieces(value: unknown, space = 0, piece = PIECE): Generator<string> {
  yield* pieces(value, '', space > 0 ? ' '.repeat(space) : '', piece);
}

/** `text` (JSON made at indent 0) moved right to `indent`: raw newlines only ever separate JSON tokens. */
function at(text: string, indent: string): string {
  return indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
}

function* pieces(value: unknown, indent: string, step: string, piece: number): Generator<string> {
  // Each subtree is sized once by its parent's loop below; only the top one is sized here.
  if (!isContainer(value) || left(value, piece) >= 0) {
    yield at(JSON.stringify(value, null, step), indent);
    return;
  }
  yield* container(value, indent, step, piece);
}

/** A container too big for one piece: its small members in runs, its big ones taken apart in turn. */
function* container(value: object, indent: string, step: string, piece: number): Generator<string> {
  const inner = indent + step;
  const open = step ? `\n${inner}` : '';
  const close = step ? `\n${indent}` : '';
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (items.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < items.length; ) {
      // The longest run from i whose JSON fits in a piece, written as one array with its brackets cut off.
      let budget = piece;
      let end = i;
      while (end < items.length) {
        const after = left(items[end], budget);
        if (after < 0) break;
        budget = after;
        end++;
      }
      if (end > i) {
        // JSON.stringify(run, null, step) is "[" + open + item + "," + open + item … + close + "]" at indent 0.
        const text = at(JSON.stringify(end - i === items.length ? items : items.slice(i, end), null, step), indent);
        yield `${i === 0 ? '' : ','}${text.slice(1, text.length - close.length - 1)}`;
        i = end;
        continue;
      }
      // One member bigger than a piece: a container, or one value written whole (what an object leaves out is null here).
      const item = items[i];
      yield i === 0 ? open : `,${open}`;
      if (isContainer(item)) yield* container(item, inner, step, piece);
      else yield isSkipped(item) ? 'null' : at(JSON.stringify(item, null, step), inner);
      i++;
    }
    yield `${close}]`;
    return;
  }
  const colon = step ? ': ' : ':';
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (isSkipped(v)) continue;
    yield `${first ? `{${open}` : `,${open}`}${JSON.stringify(key)}${colon}`;
    first = false;
    if (isContainer(v) && left(v, piece) < 0) yield* container(v, inner, step, piece);
    else yield at(JSON.stringify(v, null, step), inner);
  }
  yield first ? '{}' : `${close}}`;
}

/** Plain arrays and objects; anything with toJSON (a Date) is left to JSON.stringify. */
function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * What is left of `budget` characters after a value's JSON, roughly (indentation not counted); negative when it does
 * not fit, found without counting further than the budget.
 */
function left(v: unknown, budget: number): number {
  if (typeof v === 'string') return budget - v.length - 2;
  if (typeof v !== 'object' || v === null) return budget - 8;
  let rest = budget - 2;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && rest >= 0; i++) rest = left(v[i], rest);
    return rest;
  }
  for (const k in v) {
    if (rest < 0) break;
    rest = left((v as Record<string, unknown>)[k], rest - k.length - 4);
  }
  return rest;
}
