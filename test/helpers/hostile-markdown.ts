/** Inputs that would overflow marked's stack or keep it busy for minutes, each with the message it must get. */

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** Hostile Markdown text: refused by the parser's limits (src/core/parse/lex/limits.ts), never handed whole to marked. */
export const HOSTILE_TEXT: Array<[string, () => string, RegExp]> = [
  ['block quotes nested 10,000 deep', () => `# T\n\n${'>'.repeat(10_000)} deep\n`, /nests lists, quotes or <details> 10,000 levels deep; the limit is 32/],
  ['lists nested 10,000 deep', () => `# T\n\n${'- '.repeat(10_000)}deep\n`, /nests lists, quotes or <details> 10,000 levels deep/],
  ['lists nested 2,000 deep by indentation', () => `# T\n\n${lines(2000, (i) => `${'  '.repeat(i)}- item ${i}`)}\n`, /nests lists, quotes or <details> 33 levels deep/],
  ['ordered lists nested 1,000 deep', () => `# T\n\n${lines(1000, (i) => `${'   '.repeat(i)}1. item`)}\n`, /levels deep/],
  ['<details> nested 10,000 deep', () => `# T\n\n${'<details><summary>a</summary>\n\n'.repeat(10_000)}`, /levels deep/],
  ['a 10 MB line', () => `# T\n\n${'word '.repeat(2_000_000)}\n`, /has a line of 10,000,000 characters; the limit is 1,048,576/],
  ['a_ repeated 100,000 times', () => `# T\n\n${'a_'.repeat(100_000)}\n`, /too many \* and _ marks .*100,000 in the paragraph at line 3/],
  ['__a over 2,000 lines of one paragraph', () => `# T\n\n${lines(2000, () => '__a'.repeat(20))}\n`, /too many \* and _ marks/],
  ['20 HTML wrappers each holding 15,000 a_', () => `# T\n\n${Array.from({ length: 20 }, () => `<div>\n- ${'a_'.repeat(15_000)}\n</div>`).join('\n\n')}\n`, /too many \* and _ marks/],
  ['200 paragraphs of 10,000 a_', () => `# T\n\n${lines(200, () => 'a_'.repeat(10_000)).replace(/\n/g, '\n\n')}\n`, /too many \* and _ marks/],
  ['list items running on for 8,000 lines', () => `# T\n\n${`- a\n${'word word word word\n'.repeat(8000)}`.repeat(20)}`, /list item whose text runs on for too many lines/],
  ['lazy lines under 32 nested quotes', () => `# T\n\n${'>'.repeat(32)} a\n${'word word word word\n'.repeat(800_000)}`, /too much deeply nested text/],
  ['a 10 MB paragraph', () => `# T\n\n${lines(125_000, () => 'word '.repeat(16))}\n`, /has a paragraph too large to read: more than 4,194,304 characters, the limit \(line 3\)/],
];

/** A file that is not text: a PNG signature and noise. */
export function binary(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (i * 7919 + 13) % 256;
  return bytes;
}

/** Hostile files: refused while they are read, before any parsing. */
export const HOSTILE_FILES: Array<[string, () => string | Buffer, RegExp]> = [
  ['a binary file', () => binary(1_000_000), /looks like a binary file, not Markdown text/],
  ['a 20 MB file', () => lines(400_000, (i) => `- topic ${i} ${'x'.repeat(40)}`), /too large to be a roadmap: more than 16,777,216 bytes/],
];
