import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_FILES, HOSTILE_TEXT } from '../helpers/hostile-markdown.js';
import { run, tempHome } from '../helpers/io.js';

let home: ReturnType<typeof tempHome>;
beforeAll(() => {
  home = tempHome();
});
afterAll(() => {
  home.cleanup();
});

/**
 * One input of each kind the limits refuse, the cheap ones: every message reaches the user the same way. All of them
 * get their message, with marked's work bounded, in test/core/hostile-work.test.ts; the ones that depend on the stack
 * of a real process go through the built bin in test/e2e/hostile-markdown.test.ts.
 */
const ONE_OF_EACH = new Set(['lists nested 10,000 deep', 'a 10 MB line', 'a_ repeated 100,000 times', 'a binary file', 'a 20 MB file']);

describe('hostile Markdown gets a clear message and exit 1', () => {
  it.each([...HOSTILE_TEXT, ...HOSTILE_FILES].filter(([name]) => ONE_OF_EACH.has(name)))('%s', async (name, make, message) => {
    const file = join(home.dir, `${name.replace(/\W+/g, '-')}.md`);
    writeFileSync(file, make());
    const r = await run(['list', '--roadmap', file], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr).toMatch(message);
    // The message and, on the next line, what to do.
    expect(r.stderr.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).not.toMatch(/^\s+at |RangeError|Maximum call stack/m);
    expect(r.stdout).toBe('');
  });
});
