/** East Asian wide and fullwidth characters (CJK, Hangul, fullwidth forms): two columns in a terminal. */
export const EAST_ASIAN_WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Wide characters outside the Basic Multilingual Plane: CJK extensions B to H and the compatibility supplement. */
const ASTRAL_WIDE = /[\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]/u;

/**
 * Emoji shown as pictures: those presented as emoji by default, any pictograph asking for it with U+FE0F, and flags
 * (two regional indicators). A pictograph without U+FE0F whose default is text (©, ✔, ❤) is one column.
 */
let wideEmoji: RegExp | undefined;

/**
 * Graphemes that take no column: combining marks with no base (at the start of a text) and variation selectors (both
 * Mn), format characters (zero width space, joiners), Hangul medial and final jamo.
 */
let zeroWidth: RegExp | undefined;

// The two patterns above are made on first use: a Unicode property class costs V8 most of a millisecond to build,
// paid at start-up by every command that loads this module, printing text or not.

/** Whether a grapheme takes two terminal columns: East Asian wide characters and emoji. */
export function isWide(grapheme: string): boolean {
  return EAST_ASIAN_WIDE.test(grapheme) || ASTRAL_WIDE.test(grapheme) || (wideEmoji ??= /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}{2}/u).test(grapheme);
}

/**
 * Columns one grapheme takes in a terminal: 0, 1 or 2. A combining mark counts 0 because it joins the grapheme of
 * its base character ("é" written as e + U+0301 is one grapheme, one column).
 */
export function graphemeWidth(grapheme: string): 0 | 1 | 2 {
  if ((zeroWidth ??= /^(?:\p{Mn}|\p{Me}|\p{Cf}|[\u1160-\u11ff])+$/u).test(grapheme)) return 0;
  return isWide(grapheme) ? 2 : 1;
}

// Built on first use: constructing a Segmenter loads ICU data, about 20 ms that commands printing no tree should not pay.
let segmenter: Intl.Segmenter | undefined;

/** The graphemes of a text (what a person sees as one character), in order. */
export function* graphemes(text: string): Generator<string> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) yield segment;
}

/** Columns a string takes in a terminal: wide characters and emoji two, combining marks and joiners none. */
export function displayWidth(text: string): number {
  // Printable ASCII is one column a character, and most text is ASCII: no segmenting needed.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const g of graphemes(text)) width += graphemeWidth(g);
  return width;
}
