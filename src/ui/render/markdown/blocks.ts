import type { Token, Tokens } from 'marked';
import { htmlText } from '../../../core/parse/inline.js';
import { lexMarkdown } from '../../../core/parse/lex/safe-lex.js';
import { RoadmapInputError } from '../../../core/errors.js';
import type { Theme } from '../../theme.js';
import { clean, inlinePieces } from './inline.js';
import { piecesWidth, wrapPieces, type Frame, type Piece } from './wrap.js';
import { appendAll } from '../../../core/append.js';

/** Block tokens as lines inside `frame`; a blank line between blocks, none inside a tight list item. */
function blocks(tokens: readonly Token[], frame: Frame, theme: Theme, tight = false): string[] {
  const out: string[] = [];
  let current = frame;
  for (const token of tokens) {
    const lines = block(token, current, theme);
    if (lines.length === 0) continue;
    if (out.length > 0 && !tight) out.push(blankLine(frame));
    appendAll(out, lines);
    // Only the block's first line carries the first prefix (a list marker); the blocks after it align with the rest.
    current = { ...frame, first: frame.rest };
  }
  return out;
}

/** A blank line that keeps the bars of an enclosing quote. */
function blankLine(frame: Frame): string {
  return wrapPieces([], { ...frame, first: frame.rest })[0] ?? '';
}

function block(token: Token, frame: Frame, theme: Theme): string[] {
  const { c } = theme;
  switch (token.type) {
    case 'paragraph':
    case 'text': {
      const t = token as Tokens.Text;
      return wrapPieces(t.tokens ? inlinePieces(t.tokens, theme) : [{ text: clean(t.text) }], frame);
    }
    case 'heading':
      return wrapPieces(inlinePieces((token as Tokens.Heading).tokens, theme, c.bold), frame);
    case 'code':
      return codeLines((token as Tokens.Code).text, frame, theme);
    case 'list':
      return listLines(token as Tokens.List, frame, theme);
    case 'blockquote': {
      const bar: Piece = theme.color ? { text: '│ ', style: c.dim } : { text: '> ' };
      return blocks((token as Tokens.Blockquote).tokens, { ...frame, first: [...frame.first, bar], rest: [...frame.rest, bar] }, theme);
    }
    case 'hr': {
      const room = frame.width === undefined ? 3 : Math.max(3, Math.min(frame.width - piecesWidth(frame.first), 40));
      return wrapPieces([{ text: (theme.color ? '─' : '-').repeat(room), style: c.dim }], frame);
    }
    case 'table':
      return tableLines(token as Tokens.Table, frame, theme);
    case 'html': {
      const text = htmlText((token as Tokens.HTML).text, []).replace(/\s+/g, ' ').trim();
      return text ? wrapPieces([{ text: clean(text) }], frame) : [];
    }
    case 'space':
    case 'def':
    case 'checkbox':
      return [];
    default:
      return 'text' in token && typeof token.text === 'string' && token.text.trim() ? wrapPieces([{ text: clean(token.text) }], frame) : [];
  }
}

/** A code block set apart: indented four columns, in the code colour, never re-flowed; a line too long goes on below. */
function codeLines(code: string, frame: Frame, theme: Theme): string[] {
  const pad: Piece = { text: '    ' };
  const inner: Frame = { ...frame, first: [...frame.first, pad], rest: [...frame.rest, pad] };
  const out: string[] = [];
  code.split('\n').forEach((line, i) => {
    // Every space of code matters: written as no-break spaces, the wrapper neither drops nor breaks at them.
    const text = clean(line.replace(/\t/g, '    ')).replace(/ /g, '\u00a0');
    appendAll(out, wrapPieces(text ? [{ text, style: theme.c.cyan }] : [], i === 0 ? inner : { ...inner, first: inner.rest }));
  });
  return out;
}

function listLines(list: Tokens.List, frame: Frame, theme: Theme): string[] {
  const out: string[] = [];
  const start = typeof list.start === 'number' ? list.start : 1;
  const widest = list.ordered ? `${start + list.items.length - 1}.`.length : 1;
  list.items.forEach((item, i) => {
    const bullet = list.ordered ? `${start + i}.`.padStart(widest) : theme.color ? '•' : '-';
    const box = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
    const marker: Piece = { text: `${bullet} ${box}`, style: list.ordered ? undefined : theme.c.dim };
    const indent: Piece = { text: ' '.repeat(piecesWidth([marker])) };
    const first = i === 0 ? frame.first : frame.rest;
    const lines = blocks(item.tokens, { width: frame.width, first: [...first, marker], rest: [...frame.rest, indent] }, theme, !item.loose);
    appendAll(out, (lines.length ? lines : wrapPieces([], { ...frame, first: [...first, marker] })));
  });
  return out;
}

/** A table as lines: the header in bold, then each row with its cells apart. */
function tableLines(table: Tokens.Table, frame: Frame, theme: Theme): string[] {
  const row = (cells: Tokens.TableCell[], bold: boolean): Piece[] =>
    cells.flatMap((cell, i) => [...(i > 0 ? [{ text: ' | ', style: theme.c.dim }] : []), ...inlinePieces(cell.tokens, theme, bold ? theme.c.bold : undefined)]);
  const lines = wrapPieces(row(table.header, true), frame);
  for (const r of table.rows) appendAll(lines, wrapPieces(row(r, false), { ...frame, first: frame.rest }));
  return lines;
}

export interface MarkdownOptions {
  /** Columns to fill; undefined when piped (no wrapping). */
  width: number | undefined;
  /** Text in front of every line (an indent). */
  indent?: string;
}

/**
 * Markdown drawn for a terminal from marked's tokens: paragraphs wrapped at word boundaries by display width, lists
 * as lists, code blocks set apart, emphasis as bold and italic, links as hyperlinks or `text (url)`. Every piece of
 * text is made inert. Lines are returned without newlines.
 */
export function renderMarkdown(markdown: string, theme: Theme, options: MarkdownOptions): string[] {
  const pad: Piece[] = options.indent ? [{ text: options.indent }] : [];
  const frame: Frame = { width: options.width, first: pad, rest: pad };
  let tokens: Token[];
  try {
    tokens = [...lexMarkdown(markdown)];
  } catch (error) {
    // Too large or too nested to lex: shown as the text it is.
    if (!(error instanceof RoadmapInputError)) throw error;
    return renderPlain(markdown, options);
  }
  return blocks(tokens, frame, theme);
}

/** Plain paragraphs (text with no Markdown in it) wrapped like Markdown paragraphs. */
export function renderPlain(text: string, options: MarkdownOptions): string[] {
  const pad: Piece[] = options.indent ? [{ text: options.indent }] : [];
  const frame: Frame = { width: options.width, first: pad, rest: pad };
  return text.split(/\n{2,}/).flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrapPieces([{ text: clean(p) }], frame)]);
}
