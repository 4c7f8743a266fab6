import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/parse/lex/limits.js';
import { spawnBin } from '../helpers/bin.js';
import { HOSTILE_TEXT } from '../helpers/hostile-markdown.js';
import { tempHome } from '../helpers/io.js';

let home: ReturnType<typeof tempHome>;

beforeAll(() => {
  home = tempHome();
});
afterAll(() => {
  home.cleanup();
});

/** The inputs whose refusal depends on the real process's own stack: marked recursing through deep nesting or a huge paragraph. */
const IN_A_REAL_PROCESS = new Set(['block quotes nested 10,000 deep', 'a 10 MB paragraph']);

// Every hostile input gets its message in-process (test/commands/hostile-markdown.test.ts), and marked's work on
// each is bounded in test/core/hostile-work.test.ts; how long they take belongs to `npm run bench`.
describe('hostile Markdown through the built bin gets a clear message and exit 1', () => {
  it.each(HOSTILE_TEXT.filter(([name]) => IN_A_REAL_PROCESS.has(name)))(
    '%s',
    async (name, make, message) => {
      const file = join(home.dir, `${name.replace(/\W+/g, '-')}.md`);
      writeFileSync(file, make());
      const run = await spawnBin(['list', '--roadmap', file], { home: home.dir, timeoutMs: 30_000 });
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: /);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n').length).toBeGreaterThanOrEqual(2);
      expect(run.stderr).not.toMatch(/^\s+at |RangeError|Maximum call stack/m);
      expect(run.stdout).toBe('');
    },
  );

  it('twice the size limit on standard input: stops reading and says so', async () => {
    const run = await spawnBin(['list', '--roadmap', '-'], { home: home.dir, stdin: Buffer.alloc(2 * LIMITS.size, '- a topic\n'), timeoutMs: 30_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: standard input is too large to be a roadmap');
  }, 60_000);
});

describe('a legitimate 10 MB roadmap', () => {
  it('is read in full', async () => {
    const parts = ['# A very large roadmap\n\nAn introduction with *emphasis* and a [link](https://example.com).\n'];
    let size = 0;
    let sections = 0;
    while (size < 10_000_000) {
      sections++;
      let section = `\n## Area ${sections}\n\nThis area covers **important** things, with \`code\` and snake_case_words.\n\n`;
      for (let t = 1; t <= 20; t++) {
        section += `- [Topic ${t} of area ${sections}](https://example.com/${sections}/${t}) - what topic ${t} is about\n`;
        for (let c = 1; c <= 3; c++) section += `  - Subtopic ${c} with _some_ detail\n${c === 1 ? `    - [Deeper](https://example.org/${sections}/${t}) *optional*\n` : ''}`;
      }
      parts.push(section);
      size += section.length;
    }
    const file = join(home.dir, 'large.md');
    writeFileSync(file, parts.join(''));
    const info = await spawnBin(['info', '--json', '--roadmap', file], { home: home.dir, timeoutMs: 60_000 });
    expect(info.code, info.stderr).toBe(0);
    const doc = JSON.parse(info.stdout) as { counts: { sections: number; topics: number } };
    // Per area: 20 topics, each with 3 subtopics, the first of which has one more below it.
    expect(doc.counts).toEqual({ sections, topics: sections * 20 * 5 });
    const done = await spawnBin(['done', '--roadmap', file, `${sections}.20.3`], { home: home.dir, timeoutMs: 60_000 });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Marked done');
  }, 120_000);
});
