import type { Lexer, Token } from 'marked';
import { RoadmapInputError } from '../../errors.js';
import { marksIn, scanBlocks, tooManyMarks } from './block-scan.js';
import { DECLINE, endedInLink, inlineTokens, type Links } from './fast-inline.js';
import { fastBlocks, type InlineRun } from './fast-lex.js';
import { lexInPieces } from './lex-windows.js';
import { checkSize, LIMITS, type Work } from './limits.js';
import { markedLexer } from './marked-lazy.js';

/**
 * Work on one document, shared by every lexMarkdown call for it (Markdown inside HTML is lexed again): `checked` for
 * the text as a whole, before any lexing; `lexed` for the windows marked really lexes, which overlap when a long
 * stretch has no heading to cut at.
 */
export interface LexBudget {
  chars: number;
  checked: Work;
  lexed: Work;
}

/** A budget for a new document. */
export function newLexBudget(): LexBudget {
  const work = (): Work => ({ lines: 0, nestingWork: 0, listParagraphWork: 0, emphasisWork: 0 });
  return { chars: 0, checked: work(), lexed: work() };
}

/**
 * Lexes Markdown with marked after checking it against LIMITS, so hostile input fails fast with an RoadmapInputError
 * instead of overflowing the stack or running for minutes. The whole text is checked before the first token; tokens
 * come a window at a time (lexInPieces). `lineOffset` makes reported lines match the file; pass the same `budget`
 * to every call for one document.
 */
export function lexMarkdown(text: string, lineOffset = 0, budget = newLexBudget()): Iterable<Token> {
  checkSize(text.length, 'the Markdown');
  budget.chars += text.length;
  // Markdown inside HTML wrappers is lexed a second time; nesting wrappers must not multiply the work.
  if (budget.chars > 2 * LIMITS.size) throw new RoadmapInputError('the Markdown nests HTML wrappers around too much text to read in reasonable time', 'remove the <div> wrappers');
  const before = { ...budget.checked };
  scanBlocks(text, lineOffset, budget.checked, true);
  const scanned = workSince(before, budget.checked);
  // A text lexed in one piece (most) was just scanned whole: its window scan would count exactly the same work.
  return lexInPieces(text, (piece, pieceOffset) => lexChecked(piece, lineOffset + pieceOffset, budget.lexed, pieceOffset === 0 && piece.length === text.length ? scanned : undefined));
}

/** The work a scan added to a budget. */
function workSince(before: Work, after: Work): Work {
  return {
    lines: after.lines - before.lines,
    nestingWork: after.nestingWork - before.nestingWork,
    listParagraphWork: after.listParagraphWork - before.listParagraphWork,
    emphasisWork: after.emphasisWork - before.emphasisWork,
  };
}

/**
 * Counts the window scan of a piece without running it when the scan of the whole text measured the same text
 * (`scanned`): both add the same work, and a window is refused only past twice the limits. Returns false when that
 * sum would be refused, so the scan runs and names the line.
 */
function countScanned(scanned: Work | undefined, budget: Work): boolean {
  if (!scanned) return false;
  const nesting = budget.nestingWork + scanned.nestingWork;
  const list = budget.listParagraphWork + scanned.listParagraphWork;
  if (nesting > 2 * LIMITS.nestingWork || list > 2 * LIMITS.listParagraphWork) return false;
  budget.nestingWork = nesting;
  budget.listParagraphWork = list;
  budget.emphasisWork += scanned.emphasisWork;
  return true;
}

/**
 * How often the fast lexer declined, for tests: whole pieces, pieces it took in part (and the characters it took of
 * them), and inline runs given to marked alone.
 */
export const fastLexStats = { pieces: 0, declinedPieces: 0, partPieces: 0, partChars: 0, runs: 0, declinedRuns: 0 };

/**
 * Lexer.lex in two steps, so the inline runs can be measured before the quadratic inline pass runs. The fast lexer
 * (fast-lex.ts, fast-inline.ts) makes marked's tokens for the common subset of Markdown; a piece it declines is
 * lexed by marked whole, an inline run it declines by marked alone.
 */
function lexChecked(text: string, lineOffset: number, budget: Work, scanned?: Work): Token[] {
  if (scanned && !countScanned(scanned, budget)) scanBlocks(text, lineOffset, budget);
  const fast = fastPiece(text);
  if (fast?.rest === undefined) {
    if (fast) {
      checkEmphasis(fast.runs, text, lineOffset, budget);
      lexRuns(fast.runs, fast.links);
      return fast.tokens;
    }
    return markedPiece(text, lineOffset, budget, scanned);
  }
  // The fast lexer kept the text before a heading; marked lexes from there. Not when a run it gave to marked left an
  // <a> tag open: marked would carry that into the runs after the heading.
  checkEmphasis(fast.runs, text, lineOffset, budget);
  if (lexRuns(fast.runs, fast.links)) return markedPiece(text, lineOffset, budget, scanned);
  const tokens = fast.tokens;
  const rest = markedPiece(text.slice(fast.rest), lineOffset + countLines(text, fast.rest), budget, scanned);
  for (const token of rest) tokens.push(token);
  return tokens;
}

