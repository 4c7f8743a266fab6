import { EAST_ASIAN_WIDE, graphemes, graphemeWidth } from '../../../core/text/width.js';
import { appendAll } from '../../../core/append.js';

/** How a run of text is drawn (chalk styles, a hyperlink); the same function object means the same style. */
export type Style = (text: string) => string;

/** A run of inline text, already inert, with its style; `br` is a hard line break. */
export interface Piece {
  text: string;
  style?: Style | undefined;
  br?: boolean;
}

/** What goes in front of each line of a block: list markers, indentation, quote bars. */
export interface Frame {
  /** Columns to fill, prefix included; undefined when piped (no wrapping). */
  width: number | undefined;
  /** The prefix of the block's first line. */
  first: readonly Piece[];
  /** The prefix of every other line. */
  rest: readonly Piece[];
}

interface Part {
  text: string;
  style?: Style | undefined;
}

/** A piece of a line that is never broken: a word, or one CJK character with the punctuation that clings to it. */
interface Unit {
  parts: Part[];
  width: number;
  /** A space separates it from the unit before. */
  space: boolean;
}

// Whitespace a line may break at; no-break spaces (U+00A0, U+2007, U+202F) are part of the word they sit in.
const BREAKING_SPACE = /^[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+$/u;
// Closing punctuation never starts a line and opening punctuation never ends one (the kinsoku rule of CJK text).
const CLOSING = /^[、。，．：；！？）」』】〕〉》〗〙〛”’・ー…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々〻,.:;!?)\]}%]$/u;
const OPENING = /^[（「『【〔〈《〖〘〚“‘]$/u;
// Between two ideographs a line may break without a space.
const BREAK_AROUND = /[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3fffd}]/u;

// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b(?:\[[0-9;]*m|\]8;[^\u001b\u0007]*(?:\u001b\\|\u0007))/gu;

/**
 * The graphemes of a piece with their columns. Escape sequences can only be the renderer's own (every untrusted
 * text is inert before it becomes a piece: ESC shows as `^[`), such as a status mark drawn in colour: they take none.
 */
function* cells(text: string): Generator<[string, number]> {
  // Printable ASCII is a column a character: no need to build the grapheme segmenter (ICU data) for it.
  if (/^[\x20-\x7e]*$/.test(text)) {
    for (const ch of text) yield [ch, 1];
    return;
  }
  let at = 0;
  for (const m of text.includes('\u001b') ? text.matchAll(ESCAPE) : []) {
    for (const g of graphemes(text.slice(at, m.index))) yield [g, graphemeWidth(g)];
    yield [m[0], 0];
    at = m.index + m[0].length;
  }
  for (const g of graphemes(text.slice(at))) yield [g, graphemeWidth(g)];
}

/** Width of a prefix. */
export function piecesWidth(pieces: readonly Piece[]): number {
  let w = 0;
  for (const p of pieces) for (const [, cw] of cells(p.text)) w += cw;
  return w;
}

function add(unit: Unit, text: string, style: Style | undefined, width: number): void {
  const last = unit.parts[unit.parts.length - 1];
  if (last && last.style === style) last.text += text;
  else unit.parts.push({ text, style });
  unit.width += width;
}

/** Splits inline pieces into the units a line may break between: at spaces, and around CJK characters. */
function units(pieces: readonly Piece[]): Array<Unit | 'br'> {
  const out: Array<Unit | 'br'> = [];
  let current: Unit | undefined;
  // A line may break after the last grapheme (a CJK character) / the last grapheme is opening punctuation.
  let closed = false;
  let opening = false;
  let space = false;
  for (const piece of pieces) {
    if (piece.br) {
      out.push('br');
      current = undefined;
      space = false;
      continue;
    }
    for (const [g, width] of cells(piece.text)) {
      if (width === 0 && g.startsWith('\u001b') && current) {
        add(current, g, piece.style, 0);
        continue;
      }
      if (BREAKING_SPACE.test(g)) {
        current = undefined;
        space = true;
        continue;
      }
      const cjk = BREAK_AROUND.test(g) || EAST_ASIAN_WIDE.test(g);
      if (!current || (!CLOSING.test(g) && (closed || (cjk && !opening)))) {
        current = { parts: [], width: 0, space };
        out.push(current);
      }
      add(current, g, piece.style, width);
      space = false;
      opening = OPENING.test(g);
      closed = cjk && !opening;
    }
  }
  return out;
}

