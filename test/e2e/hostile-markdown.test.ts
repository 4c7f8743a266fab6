import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { tempHome } from '../helpers/io.js';

let home: ReturnType<typeof tempHome>;

beforeAll(() => {
  home = tempHome();
});
afterAll(() => {
  home.cleanup();
});

const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n');

function binary(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (i * 7919 + 13) % 256;
  return bytes;
}

/** Inputs that overflow marked's stack or make it run for minutes, with the message each must get. */
const HOSTILE: Array<[string, () => string | Buffer, RegExp]> = [
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
  ['a binary file', () => binary(1_000_000), /looks like a binary file, not Markdown text/],
  ['a 20 MB file', () => lines(400_000, (i) => `- topic ${i} ${'x'.repeat(40)}`), /too large to be a roadmap: more than 16,777,216 bytes/],
];

describe('hostile Markdown gets a clear message and exit 1 within 3 s', () => {
  it.each(HOSTILE)('%s', async (name, make, message) => {
    const file = join(home.dir, `${name.replace(/\W+/g, '-')}.md`);
    writeFileSync(file, make());
    const started = performance.now();
    const run = await spawnBin(['list', '--roadmap', file], { home: home.dir, timeoutMs: 30_000 });
    const ms = performance.now() - started;
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    expect(run.stderr).not.toMatch(/^\s+at |RangeError|Maximum call stack/m);
    expect(run.stdout).toBe('');
    expect(ms).toBeLessThan(3000);
  });

  it('100 MB on standard input', async () => {
    const started = performance.now();
    const run = await spawnBin(['list', '--roadmap', '-'], { home: home.dir, stdin: Buffer.alloc(100 * 1024 * 1024, '- a topic\n'), timeoutMs: 30_000 });
    const ms = performance.now() - started;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: standard input is too large to be a roadmap');
    expect(ms).toBeLessThan(3000);
  }, 60_000);
});

describe('a legitimate roadmap just under the 150,000-line limit (7 MB)', () => {
  it('is read in full', async () => {
    const parts = ['# A very large roadmap\n\nAn introduction with *emphasis* and a [link](https://example.com).\n'];
    let sections = 0;
    // 102 non-blank lines per area: 1,460 areas make 148,922, just under the limit.
    while (sections < 1_460) {
      sections++;
      let section = `\n## Area ${sections}\n\nThis area covers **important** things, with \`code\` and snake_case_words.\n\n`;
      for (let t = 1; t <= 20; t++) {
        section += `- [Topic ${t} of area ${sections}](https://example.com/${sections}/${t}) - what topic ${t} is about\n`;
        for (let c = 1; c <= 3; c++) section += `  - Subtopic ${c} with _some_ detail\n${c === 1 ? `    - [Deeper](https://example.org/${sections}/${t}) *optional*\n` : ''}`;
      }
      parts.push(section);
    }
    const file = join(home.dir, 'large.md');
    writeFileSync(file, parts.join(''));
    const info = await spawnBin(['info', '--json', '--roadmap', file], { home: home.dir, timeoutMs: 60_000 });
    expect(info.code, info.stderr).toBe(0);
    const doc = JSON.parse(info.stdout) as { counts: { sections: number; topics: number; groups: number } };
    // Per area: 20 topics, each with 3 subtopics, the first of which has one more below it: 3 topics that count
    // (no subtopics) per topic, which with its first subtopic makes 2 groups.
    expect(doc.counts).toEqual({ sections, topics: sections * 20 * 3, groups: sections * 20 * 2 });
    const done = await spawnBin(['done', '--roadmap', file, `${sections}.20.3`], { home: home.dir, timeoutMs: 60_000 });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Marked done');
  }, 120_000);
});
