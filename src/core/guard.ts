import { Lexer, type Token, type TokensList } from 'marked';
import { InputError } from '../errors.js';
import { scanBlocks } from './guard-scan.js';
import { checkSize, formatCount, LIMITS } from './limits.js';

/**
 * Lexes Markdown with marked after checking it against LIMITS, so hostile input fails fast with an InputError
 * instead of overflowing the stack or running for minutes. `lineOffset` makes reported lines match the file.
 */
export function lexMarkdown(text: string, lineOffset = 0): TokensList {
  checkSize(text.length, 'the Markdown');
  scanBlocks(text, lineOffset);
  const lexer = new Lexer({ gfm: true });
  try {
    // Lexer.lex in two steps, so the inline runs can be measured before the quadratic inline pass runs.
    lexer.blockTokens(text, lexer.tokens);
    checkEmphasis(lexer.inlineQueue, text, lineOffset);
    for (const run of lexer.inlineQueue) {
      lexer.state.inRawBlock = false;
      lexer.inlineTokens(run.src, run.tokens);
    }
  } catch (error) {
    if (error instanceof RangeError) {
      throw new InputError('the Markdown is nested too deeply or has a paragraph too large to read', 'split long paragraphs with blank lines and flatten deep nesting');
    }
    throw error;
  }
  lexer.inlineQueue = [];
  return lexer.tokens;
}

function checkEmphasis(runs: ReadonlyArray<{ src: string; tokens: Token[] }>, text: string, lineOffset: number): void {
  let work = 0;
  let worst = { delimiters: 0, src: '' };
  for (const { src } of runs) {
    let delimiters = 0;
    for (let i = 0; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 42 || c === 95) delimiters++;
    }
    work += delimiters * delimiters;
    if (delimiters > worst.delimiters) worst = { delimiters, src };
  }
  if (work <= LIMITS.emphasisWork) return;
  const at = text.indexOf(worst.src);
  const line = 1 + lineOffset + (at < 0 ? 0 : text.slice(0, at).split('\n').length - 1);
  throw new InputError(
    `the Markdown has too many * and _ marks to read in reasonable time (${formatCount(worst.delimiters)} in the paragraph at line ${line})`,
    'write literal underscores and asterisks as \\_ and \\*, or put them in `code`',
  );
}
