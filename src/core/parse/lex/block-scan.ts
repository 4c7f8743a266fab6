import { appendAll } from '../../append.js';
import { RoadmapInputError } from '../../errors.js';
import { formatCount, LIMITS, type Work } from './limits.js';
import { codeAt } from '../../text/code-at.js';

/** The container prefix of a line: block quote marks and list markers before its text. */
interface Prefix {
  indent: number;
  quotes: number;
  /** The list items this line opens (`- - a` opens two): marker column and content column. */
  markers: Item[];
  /** Spaces between the last quote mark or list marker (or the margin) and the text. */
  gap: number;
  text: string;
}

interface Item {
  marker: number;
  content: number;
}

/** A list marker where `lastIndex` says (sticky: no copy of the rest of the line to match against). */
const MARKER = /(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/y;
const FENCE = /^(`{3,}|~{3,})/;
const CLOSING_FENCE = /^(`{3,}|~{3,})[ \t]*$/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;

function prefixOf(line: string): Prefix {
  const out: Prefix = { indent: -1, quotes: 0, markers: [], gap: 0, text: '' };
  let i = 0;
  // Every read stays inside the line: a charCodeAt past its end gives NaN, and optimised code that reads there is
  // thrown away the first time it does (a deopt), to be compiled again. (Here: no marker fits past the end either.)
  const n = line.length;
  for (;;) {
    const from = i;
    while (i < n && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    out.gap = i - from;
    if (out.indent < 0) out.indent = i;
    if (i === n) break;
    if (line.charCodeAt(i) === 62) {
      out.quotes++;
      i++;
      continue;
    }
    // A marker starts with - + * or a digit: no regex run for the other lines.
    const c = line.charCodeAt(i);
    if (c !== 45 && c !== 43 && c !== 42 && (c < 48 || c > 57)) break;
    MARKER.lastIndex = i;
    const m = MARKER.exec(line);
    if (!m) break;
    out.markers.push({ marker: i, content: i + m[0].length + 1 });
    i += m[0].length;
  }
  out.text = line.slice(i).trim();
  return out;
}

/**
 * Whether a line opens a fenced code block; an over-indented fence is code text, not a fence. `items` are the list
 * items open above the line: the last one it is inside of sets the margin.
 */
function opensFence(p: Prefix, items: readonly Item[]): string | undefined {
  const first = codeAt(p.text, 0);
  if (first !== 96 && first !== 126) return undefined;
  const fence = FENCE.exec(p.text)?.[1];
  if (fence === undefined) return undefined;
  const inside = items.filter((item) => item.content <= p.indent);
  const base = p.markers.length > 0 || p.quotes > 0 ? 1 : (inside[inside.length - 1]?.content ?? 0);
  const indent = p.markers.length > 0 || p.quotes > 0 ? p.gap : p.indent;
  return indent - base <= 3 ? fence.slice(0, 3) : undefined;
}

/** How many of the open list items a line indented by `indent` is inside of. */
function itemsAround(items: readonly Item[], indent: number): number {
  let n = 0;
  for (const item of items) if (item.content <= indent) n++;
  return n;
}

function tooComplex(what: string, line: number, hint: string): RoadmapInputError {
  return new RoadmapInputError(`the Markdown ${what} (line ${line})`, hint);
}

/**
 * Count of `*` and `_` in a text: emphasis delimiters, whose matching is quadratic in marked. indexOf skips the
 * text between marks natively, several times faster than reading every character.
 */
export function marksIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf('*'); i >= 0; i = text.indexOf('*', i + 1)) n++;
  for (let i = text.indexOf('_'); i >= 0; i = text.indexOf('_', i + 1)) n++;
  return n;
}

/**
 * One linear pass over the lines that rejects what would make marked overflow or crawl: long lines, deep nesting,
 * and the work marked does on nested content and on paragraphs inside lists. Depths are estimated from markers and
 * indentation, erring on the high side. With `whole` (the whole document, before any lexing) it also limits the
 * non-blank lines and estimates the emphasis work, so that every refusal comes before marked runs. A window that
 * lexInPieces lexes may be scanned twice (windows grow from the same start until one holds a heading), so windows
 * are held to twice the limits: they never refuse what the whole document passed.
 */
