import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/width.js';
import { KEYS, PtySession } from '../helpers/pty.js';

const CLEAR = '\u001b[H\u001b[2J';
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

let home: string;
let sessions: PtySession[] = [];
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'roadmap-redraw-'));
  sessions = [];
});
afterEach(() => {
  for (const s of sessions) s.kill();
  rmSync(home, { recursive: true, force: true });
});

/** The screens drawn so far: what follows each clear, up to the menu's question. */
function screens(walk: PtySession): string[][] {
  return walk.output
    .split(CLEAR)
    .slice(1)
    .map((s) => s.slice(0, s.indexOf('What now?')).replace(ESCAPES, '').split(/\r?\n/).slice(0, -1));
}

/** Waits until `n` screens have been drawn, each up to its menu. */
async function waitScreens(walk: PtySession, n: number): Promise<string[][]> {
  const drawn = (): boolean => walk.output.split(CLEAR)[n]?.includes('What now?') === true;
  for (let waited = 0; !drawn(); waited += 25) {
    if (waited > 10_000) throw new Error(`timed out waiting for screen ${n}; terminal:\n${walk.text}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return screens(walk);
}

/** Resizes the terminal, then chooses Skip (the third entry for a topic not started) at once, as a quick hand does. */
function resizeAndSkip(walk: PtySession, cols: number): void {
  walk.resize(cols, 50);
  walk.write(KEYS.down + KEYS.down + KEYS.enter);
}

/** What a terminal of this size shows after drawing `output` (xterm.js, headless): the visible rows, not the scrollback. */
async function visible(output: string, cols: number, rows: number): Promise<string[]> {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((resolve) => {
    term.write(output, resolve);
  });
  const buffer = term.buffer.active;
  const shown: string[] = [];
  for (let i = buffer.viewportY; i < buffer.viewportY + rows; i++) shown.push(buffer.getLine(i)?.translateToString(true) ?? '');
  term.dispose();
  return shown;
}

describe('walk redraws each screen at the width of the terminal', () => {
  it.each([80, 120])('%i columns: each screen clears the last, its divider and lines fit the terminal', async (cols) => {
    const walk = new PtySession(['walk'], { home, cols, rows: 50 });
    sessions.push(walk);
    const [first] = await waitScreens(walk, 1);
    expect(first?.[0]).toBe('─'.repeat(cols));
    expect(first).toContain(`1.1  Learn net/http package for handling HTTP requests`);
    for (const line of first ?? []) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
    // The description is wrapped to this width: each of its lines is full, its next word would not have fitted.
    const at = (first ?? []).indexOf('');
    const description = (first ?? []).slice(at + 1, (first ?? []).indexOf('', at + 1));
    expect(description[0]).toMatch(/^The standard library package behind every Go web service/);
    description.slice(0, -1).forEach((l, i) => {
      const nextWord = description[i + 1]?.split(' ')[0] ?? '';
      expect(displayWidth(l) + 1 + displayWidth(nextWord), l).toBeGreaterThan(cols);
    });

    walk.write(KEYS.enter);
    const [, second] = await waitScreens(walk, 2);
    // A new screen, not more scrolling: it starts after a clear with the divider and holds only the next topic.
    expect(second?.[0]).toBe('─'.repeat(cols));
    // As a terminal draws it: the first row is the new divider, and nothing of the first topic is left in sight.
    const onScreen = await visible(walk.output, cols, 50);
    expect(onScreen[0]).toBe('─'.repeat(cols));
    expect(onScreen.filter((l) => l.startsWith('─'))).toHaveLength(1);
    expect(onScreen).toContain('1.2  Explore Web frameworks: Gin, Echo, Fiber');
    expect(onScreen.join('\n')).not.toContain('1.1  Learn net/http');
    expect(second).toContain('1.2  Explore Web frameworks: Gin, Echo, Fiber');
    expect((second ?? []).join('\n')).not.toContain('1.1  Learn net/http');
    for (const line of second ?? []) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
    walk.write(KEYS.escape);
    expect((await walk.exited).exitCode).toBe(0);
  });

  it('follows a resize: the next screen is laid out for the new width', async () => {
    const walk = new PtySession(['walk'], { home, cols: 80, rows: 50 });
    sessions.push(walk);
    const [first] = await waitScreens(walk, 1);
    expect(first?.[0]).toBe('─'.repeat(80));
    resizeAndSkip(walk, 50);
    const [, second] = await waitScreens(walk, 2);
    expect(second?.[0]).toBe('─'.repeat(50));
    expect(second).toContain('1.2  Explore Web frameworks: Gin, Echo, Fiber');
    for (const line of second ?? []) expect(displayWidth(line), line).toBeLessThanOrEqual(50);
    resizeAndSkip(walk, 120);
    const [, , third] = await waitScreens(walk, 3);
    expect(third?.[0]).toBe('─'.repeat(120));
    walk.write(KEYS.escape);
    expect((await walk.exited).exitCode).toBe(0);
  });

  it('a resize the walk has not yet heard of: the keys typed after it still draw at the new width', async () => {
    const walk = new PtySession(['walk'], { home, cols: 80, rows: 50 });
    sessions.push(walk);
    await waitScreens(walk, 1);
    // Stopped, the walk runs nothing, as on a machine too busy to run it: the resize's SIGWINCH and the keys typed
    // after it wait together. Continued, it reads the keys before its event loop turns to the signal.
    process.kill(walk.pid, 'SIGSTOP');
    walk.resize(50, 50);
    walk.write(KEYS.down + KEYS.down + KEYS.enter);
    await new Promise((r) => setTimeout(r, 200));
    process.kill(walk.pid, 'SIGCONT');
    const [, second] = await waitScreens(walk, 2);
    expect(second?.[0]).toBe('─'.repeat(50));
    expect(second).toContain('1.2  Explore Web frameworks: Gin, Echo, Fiber');
    for (const line of second ?? []) expect(displayWidth(line), line).toBeLessThanOrEqual(50);
    walk.write(KEYS.escape);
    expect((await walk.exited).exitCode).toBe(0);
  });
});
