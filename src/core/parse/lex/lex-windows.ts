import type { Token } from 'marked';
import { markedLexer } from './marked-lazy.js';

/**
 * A text over LEX_WHOLE is lexed a window of about this size at a time. Small windows are faster, not only lighter:
 * marked's loops over a short piece get optimised early in a run, and few tokens are alive at once (1 MB roadmap,
 * first run: 16 KB windows lex it in about a quarter less time than 256 KB ones).
 */
export const LEX_WINDOW = 16 * 1024;

/**
 * Text up to this size is lexed in one piece: that is as fast, and windows would only add the lexing again of the
 * pieces they cannot keep.
 */
export const LEX_WHOLE = 256 * 1024;

/** Lexes one piece of Markdown; `lineOffset` is how many lines of the text come before it (for messages). */
export type LexPiece = (piece: string, lineOffset: number) => Token[];

const markedLex: LexPiece = (piece) => markedLexer().lex(piece, { gfm: true });

/**
 * The block tokens of a Markdown text, the same as lexing it whole gives, but lexed a window at a time so that only
 * one window's tokens are alive at once: marked's tokens take about 18 times the text, too much for a 10 MB roadmap.
 * A text up to `whole` characters is lexed in one piece.
 *
 * A window is cut at its last top-level heading. Everything before that heading ended inside the window without
 * reaching its end, so it is lexed exactly as in the whole text, and the heading starts a block in both; lexing goes
 * on from there. A window reaches past its size to the end of the next line that looks like a heading (`## …` at the
 * margin, if one comes within another window's length), so that it usually ends with the heading it is cut at and
 * little gets lexed twice. Reference definitions (`[x]: url`) apply to the whole document, so a text that has any is
 * lexed in one piece, as is one whose window holds no heading to cut at (the window grows until it does).
 */
export function* lexInPieces(text: string, lex: LexPiece = markedLex, window = LEX_WINDOW, whole = LEX_WHOLE): Generator<Token> {
  if (text.length <= whole || /\[[^\]\n]+\]:/.test(text)) {
    yield* lex(text, 0);
    return;
  }
  let start = 0;
  let lines = 0;
  let size = window;
  while (start + size < text.length) {
    const tokens = lex(text.slice(start, windowEnd(text, start + size, window)), lines);
    const cut = lastHeadingCut(text, start, tokens);
    // No heading to cut at, or tokens that do not cover the text as expected: take a bigger window. Four times as big,
    // so that a long stretch without headings is lexed about 4/3 times in all, not twice.
    if (!cut) {
      size *= 4;
      continue;
    }
    const kept = tokens.slice(0, cut.index);
    yield* kept;
    for (const token of kept) lines += newlines(token.raw);
    start += cut.offset;
    size = window;
  }
  yield* lex(text.slice(start), lines);
}

/**
 * The last heading among `tokens` (lexed from `text` at `from`) that is not the first token: its index, and how far
 * after `from` it starts. Everything before it ended without reaching the end of what was lexed, so it is final, and
 * lexing again from the heading starts a block there as lexing the whole text does. Undefined when there is none, or
 * when the tokens do not cover the text as expected.
 */
export function lastHeadingCut(text: string, from: number, tokens: readonly Token[]): { index: number; offset: number } | undefined {
  let index = 0;
  let cutAt = 0;
  let offset = 0;
  tokens.forEach((token, i) => {
    if (i > 0 && token.type === 'heading') {
      index = i;
      cutAt = offset;
    }
    offset += token.raw.length;
  });
  const heading = tokens[index];
  return index > 0 && heading && text.startsWith(heading.raw, from + cutAt) ? { index, offset: cutAt } : undefined;
}

/** A line that starts like an ATX heading at the margin, matched from the line feed before it. */
const HEADING_LINE = /\n#{1,6}(?=[ \t\n]|$)/;

/**
 * Where a window meant to end at `at` ends: after the first line that looks like a heading in the next `window`
 * characters, so that the window ends with the heading it will be cut at; at `at` when there is none (the window
 * stays at most twice its size, and the search reads no further).
 */
function windowEnd(text: string, at: number, window: number): number {
  const heading = HEADING_LINE.exec(text.slice(at - 1, at + window));
  if (!heading) return at;
  const end = text.indexOf('\n', at + heading.index);
  return end < 0 ? text.length : end + 1;
}

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
