import { RoadmapInputError } from '../../errors.js';

/**
 * Limits on Markdown input. marked 18 overflows its stack on deep nesting and on huge paragraphs, and is
 * quadratic on some shapes; these bounds keep every input under a few seconds. Each was measured with marked 18
 * (README, "Reliability and safety"); ordinary roadmaps stay far below all of them.
 */
export const LIMITS = {
  /** Largest input: bytes read from a file or stdin, and characters of text. */
  size: 16 * 1024 * 1024,
  /** Longest line, in characters. */
  lineLength: 1024 * 1024,
  /**
   * Most non-blank lines. Every line can become a topic (an item, a row, a heading, a link line), and each topic costs
   * tens of µs and a few KB to read, list and cache: at this count a first read stays within README's promise (10 s,
   * 1 GB on two cores). The longest roadmap in the test corpus has 1,919.
   */
  lines: 150_000,
  /** Longest paragraph, in characters: marked overflows its stack on one of about 8 MB. */
  paragraph: 4 * 1024 * 1024,
  /** Deepest nesting of lists, block quotes and <details>. marked overflows its stack near 1,500. */
  depth: 32,
  /** Sum over lines of characters x (depth - 1): marked reads nested content again at every level. */
  nestingWork: 12_000_000,
  /** Sum over paragraphs inside lists of lines x characters x depth: marked is quadratic in them. */
  listParagraphWork: 200_000_000,
  /** Sum over inline runs of (count of `*` and `_`) squared: emphasis matching is quadratic. */
  emphasisWork: 250_000_000,
} as const;

// Built on first use: an Intl object loads ICU data, about 10 ms that every start-up would pay for an error message.
let numbers: Intl.NumberFormat | undefined;

/** A count with thousands separators, for messages. */
export function formatCount(n: number): string {
  numbers ??= new Intl.NumberFormat('en-US');
  return numbers.format(n);
}

/** Throws an RoadmapInputError when an input of `size` bytes or characters is over the size limit. */
export function checkSize(size: number, what: string): void {
  if (size > LIMITS.size) {
    throw new RoadmapInputError(
      `${what} is too large to be a roadmap: more than ${formatCount(LIMITS.size)} bytes`,
      'roadmaps are Markdown files of a few hundred kilobytes at most; check that this is the right file, or split it',
    );
  }
}

/** Work measured against LIMITS, counted per document. */
export interface Work {
  /** Non-blank lines. */
  lines: number;
  nestingWork: number;
  listParagraphWork: number;
  emphasisWork: number;
}
