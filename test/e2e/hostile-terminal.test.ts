import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { BEL, ESC, expectInert, HOSTILE_ROADMAP, MODES, UNSAFE } from '../helpers/hostile-terminal.js';
import { tempHome } from '../helpers/io.js';

let home: ReturnType<typeof tempHome>;
let file: string;

beforeAll(() => {
  home = tempHome();
  file = join(home.dir, 'evil.md');
  writeFileSync(file, HOSTILE_ROADMAP);
});
afterAll(() => {
  home.cleanup();
});

// Every command, every place text can come from and both modes are checked in-process
// (test/commands/hostile-terminal.test.ts); here the built bin writes to real pipes: data, an error from the program
// itself, JSON and a roadmap piped in.
describe.each(MODES)('the built bin shows a hostile roadmap %s', (_mode, env) => {
  const colour = env.FORCE_COLOR !== undefined;

  it('list, show, an unknown option, --json and standard input: nothing raw reaches the terminal', async () => {
    const list = await spawnBin(['list', '--roadmap', file], { home: home.dir, env });
    const show = await spawnBin(['show', '1.1', '--roadmap', file], { home: home.dir, env });
    const bogus = await spawnBin(['list', `--bogus${ESC}[2J`, '--roadmap', file], { home: home.dir, env });
    const piped = await spawnBin(['list', '--roadmap', '-'], { home: home.dir, env, stdin: HOSTILE_ROADMAP });
    for (const r of [list, show, piped]) expect(r.code, r.stderr).toBe(0);
    expect(bogus.code).toBe(2);
    for (const r of [list, show, bogus, piped]) expectInert(r, colour);
    const shown = [list, show, bogus].map((r) => r.stdout + r.stderr).join('\n');
    for (const visible of ['^[[2J', '^[]0;window title^G', '<U+202E>', '^[]8;;']) expect(shown).toContain(visible);

    const json = await spawnBin(['show', '1.1', '--json', '--roadmap', file], { home: home.dir, env });
    expect(json.stdout).not.toMatch(UNSAFE);
    expect((JSON.parse(json.stdout) as { title: string }).title).toContain(`${ESC}]8;;`);
    const named = join(home.dir, `name${ESC}]0;title${BEL}.md`);
    writeFileSync(named, HOSTILE_ROADMAP);
    const info = await spawnBin(['info', '--roadmap', named], { home: home.dir, env });
    expect(info.stdout).toContain('name^[]0;title^G.md');
    expectInert(info, colour);
  });
});
