/**
 * Pieces given to callers are at most this long (longer JSON is cut into slices of it), and callers gather pieces into
 * batches of about WRITE_BATCH before a write: young, short-lived strings instead of one that piles up.
 */
const PIECE = 16 * 1024;

/** How many characters callers gather before a write: few system calls, still a young, short-lived string. */
export const WRITE_BATCH = 32 * 1024;

/**
 * Containers with more members than this (array items and object values, counted at every depth) are taken apart,
 * member by member. Smaller ones (a section, a topic) go through one native JSON.stringify each: counting members
 * stops at this many, and reads no text, so it costs far less than the stringify.
 */
const MEMBERS = 4096;

/**
 * The text of `JSON.stringify(value, null, space)`, given in pieces of at most `piece` characters, so the JSON of a
 * huge roadmap never has to sit in memory as one string (and again as one buffer when written): containers with many
 * members (the sections, a long list of topics, a topic over thousands of subtopics) are taken apart member by
 * member; the others are written by the native JSON.stringify at full speed, one each, and cut in slices if long.
 */
export function* jsonPieces(value: unknown, space = 0, piece = PIECE, members = MEMBERS): Generator<string> {
  const step = space > 0 ? ' '.repeat(space) : '';
  if (isContainer(value) && !small(value, members)) yield* container(value, '', step, piece, members);
  else yield* slices(JSON.stringify(value, null, step), piece);
}

/** `text` in slices of at most `piece` characters (any cut is fine: callers only join and escape single characters). */
function* slices(text: string, piece: number): Generator<string> {
  if (text.length <= piece) {
    yield text;
    return;
  }
  for (let i = 0; i < text.length; i += piece) yield text.slice(i, i + piece);
}

/**
 * `JSON.stringify(value, null, step)` as it reads at `indent` (a whole number of steps) inside a bigger document. Made
 * in one native pass: the value is wrapped in as many one-member arrays as it sits levels deep, and the wrapping's
 * brackets and newlines are cut off both ends, so no second pass moves every line right.
 */
function at(value: unknown, step: string, indent: string): string {
  if (!indent) return JSON.stringify(value, null, step);
  const depth = indent.length / step.length;
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, step);
  // Level k (1 to depth) opens with "[", a newline and k steps, and closes with a newline, k - 1 steps and "]".
  const steps = (depth * (depth + 1)) / 2;
  const head = 2 * depth + step.length * steps;
  const tail = 2 * depth + step.length * (steps - depth);
  return text.slice(head, text.length - tail);
}

/**
 * A container taken apart: each member written whole (when small, see MEMBERS) or taken apart in turn, the text gathered
 * into pieces of about `piece` characters.
 */
function* container(value: object, indent: string, step: string, piece: number, members: number): Generator<string> {
  const inner = indent + step;
  const open = step ? `\n${inner}` : '';
  const close = step ? `\n${indent}` : '';
  let text = '';
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (items.length === 0) {
      yield '[]';
      return;
    }
    text = '[';
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      text += i === 0 ? open : `,${open}`;
      if (isContainer(item) && !small(item, members)) {
        yield text;
        text = '';
        yield* container(item, inner, step, piece, members);
        continue;
      }
      // What an object leaves out (undefined, a function, a symbol) is null in an array.
      text += isSkipped(item) ? 'null' : at(item, step, inner);
      if (text.length >= piece) {
        yield* slices(text, piece);
        text = '';
      }
    }
    yield `${text}${close}]`;
    return;
  }
  const colon = step ? ': ' : ':';
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (isSkipped(v)) continue;
    text += `${first ? `{${open}` : `,${open}`}${JSON.stringify(key)}${colon}`;
    first = false;
    if (isContainer(v) && !small(v, members)) {
      yield text;
      text = '';
      yield* container(v, inner, step, piece, members);
      continue;
    }
    text += at(v, step, inner);
    if (text.length >= piece) {
      yield* slices(text, piece);
      text = '';
    }
  }
  yield first ? '{}' : `${text}${close}}`;
}

/** Plain arrays and objects; anything with toJSON (a Date) is left to JSON.stringify. */
function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Whether a container holds at most `members` array items and object values, at every depth. */
function small(v: object, members: number): boolean {
  return room(v, members) >= 0;
}

/** What is left of `budget` after counting a container's members, at every depth; negative once over (it stops). */
function room(v: object, budget: number): number {
  let left = budget;
  if (Array.isArray(v)) {
    const items = v as unknown[];
    left -= items.length;
    for (let i = 0; i < items.length && left >= 0; i++) {
      const x = items[i];
      if (isContainer(x)) left = room(x, left);
    }
    return left;
  }
  const record = v as Record<string, unknown>;
  for (const k in record) {
    if (--left < 0) return left;
    const x = record[k];
    if (isContainer(x)) left = room(x, left);
  }
  return left;
}
