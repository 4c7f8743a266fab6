import { Lexer, type Token } from 'marked';

/**
 * A text bigger than four times this size is lexed a window of this size at a time; a smaller one in one piece,
 * where windows would only add the lexing again of what follows each window's last heading. Smaller windows are
 * faster on a big text, not only lighter: marked's loops over a short piece get optimised early in a run, and few
 * tokens are alive at once (1 MB roadmap, first run: 64 KB windows lex it in about 15% less time than 256 KB ones).
 */
export const LEX_WINDOW = 64 * 1024;

/** Text up to this size is lexed in one piece. */
export const LEX_WHOLE = 4 * LEX_WINDOW;

/** Lexes one piece of Markdown; `lineOffset` is how many lines of the text come before it (for messages). */
export type LexPiece = (piece: string, lineOffset: number) => Token[];

const markedLex: LexPiece = (piece) => Lexer.lex(piece, { gfm: true });

/**
 * The block tokens of a Markdown text, the same as lexing it whole gives, but lexed a window at a time so that only
 * one window's tokens are alive at once: marked's tokens take about 18 times the text, too much for a 10 MB roadmap.
 *
 * A window is cut at its last top-level heading. Everything before that heading ended inside the window without
 * reaching its end, so it is lexed exactly as in the whole text, and the heading starts a block in both; lexing goes
 * on from there. Reference definitions (`[x]: url`) apply to the whole document, so a text that has any is lexed in
 * one piece, as is one whose window holds no heading to cut at (the window grows until it does).
 */
export function* lexInPieces(text: string, lex: LexPiece = markedLex, window = LEX_WINDOW): Generator<Token> {
  if (text.length <= 4 * window || /\[[^\]\n]+\]:/.test(text)) {
    yield* lex(text, 0);
    return;
  }
  let start = 0;
  let lines = 0;
  let size = window;
  while (start + size < text.length) {
    const tokens = lex(text.slice(start, start + size), lines);
    let cut = 0;
    let cutAt = 0;
    let offset = 0;
    tokens.forEach((token, i) => {
      if (i > 0 && token.type === 'heading') {
        cut = i;
        cutAt = offset;
      }
      offset += token.raw.length;
    });
    // No heading to cut at, or tokens that do not cover the text as expected: take a bigger window. Four times as big,
    // so that a long stretch without headings is lexed about 4/3 times in all, not twice.
    if (cut === 0 || !text.startsWith(tokens[cut]?.raw ?? '\0', start + cutAt)) {
      size *= 4;
      continue;
    }
    const kept = tokens.slice(0, cut);
    yield* kept;
    for (const token of kept) lines += newlines(token.raw);
    start += cutAt;
    size = window;
  }
  yield* lex(text.slice(start), lines);
}

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
