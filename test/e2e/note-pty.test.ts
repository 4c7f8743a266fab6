import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnBin } from '../helpers/bin.js';
import { KEYS, PtySession } from '../helpers/pty.js';

let home: string;
let session: PtySession | undefined;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'roadmap-note-pty-'));
});
afterEach(() => {
  session?.kill();
  rmSync(home, { recursive: true, force: true });
});

/** A stand-in for vim: an "editor" program that writes the note into the file it is given, as a person would. */
function fakeEditor(text: string): string {
  const path = join(home, 'editor.sh');
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' '${text}' >> "$1"\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('roadmap note on a real terminal', () => {
  it('with no text, opens $EDITOR and saves what was written', async () => {
    session = new PtySession(['note', '2.2'], { home, env: { EDITOR: fakeEditor('Preload avoids N+1 queries'), VISUAL: '' } });
    const { exitCode } = await session.exited;
    expect(session.text).toContain('Noted on 2.2 Working with ORM libraries');
    expect(exitCode).toBe(0);
    const show = await spawnBin(['show', '2.2', '--json'], { home });
    expect((JSON.parse(show.stdout) as { notes: Array<{ text: string }> }).notes.map((n) => n.text)).toEqual(['Preload avoids N+1 queries']);
  });

  it('Ctrl+C at a prompt before the editor is a clean exit 130 and saves nothing', async () => {
    // With no topic given the picker asks first; Ctrl+C there must not leave a note or a trace.
    session = new PtySession(['note', 'database'], { home, env: { EDITOR: fakeEditor('never') } });
    await session.waitFor('matches 6 topics. Which one?');
    session.write(KEYS.ctrlC);
    expect((await session.exited).exitCode).toBe(130);
    const log = await spawnBin(['log', '--json'], { home });
    expect((JSON.parse(log.stdout) as { total: number }).total).toBe(0);
  });
});
