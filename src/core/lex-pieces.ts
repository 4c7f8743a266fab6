import { Lexer, type Token } from 'marked';

/** Text up to this size is lexed in one piece; a bigger one a window of this size at a time. */
export const LEX_WINDOW = 256 * 1024;

/**
 * The block tokens of a Markdown text, the same as `Lexer.lex(text)` gives, but lexed a window at a time so that only
 * one window's tokens are alive at once: marked's tokens take about 18 times the text, too much for a 10 MB roadmap.
 *
 * A window is cut at its last top-level heading. Everything before that heading ended inside the window without
 * reaching its end, so it is lexed exactly as in the whole text, and the heading starts a block in both; lexing goes
 * on from there. Reference definitions (`[x]: url`) apply to the whole document, so a text that has any is lexed in
 * one piece, as is one whose window holds no heading to cut at (the window grows until it does).
 */
export function* lexInPieces(text: string, window = LEX_WINDOW): Generator<Token> {
  if (text.length <= window || /\[[^\]\n]+\]:/.test(text)) {
    yield* Lexer.lex(text, { gfm: true });
    return;
  }
  let start = 0;
  let size = window;
  while (start + size < text.length) {
    const tokens = Lexer.lex(text.slice(start, start + size), { gfm: true });
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
    // No heading to cut at, or tokens that do not cover the text as expected: take a bigger window.
    if (cut === 0 || !text.startsWith(tokens[cut]?.raw ?? '\0', start + cutAt)) {
      size *= 2;
      continue;
    }
    yield* tokens.slice(0, cut);
    start += cutAt;
    size = window;
  }
  yield* Lexer.lex(text.slice(start), { gfm: true });
}
