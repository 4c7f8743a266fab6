import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/width.js';
import { spawnBin } from '../helpers/bin.js';
import { PtySession } from '../helpers/pty.js';

let home: string;
let sessions: PtySession[] = [];
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'roadmap-content-'));
  sessions = [];
});
afterEach(() => {
  for (const s of sessions) s.kill();
  rmSync(home, { recursive: true, force: true });
});

/** Runs the built bin in a real terminal of `cols` columns until it exits; returns what it drew. */
async function inTerminal(args: string[], cols: number, env: NodeJS.ProcessEnv = {}): Promise<PtySession> {
  const s = new PtySession(args, { home, cols, env });
  sessions.push(s);
  const { exitCode } = await s.exited;
  expect(exitCode, s.text).toBe(0);
  return s;
}

const lines = (s: PtySession): string[] => s.text.split(/\r?\n/).filter((l) => l !== '');

/** The bundled topic with the longest description, as show --json gives it. */
async function longest(): Promise<{ number: string; description: string }> {
  const all = JSON.parse((await spawnBin(['list', '--json', 'number,description'], { home })).stdout) as Array<{ number: string; description: string | null }>;
  const best = all.reduce((a, b) => ((b.description ?? '').length > (a.description ?? '').length ? b : a));
  return { number: best.number, description: best.description ?? '' };
}

/** Words of the description as shown: joined over lines, none of them cut (all fit in 40 columns). */
function expectWordsWhole(shown: string[], description: string): void {
  const words = description.split(/\s+/).filter(Boolean);
  expect(words.every((w) => displayWidth(w) <= 40)).toBe(true);
  const text = ` ${shown.join(' ').replace(/\s+/g, ' ')} `;
  expect(text).toContain(` ${words.join(' ')} `);
}

describe('roadmap show in a real terminal', () => {
  it('a 40-column terminal: no line wider than 40 columns, and no word of the description split', async () => {
    const t = await longest();
    expect(t.description.length).toBeGreaterThan(200);
    const show = await inTerminal(['show', t.number], 40);
    const shown = lines(show);
    for (const line of shown) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
    expectWordsWhole(shown, t.description);
  });

  it('COLUMNS=40 in a wider terminal lays out for 40 columns, as ls and git read it', async () => {
    const t = await longest();
    const show = await inTerminal(['show', t.number], 120, { COLUMNS: '40' });
    const shown = lines(show);
    for (const line of shown) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
    expectWordsWhole(shown, t.description);
  });

  it('piped, COLUMNS is not a terminal: plain text, each paragraph on one line', async () => {
    const t = await longest();
    const r = await spawnBin(['show', t.number], { home, env: { COLUMNS: '40' } });
    expect(r.stdout).toContain(`\n${t.description}\n`);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('colour: bold title, links as OSC 8 hyperlinks; NO_COLOR: plain text and `title (url)`, still wrapped', async () => {
    const coloured = await inTerminal(['show', '1.1'], 80);
    expect(coloured.output).toContain('\u001b[1m1.1  Learn net/http package for handling HTTP requests\u001b[22m');
    expect(coloured.output).toContain('\u001b]8;;https://pkg.go.dev/net/http\u0007');
    expect(coloured.text).toContain('net/http package reference · pkg.go.dev');
    expect(coloured.text).not.toContain('(https://pkg.go.dev/net/http)');

    const plain = await inTerminal(['show', '1.1'], 80, { NO_COLOR: '1' });
    expect(plain.output).not.toContain('\u001b');
    expect(plain.text).toContain('  - net/http package reference (https://pkg.go.dev/net/http)');
    for (const line of lines(plain)) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(lines(plain).some((l) => displayWidth(l) > 70)).toBe(true);
  });

  it('next --long shows what to learn, wrapped to the terminal; plain next stays short', async () => {
    const long = await inTerminal(['next', '--long'], 60);
    expect(long.text).toContain('1.1  Learn net/http package for handling HTTP requests');
    expect(long.text).toContain('    The standard library package behind');
    expect(long.text).toContain('    Links');
    for (const line of lines(long)) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    const short = await inTerminal(['next'], 60);
    expect(short.text).not.toContain('The standard library package');
  });
});
