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
 * one string (and again as one buffer when written). Small subtrees go through the native JSON.stringify at full speed.
 */
export function* jsonPieces(value: unknown, space = 0, piece = PIECE): Generator<string> {
  yield* pieces(value, '', space > 0 ? ' '.repeat(space) : '', piece);
}

function* pieces(value: unknown, indent: string, step: string, piece: number): Generator<string> {
  if (!isContainer(value) || fits(value, piece)) {
    const text = JSON.stringify(value, null, step);
    // Raw newlines only ever separate JSON tokens (strings escape theirs), so this moves the whole subtree right.
    yield indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
    return;
  }
  const inner = indent + step;
  const open = step ? `\n${inner}` : '';
  const close = step ? `\n${indent}` : '';
  const colon = step ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? open : `,${open}`;
      const item: unknown = value[i];
      yield* pieces(isSkipped(item) ? null : item, inner, step, piece);
    }
    yield `${close}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !isSkipped(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i] as [string, unknown];
    yield `${i === 0 ? open : `,${open}`}${JSON.stringify(key)}${colon}`;
    yield* pieces(v, inner, step, piece);
  }
  yield `${close}}`;
}

/** Plain arrays and objects; anything with toJSON (a Date) is left to JSON.stringify. */
function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Whether a subtree's JSON is roughly within `budget` characters; stops counting as soon as it is not. */
function fits(value: unknown, budget: number): boolean {
  let left = budget;
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') left -= v.length + 2;
    else if (typeof v !== 'object' || v === null) left -= 8;
    else if (Array.isArray(v)) {
      left -= 2;
      for (let i = 0; i < v.length && left >= 0; i++) walk(v[i]);
    } else {
      left -= 2;
      for (const k in v) {
        if (left < 0) break;
        left -= k.length + 4;
        walk((v as Record<string, unknown>)[k]);
      }
    }
    return left >= 0;
  };
  return walk(value);
}
