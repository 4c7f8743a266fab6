import { displayWidth, graphemes, graphemeWidth } from '../core/text/width.js';
import type { Status } from '../core/types.js';
import type { Output } from './streams.js';

/** One style: the text wrapped in its escape sequences, or as it is without colour. */
export type Style = (text: string) => string;

/** The styles roadmap draws with (a subset of chalk's, so that output without colour needs no chalk at all). */
export interface Styles {
  dim: Style;
  bold: Style & { cyan: Style };
  green: Style;
  yellow: Style;
  red: Style;
  cyan: Style;
  underline: Style;
  italic: Style;
  strikethrough: Style;
}

const same: Style = (text) => text;
/** Styles without colour: every text as it is. */
const PLAIN: Styles = { dim: same, bold: Object.assign((text: string) => text, { cyan: same }), green: same, yellow: same, red: same, cyan: same, underline: same, italic: same, strikethrough: same };

let chalk: typeof import('chalk') | undefined;

/**
 * Loads chalk when one of these outputs may be drawn in colour (a terminal, or FORCE_COLOR). Output that is piped
 * never needs it, and chalk costs half a millisecond to load and set up: `main` calls this before any command runs.
 */
export async function prepareColor(outputs: readonly Output[], env: NodeJS.ProcessEnv): Promise<void> {
  if (chalk === undefined && outputs.some((out) => colorLevel(out, env, false) > 0)) chalk = await import('chalk');
}

function stylesFor(level: 0 | 1 | 2 | 3): Styles {
  if (level === 0) return PLAIN;
  if (!chalk) throw new Error('colour was asked for before prepareColor loaded chalk');
  const c = new chalk.Chalk({ level });
  return {
    dim: (s) => c.dim(s),
    bold: Object.assign((s: string) => c.bold(s), { cyan: (s: string) => c.bold.cyan(s) }),
    green: (s) => c.green(s),
    yellow: (s) => c.yellow(s),
    red: (s) => c.red(s),
    cyan: (s) => c.cyan(s),
    underline: (s) => c.underline(s),
    italic: (s) => c.italic(s),
    strikethrough: (s) => c.strikethrough(s),
  };
}

export interface Theme {
  color: boolean;
  /**
   * Terminal width, read again at each use so a walk follows a resize; undefined when output is piped (nothing is
   * cut or wrapped then).
   */
  readonly width: number | undefined;
  /** Whether links are drawn as OSC 8 hyperlinks (clickable text) rather than `text (url)`. */
  hyperlinks: boolean;
  c: Styles;
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

/**
 * The width output is laid out for: on a terminal, COLUMNS when it is a whole number (as ls, git and Python read it),
 * else the terminal's own size, else 80 (a terminal that reports no size, as under `script`). Piped output has none.
 */
export function terminalWidth(out: Output, env: NodeJS.ProcessEnv): number | undefined {
  if (!out.isTTY) return undefined;
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  // The terminal's size now, asked at each call (FdOutput.columns): a resize is seen even before its SIGWINCH is.
  return out.columns || 80;
}

/**
 * OSC 8 hyperlinks where a person can click them: a terminal (not dumb, not the Linux console, which prints OSC
 * sequences it does not know) with colour allowed. FORCE_HYPERLINK=1 or 0 decides instead, as supports-hyperlinks reads it.
 */
export function hyperlinksAllowed(out: Output, env: NodeJS.ProcessEnv, color: boolean): boolean {
  const force = env.FORCE_HYPERLINK;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return color && out.isTTY === true && env.TERM !== 'dumb' && env.TERM !== 'linux';
}

export function createTheme(out: Output, env: NodeJS.ProcessEnv, noColorFlag: boolean): Theme {
  const level = colorLevel(out, env, noColorFlag);
  const c = stylesFor(level);
  const color = level > 0;
  return {
    color,
    get width() {
      return terminalWidth(out, env);
    },
    hyperlinks: !noColorFlag && hyperlinksAllowed(out, env, color),
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

export { displayWidth } from '../core/text/width.js';

/** Cuts a line to the terminal width with an ellipsis; piped output is never cut. */
export function fit(text: string, width: number | undefined): string {
  if (width === undefined || displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}
