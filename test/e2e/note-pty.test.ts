import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('the editor for notes', () => {
  /** A folder to use as the whole $PATH, holding only the scripts a test puts in it. */
  const pathWith = (scripts: Record<string, string>): string => {
    const dir = join(home, 'path');
    mkdirSync(dir, { recursive: true });
    for (const [name, body] of Object.entries(scripts)) {
      writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(dir, name), 0o755);
    }
    return dir;
  };
  const notes = async (ref: string): Promise<string[]> =>
    ((JSON.parse((await spawnBin(['note', ref, '--list', '--json'], { home })).stdout) as { notes: Array<{ text: string }> }).notes).map((n) => n.text);

  it('opens on a header naming the topic, and saves the note without it', async () => {
    const seen = join(home, 'seen.md');
    const editor = pathWith({ 'my-editor': `cp "$1" "${seen}"\nprintf 'Preload avoids N+1\\n' >> "$1"` });
    session = new PtySession(['note', '2.2'], { home, env: { EDITOR: join(editor, 'my-editor'), VISUAL: '' } });
    expect((await session.exited).exitCode).toBe(0);
    expect(readFileSync(seen, 'utf8')).toBe(
      '<!-- roadmap: a new note on 2.2 Working with ORM libraries: GORM (for relational databases)\n     Write below this comment. It is removed when you save; an empty note is not saved. -->\n\n',
    );
    expect(await notes('2.2')).toEqual(['Preload avoids N+1']);
  });

  it('with neither $VISUAL nor $EDITOR, the first of editor, nano, vi on PATH is used', async () => {
    const path = pathWith({ nano: `printf 'written in nano\\n' >> "$1"`, vi: 'exit 1' });
    session = new PtySession(['note', '1.1'], { home, env: { PATH: path, EDITOR: '', VISUAL: '' } });
    expect((await session.exited).exitCode).toBe(0);
    expect(session.text).toContain('opening nano');
    expect(await notes('1.1')).toEqual(['written in nano']);
  });

  it.each([
    ['no editor at all', { EDITOR: '', VISUAL: '' }, 'error: no editor found: $VISUAL and $EDITOR are not set, and none of editor, nano, vi is installed', 'set one (export EDITOR=nano)'],
    ['$EDITOR names a missing program', { EDITOR: 'no-such-editor --wait', VISUAL: '' }, 'error: cannot start the editor "no-such-editor" (from $EDITOR): it is not installed or not on $PATH', 'set $EDITOR to an editor you have'],
    ['the editor fails', { EDITOR: 'false-editor', VISUAL: '' }, 'error: the editor (false-editor) exited with code 1; nothing was saved', 'give the note text on the command line'],
  ])('%s: a clear error, exit 1, nothing saved', async (_name, env, message, hint) => {
    const path = pathWith({ 'false-editor': 'exit 1' });
    session = new PtySession(['note', '1.1'], { home, env: { PATH: path, ...env } });
    expect((await session.exited).exitCode).toBe(1);
    expect(session.text).toContain(message);
    expect(session.text).toContain(hint);
    expect(session.text).not.toMatch(/\n\s+at /);
    expect(await notes('1.1')).toEqual([]);
  });
});
