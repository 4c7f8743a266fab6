/**
 * `target.push(...items)`, `Math.max(...values)` and `splice(i, 0, ...items)` pass every item as an argument, and V8
 * overflows its stack past about 125,000 of them (issue 18). Anything whose count comes from input goes through these
 * instead; eslint forbids spread arguments in src/.
 */

/** Appends every item to `target` and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  if (Array.isArray(items)) {
    // Arrays (nearly every call) by index: for-of makes an iterator result per item in code not yet optimised, which
    // is most of a first parse.
    const list = items as readonly T[];
    for (let i = 0; i < list.length; i++) target.push(list[i] as T);
    return target;
  }
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `floor` when there is none larger. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest value, or `ceiling` when there is none smaller. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** Inserts every item into `target` at index `at` (as `target.splice(at, 0, ...items)` would) and returns it. */
export function insertAll<T>(target: T[], at: number, items: Iterable<T>): T[] {
  const tail = target.splice(at);
  appendAll(target, items);
  return appendAll(target, tail);
}
