import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PromptCancelled, type PromptChoice } from '../../src/ui/prompter.js';
import { run as runCli, scriptedPrompter, tempHome, type RunOptions, type ScriptedAnswer } from '../helpers/io.js';

// Colour off so assertions read the text a person sees.
const run = (args: string[], opts: RunOptions) => runCli(args, { ...opts, env: { NO_COLOR: '1', ...opts.env } });

let home: { dir: string; cleanup: () => void };
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  home.cleanup();
});

const act = (value: string): ScriptedAnswer => ({ kind: 'select', answer: value });
const ROADMAP = [
  '# Web Roadmap',
  '',
  '## HTML',
  '',
  '- Semantics, see [MDN: HTML elements](https://developer.mozilla.org/en-US/docs/Web/HTML/Element)',
  '',
  '  Learn which element means what.',
  '',
  '- [Forms](https://example.com/forms)',
  '',
  '## CSS',
  '',
  '- Flexbox',
  '- Grid',
  '',
].join('\n');

describe('walk (scripted answers)', () => {
  it('done moves on, start stays, quit ends with a summary; the next walk resumes at the started topic', async () => {
    const prompter = scriptedPrompter([act('done'), act('start'), act('quit')]);
    const r = await run(['walk'], { home: home.dir, tty: true, prompter });
    expect(r.code).toBe(0);
    const screens = r.stdout.split(/─{10,}/).slice(1);
    expect(screens[0]).toContain('1.1  Learn net/http package');
    expect(screens[1]).toContain('1.2  Explore Web frameworks');
    expect(screens[2]).toContain('1.2  Explore Web frameworks');
    expect(screens[2]).toContain('[~] in-progress');
    expect(r.stdout).toContain('Walk ended: 1 marked done, 1 started. 1/53 done, 2%.');
    expect(prompter.asked[0]?.choices.map((c) => c.name)).toEqual(['Mark done', 'Start', 'Skip', 'Add a note', 'Open a link', 'Pick another topic', 'Quit']);
    const next = await run(['next', '--json'], { home: home.dir });
    expect(JSON.parse(next.stdout)).toMatchObject([{ number: '1.2', reason: 'in-progress' }]);

    const again = await run(['walk'], { home: home.dir, tty: true, prompter: scriptedPrompter([act('skip'), act('quit')]) });
    const second = again.stdout.split(/─{10,}/).slice(1);
    expect(second[0]).toContain('1.2  Explore Web frameworks');
    expect(second[1]).toContain('1.3  Middleware implementation');
    expect(again.stdout).toContain('Walk ended: 1 skipped. 1/52 done, 2%.');
  });

  it('starts at --topic, shows description and links, and opens a link with the browser', async () => {
    const file = join(home.dir, 'web.md');
    writeFileSync(file, ROADMAP);
    const opened = join(home.dir, 'opened.txt');
    const browser = join(home.dir, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\necho "$1" >> "${opened}"\n`);
    chmodSync(browser, 0o755);
    const prompter = scriptedPrompter([act('link'), act('quit')]);
    const r = await run(['walk', '--topic', 'semantics', '--roadmap', file], { home: home.dir, tty: true, prompter, env: { BROWSER: browser } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1.1  Semantics, see MDN: HTML elements');
    expect(r.stdout).toContain('Learn which element means what.');
    // Without colour, links read `text (url)`.
    expect(r.stdout).toContain('Links\n  - Semantics, see MDN: HTML elements (https://developer.mozilla.org/en-US/docs/Web/HTML/Element)');
    // What happened is said on the next screen, which replaces this one.
    const screens = r.stdout.split(/─{10,}/).slice(1);
    expect(screens[1]).toContain('Opened https://developer.mozilla.org/en-US/docs/Web/HTML/Element in your browser.');
    // The browser runs detached: wait until it has written the whole line.
    for (let i = 0; i < 100 && !(existsSync(opened) && readFileSync(opened, 'utf8').endsWith('\n')); i++) await new Promise((res) => setTimeout(res, 20));
    expect(readFileSync(opened, 'utf8')).toBe('https://developer.mozilla.org/en-US/docs/Web/HTML/Element\n');
  });

  it('prints the url when there is no browser, and leaves the action out when there are no links', async () => {
    const file = join(home.dir, 'web.md');
    writeFileSync(file, ROADMAP);
    const prompter = scriptedPrompter([act('link'), act('done'), act('quit')]);
    const r = await run(['walk', '--topic', '1.2', '--roadmap', file], { home: home.dir, tty: true, prompter, env: { PATH: '/nonexistent' } });
    // Said on the next screen, which replaces this one.
    // Wrapped to the terminal, the url on a line of its own to copy.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('No browser was found to open it (no display: $BROWSER, $DISPLAY and $WAYLAND_DISPLAY are not set). The link is: https://example.com/forms');
    expect(r.stdout).toContain('\n  https://example.com/forms\n');
    // The next topic has no links: "Open a link" is not offered at all, so the cursor cannot stop on it.
    expect(prompter.asked[2]?.choices.map((c: PromptChoice<unknown>) => c.name)).toEqual(['Mark done', 'Start', 'Skip', 'Add a note', 'Pick another topic', 'Quit']);
  });

  it('Add a note saves it at once and shows it on the screen; an empty note saves nothing', async () => {
    const prompter = scriptedPrompter([act('note'), { kind: 'input', answer: 'ServeMux patterns need Go 1.22' }, act('note'), { kind: 'input', answer: '  ' }, act('quit')]);
    const r = await run(['walk'], { home: home.dir, tty: true, prompter });
    expect(r.code).toBe(0);
    const screens = r.stdout.split(/─{10,}/).slice(1);
    expect(screens[0]).not.toContain('Your notes');
    expect(screens[1]).toContain('Your notes\n  ServeMux patterns need Go 1.22');
    expect(r.stdout).toContain('Walk ended: 1 note added. 0/53 done, 0%.');
    const shown = JSON.parse((await run(['show', '1.1', '--json'], { home: home.dir })).stdout) as { notes: Array<{ text: string }> };
    expect(shown.notes.map((n) => n.text)).toEqual(['ServeMux patterns need Go 1.22']);
  });

  it('Pick another topic jumps anywhere through the search list', async () => {
    const prompter = scriptedPrompter([act('pick'), { kind: 'search', term: 'pprof', answer: (c: Array<PromptChoice<unknown>>) => c[0]?.value }, act('done'), act('quit')]);
    const r = await run(['walk'], { home: home.dir, tty: true, prompter });
    expect(r.stdout).toContain('6.5  Performance profiling and benchmarking with pprof');
    expect(r.stdout).toContain('Walk ended: 1 marked done.');
    const shown = await run(['show', '6.5', '--json'], { home: home.dir });
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'done' });
  });

  it('Ctrl+C exits 130 with the summary; Escape exits 0', async () => {
    const ctrlC = await run(['walk'], { home: home.dir, tty: true, prompter: scriptedPrompter([act('done'), { kind: 'select', answer: new PromptCancelled('interrupt') }]) });
    expect(ctrlC.code).toBe(130);
    expect(ctrlC.stdout).toContain('Walk ended: 1 marked done. 1/53 done, 2%.');
    const esc = await run(['walk'], { home: home.dir, tty: true, prompter: scriptedPrompter([{ kind: 'select', answer: new PromptCancelled('escape') }]) });
    expect(esc.code).toBe(0);
    expect(esc.stdout).toContain('Walk ended: nothing changed. 1/53 done, 2%.');
  });

  it('never prompts when piped, in CI or with --json', async () => {
    for (const [tty, env] of [[false, {}], [true, { CI: '1' }]] as const) {
      const prompter = scriptedPrompter([]);
      const r = await run(['walk'], { home: home.dir, tty, env, prompter });
      expect(r.code).toBe(2);
      expect(prompter.asked).toEqual([]);
    }
  });
});

describe('walk: the menu follows the topic status', () => {
  const names = (q: { choices: Array<PromptChoice<unknown>> } | undefined) => q?.choices.map((c) => c.name);

  it('no Start on a topic in progress; Reset and Next on a done one, and Reset works', async () => {
    const file = join(home.dir, 'web.md');
    writeFileSync(file, ROADMAP);
    await run(['start', '2.1', '--roadmap', file], { home: home.dir });
    await run(['done', '2.2', '--roadmap', file], { home: home.dir });
    const prompter = scriptedPrompter([act('quit')]);
    await run(['walk', '--topic', '2.1', '--roadmap', file], { home: home.dir, tty: true, prompter });
    expect(names(prompter.asked[0])).toEqual(['Mark done', 'Skip', 'Reset', 'Add a note', 'Pick another topic', 'Quit']);

    const onDone = scriptedPrompter([act('reset'), act('quit')]);
    const r = await run(['walk', '--topic', '2.2', '--roadmap', file], { home: home.dir, tty: true, prompter: onDone });
    expect(names(onDone.asked[0])).toEqual(['Next topic', 'Reset', 'Add a note', 'Pick another topic', 'Quit']);
    // After the reset the same topic is pending again, and the menu offers what a pending topic takes.
    expect(names(onDone.asked[1])).toEqual(['Mark done', 'Start', 'Skip', 'Add a note', 'Pick another topic', 'Quit']);
    expect(r.stdout).toContain('Walk ended: 1 reset.');
    expect((await run(['show', '2.2', '--json', '--roadmap', file], { home: home.dir })).stdout).toContain('"status": "pending"');
  });

  it('"Next topic" on a done topic moves on without changing it', async () => {
    await run(['done', '1.1'], { home: home.dir });
    const prompter = scriptedPrompter([act('next'), act('quit')]);
    const r = await run(['walk', '--topic', '1.1'], { home: home.dir, tty: true, prompter });
    const screens = r.stdout.split(/─{10,}/).slice(1);
    expect(screens[1]).toContain('1.2  Explore Web frameworks');
    expect(r.stdout).toContain('Walk ended: nothing changed. 1/53 done, 2%.');
  });
});

describe('walk: opening a link says what really happened', () => {
  const launcher = (code: number): string => {
    const path = join(home.dir, `launcher-${code}.sh`);
    writeFileSync(path, `#!/bin/sh\nexit ${code}\n`);
    chmodSync(path, 0o755);
    return path;
  };

  it.each([
    [0, true],
    [3, false],
  ])('a launcher exiting %i: opened = %s', async (code, opened) => {
    const prompter = scriptedPrompter([act('link'), { kind: 'select', answer: (c: Array<PromptChoice<unknown>>) => c[0]?.value }, act('quit')]);
    const r = await run(['walk'], { home: home.dir, tty: true, prompter, env: { BROWSER: launcher(code) } });
    expect(r.code).toBe(0);
    // What happened is said on the next screen (the walk redraws: anything printed before it would be cleared away).
    const next = r.stdout.split(/─{10,}/)[2] ?? '';
    if (opened) {
      expect(next).toContain('Opened https://pkg.go.dev/net/http in your browser.');
      expect(r.stdout).not.toContain('The link is');
    } else {
      expect(r.stdout).not.toContain('Opened');
      expect(next.replace(/\s+/g, ' ')).toContain(`No browser was found to open it (${join(home.dir, 'launcher-3.sh')} exited with code 3). The link is: https://pkg.go.dev/net/http`);
      expect(next).toContain('\n  https://pkg.go.dev/net/http\n');
    }
  });
});

describe('walk --roadmap -', () => {
  it('explains that standard input is the roadmap, not the keyboard (exit 2)', async () => {
    const r = await run(['walk', '--roadmap', '-'], { home: home.dir, stdin: '# R\n\n## S\n\n- T\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: roadmap walk reads your keys from standard input, and with --roadmap - standard input is the roadmap itself');
    expect(r.stderr).toContain('roadmap walk --roadmap roadmap.md');
  });
});
