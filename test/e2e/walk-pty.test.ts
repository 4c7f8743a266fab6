import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { KEYS, PtySession } from '../helpers/pty.js';
import { ScreenSession } from '../helpers/screen.js';

let home: string;
let sessions: PtySession[] = [];
const open = (args: string[]): PtySession => {
  const s = new PtySession(args, { home });
  sessions.push(s);
  return s;
};
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'roadmap-pty-'));
  sessions = [];
});
afterEach(() => {
  for (const s of sessions) s.kill();
  rmSync(home, { recursive: true, force: true });
});

const doneCount = async (): Promise<number> => {
  const r = await spawnBin(['list', '--json'], { home });
  return (JSON.parse(r.stdout) as { progress: { done: number } }).progress.done;
};

describe('roadmap walk in a real terminal', () => {
  it('Enter marks the shown topic done and the next one appears; a new process sees it', async () => {
    const walk = open(['walk']);
    await walk.waitFor('What now?');
    expect(walk.text).toContain('1.1  Learn net/http package for handling HTTP requests');
    expect(walk.text).toContain('Section 1 · Web Development & APIs');
    const mark = walk.text.length;
    walk.write(KEYS.enter);
    const after = await walk.waitFor(/1\.2 {2}Explore Web frameworks[\s\S]*What now\?/, mark);
    expect(after).toContain('1/53 done, 2%');
    expect(await doneCount()).toBe(1);
    walk.write(KEYS.escape);
    expect((await walk.exited).exitCode).toBe(0);
    expect(walk.text).toContain('Walk ended: 1 marked done. 1/53 done, 2%.');
  });

  it('Ctrl+C leaves cleanly: a summary, exit 130, no stack trace, progress kept', async () => {
    const walk = open(['walk']);
    await walk.waitFor('What now?');
    walk.write(KEYS.enter);
    await walk.waitFor(/1\.2 {2}Explore/);
    walk.write(KEYS.down + KEYS.down + KEYS.enter); // Skip
    await walk.waitFor(/1\.3 {2}Middleware/);
    walk.write(KEYS.ctrlC);
    const { exitCode } = await walk.exited;
    expect(exitCode).toBe(130);
    expect(walk.text).toContain('Walk ended: 1 marked done, 1 skipped. 1/52 done, 2%.');
    expect(walk.text).not.toMatch(/\n\s+at |Error:/);
    expect(await doneCount()).toBe(1);
  });

  it('Quit from the menu exits 0; --section starts in that section', async () => {
    const walk = open(['walk', '--section', '4']);
    await walk.waitFor('What now?');
    expect(walk.text).toContain('4.1  Understanding Goroutines and how they work');
    walk.write(KEYS.down.repeat(10) + KEYS.enter); // the menu does not loop: Quit is last
    expect((await walk.exited).exitCode).toBe(0);
    expect(walk.text).toContain('Walk ended: nothing changed. 0/53 done, 0%.');
  });

  it('Add a note: typed at the prompt, saved at once, shown on the screen', async () => {
    const walk = open(['walk']);
    await walk.waitFor('What now?');
    walk.write(KEYS.down.repeat(3) + KEYS.enter);
    await walk.waitFor('Note on 1.1 (empty to cancel):');
    const mark = walk.text.length;
    walk.write('use http.ServeMux' + KEYS.enter);
    await walk.waitFor(/Your notes\s+use http\.ServeMux[\s\S]*What now\?/, mark);
    walk.write(KEYS.escape);
    expect((await walk.exited).exitCode).toBe(0);
    const shown = await spawnBin(['show', '1.1', '--json'], { home });
    expect((JSON.parse(shown.stdout) as { notes: Array<{ text: string }> }).notes[0]?.text).toBe('use http.ServeMux');
  });

  it('says when the roadmap is finished and ends', async () => {
    const file = join(home, 'tiny.md');
    writeFileSync(file, '# Tiny Roadmap\n\n## Only\n\n- One thing\n');
    const walk = open(['walk', '--roadmap', file]);
    await walk.waitFor('What now?');
    walk.write(KEYS.enter);
    expect((await walk.exited).exitCode).toBe(0);
    expect(walk.text).toContain('You have finished this roadmap: 1/1 done, 100%.');
  });

  it('not on a terminal: exit 2 pointing to next and done', async () => {
    const r = await spawnBin(['walk'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roadmap walk is interactive and needs a terminal');
    expect(r.stderr).toContain('roadmap next');
  });
});

describe('pickers in a real terminal', () => {
  it('the one-topic picker (show, note) narrows as you type and picks', async () => {
    const show = open(['show']);
    await show.waitFor('Show which topic? (type to filter)');
    // The list may arrive a frame after the question when the machine is busy.
    await show.waitFor('1.1     [ ] Learn net/http');
    const mark = show.text.length;
    show.write('grpc');
    const typed = await show.waitFor(/\(type to filter\) grpc[\s\S]*5\.2 +\[ \] Understanding gRPC vs\. REST APIs/, mark);
    // The last frame, after the whole word was typed, lists only the match.
    const lastFrame = typed.slice(typed.lastIndexOf('(type to filter) grpc'));
    expect(lastFrame).not.toContain('1.1 ');
    expect(lastFrame.match(/\d+\.\d+ +\[ \]/g)).toEqual(['5.2     [ ]']);
    show.write(KEYS.enter);
    expect((await show.exited).exitCode).toBe(0);
    expect(show.text).toContain('5.2  Understanding gRPC vs. REST APIs');
  });

  it('an ambiguous fragment offers its candidates', async () => {
    const show = open(['show', 'database']);
    await show.waitFor('"database" matches 6 topics. Which one?');
    show.write(KEYS.down + KEYS.down + KEYS.enter);
    expect((await show.exited).exitCode).toBe(0);
    expect(show.text).toContain('2.4  Database transactions and migrations');
  });
});

describe('walk menu in a real terminal', () => {
  const screens: ScreenSession[] = [];
  afterEach(() => {
    for (const s of screens.splice(0)) s.kill();
  });
  const openScreen = (args: string[]): ScreenSession => {
    const s = new ScreenSession(args, { home });
    screens.push(s);
    return s;
  };

  it.each([
    ['Escape', KEYS.escape, 0],
    ['Ctrl+C', KEYS.ctrlC, 130],
  ])('%s clears the unanswered menu from the screen', async (_name, key, code) => {
    const walk = openScreen(['walk']);
    await walk.waitFor(/What now\?[\s\S]*Quit/);
    walk.write(key);
    expect((await walk.exited).exitCode).toBe(code);
    const screen = await walk.waitFor('Walk ended');
    expect(screen).not.toContain('What now?');
    expect(screen).not.toMatch(/Mark done|Pick another topic/);
  });

  it('a topic without links has no "Open a link": the cursor goes from the note straight to Pick', async () => {
    const file = join(home, 'plain.md');
    writeFileSync(file, '# Plain\n\n## One\n\n- First thing\n- Second thing\n');
    const walk = open(['walk', '--roadmap', file]);
    await walk.waitFor('What now?');
    expect(walk.text).not.toContain('Open a link');
    walk.write(KEYS.down.repeat(4) + KEYS.enter); // Mark done, Start, Skip, Add a note, Pick another topic
    await walk.waitFor('Go to which topic?');
    expect(walk.text).not.toContain('disabled');
    walk.write(KEYS.ctrlC);
    expect((await walk.exited).exitCode).toBe(130);
  });

  it('no Start once the topic is in progress; a done topic offers Next and Reset', async () => {
    const walk = openScreen(['walk']);
    await walk.waitFor(/❯ Mark done\s+Start\s+Skip/);
    walk.write(KEYS.down + KEYS.enter); // Start
    const started = await walk.waitFor(/\[~\] in-progress[\s\S]*❯ Mark done\s+Skip\s+Reset/);
    expect(started).not.toMatch(/^\s*Start$/m);
    walk.write(KEYS.escape);
    expect((await walk.exited).exitCode).toBe(0);

    await spawnBin(['done', '1.2'], { home });
    const onDone = openScreen(['walk', '--topic', '1.2']);
    await onDone.waitFor(/❯ Next topic\s+Reset\s+Add a note/);
    onDone.write(KEYS.enter);
    await onDone.waitFor(/1\.3 {2}Middleware/);
    onDone.write(KEYS.escape);
    expect((await onDone.exited).exitCode).toBe(0);
  });
});
