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

// The same inputs through the built bin, in a real process with its own stack: test/e2e/hostile-markdown.test.ts.
describe('hostile Markdown gets a clear message and exit 1', () => {
  it.each([...HOSTILE_TEXT, ...HOSTILE_FILES])('%s', async (name, make, message) => {
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