/** Draws a line: parts with the same style next to each other are styled once. */
function draw(parts: readonly Part[]): string {
  let out = '';
  let run: Part | undefined;
  const flush = (): void => {
    if (run) out += run.style ? run.style(run.text) : run.text;
  };
  for (const p of parts) {
    if (run && run.style === p.style) run = { text: run.text + p.text, style: run.style };
    else {
      flush();
      run = { ...p };
    }
  }
  flush();
  return out;
}

/**
 * Cuts a unit wider than a whole line (a long url or id) into lines of at most `room` columns (`firstRoom` on the
 * line it starts on), after a hyphen or slash where one is near the end of a line.
 */
function cut(unit: Unit, room: number, firstRoom: number): Part[][] {
  const cellsOf: Array<{ g: string; w: number; style: Style | undefined }> = [];
  for (const part of unit.parts) for (const [g, w] of cells(part.text)) cellsOf.push({ g, w, style: part.style });
  const lines: Part[][] = [];
  let start = 0;
  let limit = Math.max(1, firstRoom);
  while (start < cellsOf.length) {
    let end = start;
    let used = 0;
    while (end < cellsOf.length && (used + (cellsOf[end]?.w ?? 0) <= limit || end === start)) used += cellsOf[end++]?.w ?? 0;
    if (end < cellsOf.length) {
      // Break after the last hyphen or slash in the second half of the line, if there is one.
      for (let i = end - 1; i > start + (end - start) / 2; i--) {
        const g = cellsOf[i]?.g;
        if (g === '-' || g === '/') {
          end = i + 1;
          break;
        }
      }
    }
    const line: Part[] = [];
    for (const c of cellsOf.slice(start, end)) {
      const last = line[line.length - 1];
      if (last && last.style === c.style) last.text += c.g;
      else line.push({ text: c.g, style: c.style });
    }
    lines.push(line);
    start = end;
    limit = Math.max(1, room);
  }
  return lines;
}

/**
 * Lays inline pieces out as lines of at most `frame.width` columns, breaking only between words (and between CJK
 * characters); a word wider than a whole line is the one thing cut. Without a width, lines end only at hard breaks.
 */
export function wrapPieces(pieces: readonly Piece[], frame: Frame): string[] {
  const firstWidth = piecesWidth(frame.first);
  const restWidth = piecesWidth(frame.rest);
  const lines: Part[][] = [[...frame.first]];
  let used = firstWidth;
  let empty = true;
  const newLine = (): void => {
    lines.push([...frame.rest]);
    used = restWidth;
    empty = true;
  };
  for (const u of units(pieces)) {
    if (u === 'br') {
      newLine();
      continue;
    }
    const line = (): Part[] => lines[lines.length - 1] ?? [];
    let gap = !empty && u.space ? 1 : 0;
    if (frame.width !== undefined && !empty && used + gap + u.width > frame.width) {
      newLine();
      gap = 0;
    }
    if (frame.width !== undefined && empty && used + u.width > frame.width) {
      cut(u, frame.width - restWidth, frame.width - used).forEach((chunk, i) => {
        if (i > 0) newLine();
        appendAll(line(), chunk);
        used += piecesWidth(chunk);
        empty = false;
      });
      continue;
    }
    if (gap) {
      const before = line()[line().length - 1];
      // A space inside a link or emphasis takes its style, so the underline and the hyperlink run on unbroken.
      line().push({ text: ' ', style: before?.style === u.parts[0]?.style ? before?.style : undefined });
    }
    appendAll(line(), u.parts);
    used += gap + u.width;
    empty = false;
  }
  // No-break spaces kept words together while laying out; the terminal is given plain spaces.
  return lines.map((l) => draw(l).replace(/\u00a0/g, ' ').replace(/\s+$/u, ''));
}