export function scanBlocks(text: string, lineOffset: number, budget: Work, whole = false): void {
  const scale = whole ? 1 : 2;
  /** The list items still open. */
  const items: Item[] = [];
  let details = 0;
  let fence: string | undefined;
  let blankBefore = true;
  let lazyDepth = 0;
  let lines = budget.lines;
  let nestingWork = budget.nestingWork;
  let listWork = budget.listParagraphWork;
  let emphasis = budget.emphasisWork;
  let para = { lines: 0, chars: 0, text: 0, depth: 0, marks: 0, line: 0 };
  /** The paragraph with the most emphasis marks so far: named when one paragraph alone is over the limit. */
  let worst = { marks: 0, line: 0 };
  const paraWork = (): number => (items.length > 0 ? para.lines * para.chars * Math.max(1, para.depth) : 0);
  const run = (marks: number, line: number): void => {
    emphasis += marks * marks;
    if (marks > worst.marks) worst = { marks, line };
  };
  const flush = (): void => {
    listWork += paraWork();
    run(para.marks, para.line);
    para = { lines: 0, chars: 0, text: 0, depth: 0, marks: 0, line: 0 };
  };
  let start = 0;
  for (let n = 1 + lineOffset; start <= text.length; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > LIMITS.lineLength) {
      throw tooComplex(`has a line of ${formatCount(end - start)} characters; the limit is ${formatCount(LIMITS.lineLength)}`, n, 'Markdown roadmaps have short lines; check that this is the right file');
    }
    const line = text.slice(start, end);
    start = end + 1;
    if (whole && line.trim() !== '' && ++lines > LIMITS.lines) {
      throw tooComplex(`has more than ${formatCount(LIMITS.lines)} non-blank lines, the limit for a roadmap`, n, 'roadmaps have a few thousand lines at most; check that this is the right file, or split it');
    }
    const p = prefixOf(line);
    if (fence !== undefined) {
      // Code is read as plain lines; only its closing fence matters.
      const close = CLOSING_FENCE.exec(p.text)?.[1];
      if (close?.startsWith(fence)) fence = undefined;
      continue;
    }
    if (line.includes('<')) {
      details += (line.match(/<details\b/gi) ?? []).length;
      details = Math.max(0, details - (line.match(/<\/details\s*>/gi) ?? []).length);
    }
    const blank = p.text === '' && p.markers.length === 0;
    let depth: number;
    if (p.markers.length > 0) {
      const first = p.markers[0]?.marker ?? 0;
      while (items.length > 0 && (items[items.length - 1]?.marker ?? 0) >= first) items.pop();
      appendAll(items, p.markers);
      depth = items.length + p.quotes + details;
    } else {
      // A paragraph at the margin after a blank line ends every open list.
      if (!blank && blankBefore && p.indent === 0 && p.quotes === 0) items.length = 0;
      depth = itemsAround(items, p.indent) + p.quotes + details;
      // A lazy continuation line belongs to the paragraph above it, at that paragraph's depth.
      if (!blankBefore && !blank) depth = Math.max(depth, lazyDepth);
    }
    if (depth > LIMITS.depth) {
      throw tooComplex(`nests lists, quotes or <details> ${formatCount(depth)} levels deep; the limit is ${LIMITS.depth}`, n, 'flatten the nesting: roadmaps rarely need more than a few levels');
    }
    if (blank) {
      flush();
      blankBefore = true;
      lazyDepth = 0;
      continue;
    }
    nestingWork += (line.length + 1) * Math.max(0, depth - 1);
    if (nestingWork > scale * LIMITS.nestingWork) {
      throw tooComplex('has too much deeply nested text to read in reasonable time: characters times depth, summed over the file, pass the limit', n, 'flatten the nesting, or split the file');
    }
    const opens = opensFence(p, items);
    const heading = codeAt(p.text, 0) === 35 && HEADING.test(p.text);
    if (p.markers.length > 0 || opens !== undefined || heading) flush();
    if (opens !== undefined) fence = opens;
    else if (heading) run(marksIn(line), n);
    else {
      if (para.lines === 0) para.line = n;
      para.lines++;
      para.chars += line.length + 1;
      para.depth = Math.max(para.depth, depth);
      // A table row is read inline a cell at a time; counting the row as one run errs high.
      if (line.includes('|')) run(marksIn(line), n);
      else {
        para.marks += marksIn(line);
        para.text += line.length + 1;
      }
      if (para.text > LIMITS.paragraph) {
        throw tooComplex(`has a paragraph too large to read: more than ${formatCount(LIMITS.paragraph)} characters, the limit`, para.line, 'split long paragraphs with blank lines');
      }
    }
    if (listWork + paraWork() > scale * LIMITS.listParagraphWork) {
      if (paraWork() > scale * LIMITS.listParagraphWork) {
        throw tooComplex('has a list item whose text runs on for too many lines to read in reasonable time', n, 'separate paragraphs with blank lines, or give each line its own list marker');
      }
      throw tooComplex('has too much text in list items to read in reasonable time: lines times characters of their paragraphs, summed over the file, pass the limit', n, 'split the file, or shorten the text inside list items');
    }
    if (whole && emphasis + para.marks * para.marks > LIMITS.emphasisWork) throw tooManyMarks(emphasis + para.marks * para.marks, para.marks > worst.marks ? { marks: para.marks, line: para.line } : worst);
    blankBefore = false;
    lazyDepth = depth;
  }
  flush();
  if (whole && emphasis > LIMITS.emphasisWork) throw tooManyMarks(emphasis, worst);
  budget.lines = lines;
  budget.nestingWork = nestingWork;
  budget.listParagraphWork = listWork;
  budget.emphasisWork = emphasis;
}

/**
 * Too much emphasis work. Blames one paragraph only when it alone is over the limit; otherwise the sum over the file
 * is, and the message says so (naming the paragraph with the most marks, the first one to fix).
 */
export function tooManyMarks(work: number, worst: { marks: number; line: number }): RoadmapInputError {
  const hint = 'write literal underscores and asterisks as \\_ and \\*, or put them in `code`';
  if (worst.marks * worst.marks > LIMITS.emphasisWork) {
    return new RoadmapInputError(`the Markdown has too many * and _ marks to read in reasonable time (${formatCount(worst.marks)} in the paragraph at line ${worst.line})`, hint);
  }
  return new RoadmapInputError(
    `the Markdown has too many * and _ marks to read in reasonable time: counted per paragraph, squared and summed over the file they make ${formatCount(work)}, past the limit of ${formatCount(LIMITS.emphasisWork)} (the most in one paragraph: ${formatCount(worst.marks)} at line ${worst.line})`,
    hint,
  );
}
