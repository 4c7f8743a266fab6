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

  it('Markdown that marked itself fails on (a list item holding a block quote, then a lazy line): says where, exit 1', async () => {
    const file = join(home.dir, 'marked-fails.md');
    writeFileSync(file, '# Plan\n\nSome intro.\n\n## Basics\n\n- a\n  > *\n    b\n');
    const run = await spawnBin(['list', '--roadmap', file], { home: home.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: the Markdown library \(marked\) failed to read lines 5-9 of this file: /);
    expect(run.stderr).toContain('change the Markdown there');
    expect(run.stderr).not.toMatch(/unexpected failure|^\s+at /m);
  });

  it('twice the size limit on standard input: stops reading and says so', async () => {
    const run = await spawnBin(['list', '--roadmap', '-'], { home: home.dir, stdin: Buffer.alloc(2 * LIMITS.size, '- a topic\n'), timeoutMs: 30_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: standard input is too large to be a roadmap');
  }, 60_000);
});
