// A roadmap full of terminal control sequences, and how a test checks that none reaches the terminal raw.
import { expect } from 'vitest';

export const ESC = '\x1b';
export const BEL = '\x07';

/** A roadmap with every kind of control sequence, raw and as HTML entities, in every place a roadmap can put text. */
export const HOSTILE_ROADMAP = [
  '---',
  `title: Evil ${ESC}]0;window title${BEL} roadmap`,
  `description: clears ${ESC}[2J${ESC}[H the screen`,
  '---',
  `# About ${ESC}[2J this`,
  '',
  `Copies to the clipboard ${ESC}]52;c;ZWNobyBoaQ==${BEL}, rings ${BEL}, moves ${ESC}[10A up.`,
  '',
  'As entities: &#27;[31mred&#27;[0m, &#x9b;2J, &#x1b;]0;title&#7;, &#8238;reversed, &#x202E;too.',
  '',
  '# The learning roadmap',
  '',
  `## Section ${ESC}[10A with \u202e override`,
  '',
  `- Topic ${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\ text`,
  `  Description \u009b2J C1, \u2066isolate\u2069, &#155;2J and ${ESC}P device ${ESC}\\ string.`,
  `  - [Child \u202egnp.exe](https://x.example/${ESC}[2J)`,
  `  - Other child &#27;[5m blink ${ESC}c reset`,
  '- Plain topic',
  '',
  `## Table &#x1b;[7m section`,
  '',
  '| Topic | Notes |',
  '|---|---|',
  `| Row ${ESC}[5m blink | attr ${ESC}]0;t${BEL} \u0085 |`,
  '| Second &#x9d;8;;x row | ok |',
  '',
].join('\n');

/** Raw C0 (but newline), DEL, C1, bidi controls and line separators. */
// eslint-disable-next-line no-control-regex
export const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
export const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

/** Output piped, and piped with colours forced on. */
export const MODES: Array<[string, NodeJS.ProcessEnv]> = [
  ['piped', {}],
  ['terminal colours (FORCE_COLOR=1)', { FORCE_COLOR: '1' }],
];

/** Neither stream holds a raw control character; without colour, not even an escape. */
export function expectInert(result: { stdout: string; stderr: string }, colour: boolean): void {
  for (const stream of [result.stdout, result.stderr]) {
    expect(colour ? stream.replace(SGR, '') : stream).not.toMatch(UNSAFE);
    if (!colour) expect(stream).not.toContain(ESC);
  }
}