/** Lines before `end` in `text`. */
function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** marked's tokens of a piece, after the window scan that guards it (not needed when the whole text was one piece). */
function markedPiece(text: string, lineOffset: number, budget: Work, scanned?: Work): Token[] {
  if (!scanned) scanBlocks(text, lineOffset, budget);
  const lexer = new (markedLexer())({ gfm: true });
  try {
    lexer.blockTokens(text, lexer.tokens);
    checkEmphasis(lexer.inlineQueue, text, lineOffset, budget);
    for (const run of lexer.inlineQueue) {
      lexer.state.inRawBlock = false;
      lexer.inlineTokens(run.src, run.tokens);
    }
  } catch (error) {
    throw unreadable(error, `lines ${lineOffset + 1}-${lineOffset + countLines(text, text.length - 1) + 1}`);
  }
  lexer.inlineQueue = [];
  return lexer.tokens;
}

/** The fast lexer's blocks of a piece, or undefined when it declines (counted in fastLexStats). */
function fastPiece(text: string): ReturnType<typeof fastBlocks> {
  fastLexStats.pieces++;
  const fast = fastBlocks(text);
  if (fast?.rest !== undefined) {
    fastLexStats.partPieces++;
    fastLexStats.partChars += fast.rest;
  } else if (!fast) fastLexStats.declinedPieces++;
  return fast;
}

/**
 * The tokens of a piece as lexChecked makes them, without the limits: the fast lexer's, with marked's for what it
 * declines. `taken` says whether the fast lexer took the whole piece. For tests that hold it equal to marked.
 */
export function lexFast(text: string): { tokens: Token[]; taken: boolean } {
  const fast = fastPiece(text);
  if (!fast) return { tokens: [...markedLexer().lex(text, { gfm: true })], taken: false };
  const leftInLink = lexRuns(fast.runs, fast.links);
  if (fast.rest === undefined) return { tokens: fast.tokens, taken: true };
  if (leftInLink) return { tokens: [...markedLexer().lex(text, { gfm: true })], taken: false };
  return { tokens: [...fast.tokens, ...markedLexer().lex(text.slice(fast.rest), { gfm: true })], taken: false };
}

/**
 * The inline tokens of each run, from the fast lexer or, for a run it declines, from marked. True when marked was
 * left inside an <a> tag.
 */
function lexRuns(runs: readonly InlineRun[], links?: Links): boolean {
  let lexer: Lexer | undefined;
  // marked carries "inside a link" (an <a> tag not closed) from one run to the next
  let inLink = false;
  for (const run of runs) {
    fastLexStats.runs++;
    const before = run.tokens.length;
    try {
      inlineTokens(run.src, run.tokens, inLink, links);
      inLink = endedInLink();
      continue;
    } catch (error) {
      if (error !== DECLINE) throw tooDeep(error);
    }
    fastLexStats.declinedRuns++;
    run.tokens.length = before;
    if (!lexer) {
      lexer = new (markedLexer())({ gfm: true });
      if (links) for (const [tag, link] of links) lexer.tokens.links[tag] = link as { href: string; title: string };
    }
    try {
      lexer.state.inRawBlock = false;
      lexer.state.inLink = inLink;
      lexer.inlineTokens(run.src, run.tokens);
      inLink = lexer.state.inLink;
    } catch (error) {
      throw unreadable(error, 'a paragraph');
    }
  }
  return inLink;
}

function tooDeep(error: unknown): unknown {
  if (error instanceof RangeError) {
    return new RoadmapInputError('the Markdown is nested too deeply or has a paragraph too large to read', 'split long paragraphs with blank lines and flatten deep nesting');
  }
  return error;
}

/**
 * What to report when marked throws on a piece of text: a stack too deep as tooDeep says, and any other failure of
 * marked (it throws a TypeError on some nestings, such as `- a` / `  > *` / `    b`) as text that cannot be read,
 * with where it is, instead of an unexpected failure.
 */
function unreadable(error: unknown, where: string): unknown {
  const deep = tooDeep(error);
  if (deep !== error || error instanceof RoadmapInputError || !(error instanceof Error)) return deep;
  return new RoadmapInputError(
    `the Markdown library (marked) failed to read ${where} of this file: ${error.message}`,
    'change the Markdown there (a block quote inside a list item, for one, can trip it) and run the command again',
  );
}

/**
 * The exact emphasis work of what marked lexes, before its inline pass. The whole document's estimate (scanBlocks)
 * refused anything over the limit already; windows may be lexed twice, so here the limit is doubled.
 */
function checkEmphasis(runs: ReadonlyArray<{ src: string; tokens: Token[] }>, text: string, lineOffset: number, budget: Work): void {
  let work = budget.emphasisWork;
  let worst = { delimiters: 0, src: '' };
  for (const { src } of runs) {
    const delimiters = marksIn(src);
    work += delimiters * delimiters;
    if (delimiters > worst.delimiters) worst = { delimiters, src };
  }
  budget.emphasisWork = work;
  if (work <= 2 * LIMITS.emphasisWork) return;
  const at = text.indexOf(worst.src);
  const line = 1 + lineOffset + (at < 0 ? 0 : text.slice(0, at).split('\n').length - 1);
  throw tooManyMarks(work, { marks: worst.delimiters, line });
}
