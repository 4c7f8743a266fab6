import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, scriptedPrompter, tempHome } from '../helpers/io.js';

let home: ReturnType<typeof tempHome>;
beforeEach(async () => {
  home = tempHome();
  writeFileSync(join(home.dir, 'rust.md'), '# Rust Roadmap\n\n## Basics\n\n- Ownership\n- Borrowing\n');
  expect((await run(['add', 'rust.md'], { home: home.dir, cwd: home.dir })).code).toBe(0);
  expect((await run(['done', '1.1'], { home: home.dir })).code).toBe(0);
});
afterEach(() => {
  home.cleanup();
});

const progress = async (): Promise<number> => (JSON.parse((await run(['list', '--json', '--roadmap', 'rust'], { home: home.dir })).stdout) as { progress: { done: number } }).progress.done;

describe('roadmap remove --purge on a terminal', () => {
  it('asks first; "no" removes nothing', async () => {
    const prompter = scriptedPrompter([{ kind: 'confirm', answer: false }]);
    const r = await run(['remove', 'rust', '--purge'], { home: home.dir, tty: true, prompter });
    expect(prompter.asked.map((q) => q.message)).toEqual(['Remove "Rust Roadmap" and its progress (1 done, 0 notes)?']);
    expect(r.stderr).toBe('error: nothing was removed\n');
    expect(r.code).toBe(1);
    expect(await progress()).toBe(1);
  });

  it('"yes" removes it and its progress; add --restore brings both back', async () => {
    const r = await run(['remove', 'rust', '--purge'], { home: home.dir, tty: true, prompter: scriptedPrompter([{ kind: 'confirm', answer: true }]) });
    expect(r.stdout).toBe('Removed rust from your shelf. Its progress (1 topic status) was deleted.\n');
    expect((await run(['list', '--roadmap', 'rust'], { home: home.dir })).code).toBe(1);
    expect((await run(['add', '--restore', 'rust'], { home: home.dir })).code).toBe(0);
    expect(await progress()).toBe(1);
  });
});

describe('roadmap roadmaps', () => {
  it('lists a roadmap whose kept copy is gone, with a warning that says how to get it back', async () => {
    rmSync(join(home.dir, 'roadmaps', 'rust.md'));
    const r = await run(['roadmaps'], { home: home.dir });
    expect(r.stderr).toBe(`warning: rust: the copy of "rust" kept on the shelf is missing (${join(home.dir, 'roadmaps', 'rust.md')}) (read its source again with: roadmap update rust)\n`);
    expect(r.stdout).toMatch(/^\* rust +Rust Roadmap +/m);
    expect(r.code).toBe(0);
    expect((await run(['update', 'rust'], { home: home.dir })).code).toBe(0);
    expect(await progress()).toBe(1);
  });
});
