import { Chalk, type ChalkInstance } from 'chalk';
import { isWide } from '../core/text/width.js';
import type { Status } from '../core/types.js';
import type { Output } from './streams.js';

export interface Theme {
  color: boolean;
  /** Terminal width, or undefined when output is piped (nothing is cut then). */
  width: number | undefined;
  c: ChalkInstance;
  mark(status: Status): string;
  bar(done: number, total: number, size?: number): string;
}

/**
 * Colour when stdout is a terminal and NO_COLOR is unset or empty; FORCE_COLOR forces it (0 turns it off);
 * `--no-color` always wins.
 */
export function colorLevel(out: Output, env: NodeJS.ProcessEnv, noColorFlag: boolean): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (env.NO_COLOR) return 0;
  if (!out.isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

/** The mark shown before a topic for each status, in lists and pickers. */
export const STATUS_MARKS: Record<Status, string> = { pending: '[ ]', 'in-progress': '[~]', done: '[x]', skipped: '[-]' };

export function createTheme(out: Output, env: NodeJS.ProcessEnv, noColorFlag: boolean): Theme {
  const level = colorLevel(out, env, noColorFlag);
  const c = new Chalk({ level });
  const color = level > 0;
  // A terminal that reports no size (0 columns, as under `script` or some CI ptys) gets COLUMNS or 80.
  const width = out.isTTY ? out.columns || Number(env.COLUMNS) || 80 : undefined;
  return {
    color,
    width,
    c,
    mark(status) {
      const m = STATUS_MARKS[status];
      switch (status) {
        case 'done':
          return c.green(m);
        case 'in-progress':
          return c.yellow(m);
        case 'skipped':
          return c.dim(m);
        case 'pending':
          return m;
      }
    },
    bar(done, total, size = 20) {
      const filled = total === 0 ? 0 : Math.round((done / total) * size);
      if (!color) return `[${'#'.repeat(filled)}${'-'.repeat(size - filled)}]`;
      return c.green('█'.repeat(filled)) + c.dim('░'.repeat(size - filled));
    },
  };
}

// Built on first use: constructing a Segmenter loads ICU data, about 20 ms that commands printing no tree should not pay.
let segmenter: Intl.Segmenter | undefined;
function graphemes(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

/** Columns a string takes in a terminal: East Asian wide characters and emoji take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes().segment(text)) width += isWide(segment) ? 2 : 1;
  return width;
}

/** Cuts a line to the terminal width with an ellipsis; piped output is never cut. */
export function fit(text: string, width: number | undefined): string {
  if (width === undefined || displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes().segment(text)) {
    const w = isWide(segment) ? 2 : 1;
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}
