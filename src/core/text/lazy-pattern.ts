/**
 * Regular expressions made on first use. V8 parses a pattern when the RegExp is made, so a module's patterns cost
 * their parse every time the module loads, and a large `/iu` alternation or a Unicode property class
 * (`\p{P}`, `\p{sc=Han}`) costs a fraction of a millisecond each. Many of the parser's patterns are needed only by
 * some documents (emphasis, a CJK heading), and a first read of a small roadmap runs in that fixed cost.
 */

/** `make()` on the first call, the same value on every call after it. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** A test a text passes or not, as RegExp.test: a pattern behind a cheaper check. */
export interface TextTest {
  test(text: string): boolean;
  /** The pattern itself (made on first call), whose verdict `test` gives. */
  pattern: () => RegExp;
  /** The check in front of it: false only where the pattern does not match. */
  mayMatch: (text: string) => boolean;
}

/**
 * A pattern made on first use, run only when `mayMatch(text)` says it can match. `mayMatch` must be a necessary
 * condition (it may say yes when the pattern does not match, never no when it does), so results are the pattern's.
 * Once the pattern is made, it runs on every text without the check: compiled, it is native code and cheaper than
 * a check that scans or looks words up, running cold in the interpreter; either way the verdict is the pattern's.
 * A `cheap` check (a comparison or two on the first character) stays in front of the made pattern: it is cheaper
 * than even a call into a pattern that fails at once, and most texts fail it (a type marker's check, per list item).
 */
export function lazyTest(make: () => RegExp, mayMatch: (text: string) => boolean = () => true, cheap = false): TextTest {
  let made: RegExp | undefined;
  let checks = 0;
  const pattern = (): RegExp => (made ??= make());
  return {
    // After CHECKS_BEFORE_MAKING checks the pattern is made anyway: in a large document the check, run cold, would
    // cost more than compiling the pattern once.
    test: (text) =>
      made ? (!cheap || mayMatch(text)) && made.test(text) : ++checks > CHECKS_BEFORE_MAKING ? pattern().test(text) : mayMatch(text) && pattern().test(text),
    pattern,
    mayMatch,
  };
}

/** How many texts a pattern is kept unmade for by its check (a small roadmap's titles; a large one's make it). */
const CHECKS_BEFORE_MAKING = 1000;

const NON_ASCII = /[^\0-\x7f]/;

/** Whether every UTF-16 code unit of `text` is ASCII (a pattern: it runs natively, a loop would run interpreted). */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Whether `text` holds any of `words`. */
export function holdsAny(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(w));
}

/**
 * The literal text every match of a pattern alternative starts with, lower-cased: its characters up to the first
 * one with a meaning in a pattern, less the last one when that is made optional ("goals?" gives "goal",
 * "pre-?requisites?" gives "pre"). A pattern with /i and an ASCII text: the text matches only if its lower-cased
 * form starts with one of its alternatives' literal starts.
 */
export function literalStart(alternative: string): string {
  let end = 0;
  while (end < alternative.length && !'\\()[]{}|.^$?*+'.includes(alternative.charAt(end))) end++;
  const optional = end < alternative.length && '?*{'.includes(alternative.charAt(end));
  return alternative.slice(0, optional ? end - 1 : end).toLowerCase();
}

/**
 * Kana, CJK ideographs and Hangul syllables have no case: under /iu each equals only itself (the test checks that
 * case folding maps nothing into these blocks and no character in them to another).
 */
export function isCaseless(c: number): boolean {
  return (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

/**
 * Whether character `ch` may equal one of `firsts` (lower case) under /iu: what case folding makes equal, lower and
 * upper case make equal too (test/core/title-precheck.test.ts checks the patterns' own first characters).
 */
export function mayFoldTo(ch: string, firsts: ReadonlySet<string>): boolean {
  if (isCaseless(ch.charCodeAt(0))) return firsts.has(ch);
  const upper = ch.toUpperCase();
  return firsts.has(ch) || firsts.has(ch.toLowerCase()) || firsts.has(upper) || firsts.has(upper.toLowerCase());
}

/**
 * The necessary condition of a pattern with /i anchored at the start of the text, whose matches start with one of
 * `alternatives` (their literal starts, worked out on first use): an ASCII text must start with one of those in any
 * case; any other text must start with one of their first characters in some case.
 */
export function mayStartWithAny(alternatives: readonly string[]): (text: string) => boolean {
  const starts = once(() => alternatives.map(literalStart));
  // An alternative with no literal start (it starts with a group or a class) may start with anything.
  const firsts = once(() => (starts().includes('') ? undefined : new Set(starts().map((start) => start.charAt(0)))));
  // The first two characters of each start: one lookup per text, however many alternatives (a pattern that never
  // matches in a document is never made, and its check runs on every heading or item). A start of one character
  // is its own key.
  const heads = once(() => (starts().includes('') ? undefined : new Set(starts().map((start) => start.slice(0, 2)))));
  return (text) => {
    if (isAscii(text)) {
      const keys = heads();
      if (keys === undefined) return true;
      const head = text.slice(0, 2).toLowerCase();
      return keys.has(head) || keys.has(head.charAt(0));
    }
    const set = firsts();
    return set === undefined || (text.length > 0 && mayFoldTo(text.charAt(0), set));
  };
}

/** The same for a pattern with /i whose matches hold one of `words` (lower case) anywhere. */
export function mayHoldAny(words: readonly string[]): (text: string) => boolean {
  return (text) => !isAscii(text) || holdsAny(text.toLowerCase(), words);
}
