import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EditorError } from './editor-error.js';
import { findExecutable } from './which.js';


/** Tried in this order when neither $VISUAL nor $EDITOR is set: Debian's chosen editor, then two found almost everywhere. */
export const FALLBACK_EDITORS = ['editor', 'nano', 'vi'] as const;

export interface EditorChoice {
  /** The program and its own arguments (`code --wait`). */
  command: string[];
  /** Where it came from, for messages. */
  from: '$VISUAL' | '$EDITOR' | 'fallback';
}

/** $VISUAL, else $EDITOR (split on spaces: `code --wait`), else the first of FALLBACK_EDITORS on $PATH (notepad on Windows). */
export function chooseEditor(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): EditorChoice | undefined {
  for (const name of ['VISUAL', 'EDITOR'] as const) {
    const words = (env[name] ?? '').trim().split(/\s+/).filter(Boolean);
    if (words.length > 0) return { command: words, from: `$${name}` };
  }
  if (platform === 'win32') return { command: ['notepad'], from: 'fallback' };
  const found = FALLBACK_EDITORS.find((e) => findExecutable(e, env));
  return found ? { command: [found], from: 'fallback' } : undefined;
}

/**
 * Opens `initial` in the user's editor on the terminal and returns the saved text. The file lives in a fresh private
 * folder and is removed afterwards; the editor gets the file's path as its last argument, never through a shell.
 */
export async function editText(initial: string, env: NodeJS.ProcessEnv, hint: string, onStart: (program: string) => void = () => undefined): Promise<string> {
  const editor = chooseEditor(env);
  if (!editor) {
    throw new EditorError(`no editor found: $VISUAL and $EDITOR are not set, and none of ${FALLBACK_EDITORS.join(', ')} is installed`, `set one (export EDITOR=nano), or ${hint}`);
  }
  const [program = '', ...args] = editor.command;
  const path = findExecutable(program, env);
  if (!path) throw new EditorError(`cannot start the editor "${program}" (from ${editor.from}): it is not installed or not on $PATH`, `set ${editor.from === 'fallback' ? '$EDITOR' : editor.from} to an editor you have, or ${hint}`);
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-note-'));
  const file = join(dir, 'note.md');
  try {
    writeFileSync(file, initial, { mode: 0o600 });
    // The prompts before may have left the terminal in raw mode; the editor needs it as the shell leaves it.
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    onStart(program);
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(path, [...args, file], { stdio: 'inherit', env });
      child.on('error', reject);
      child.on('exit', (exitCode) => {
        resolve(exitCode);
      });
    });
    if (code !== 0) throw new EditorError(`the editor (${program}) exited with code ${String(code)}; nothing was saved`, hint);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
