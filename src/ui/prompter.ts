import type { IO } from './streams.js';

type Prompts = typeof import('@inquirer/prompts');
type PromptContext = NonNullable<Parameters<Prompts['confirm']>[1]>;

/** The user left a prompt: Ctrl+C (`interrupt`) or Escape (`escape`). Nothing was changed. */
export class PromptCancelled extends Error {
  constructor(readonly how: 'interrupt' | 'escape') {
    super('cancelled, nothing was changed');
    this.name = 'PromptCancelled';
  }
}

export interface PromptChoice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
}

/** How a multi-pick list starts and narrows. */
export interface PickManyOptions {
  /** Indices of the choices that match what was typed, in display order. */
  filter: (term: string) => readonly number[];
  /** Index of the choice the cursor starts on. */
  initial: number;
}

/** The questions commands may ask; tests script the answers. Every method rejects with PromptCancelled on Ctrl+C or Escape. */
export interface Prompter {
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** One of a list; `clear` removes the question from the screen once it is answered or cancelled. */
  select<T>(message: string, choices: ReadonlyArray<PromptChoice<T>>, defaultValue?: T, options?: { clear?: boolean }): Promise<T>;
  /** A list filtered as the user types; `source` gives the choices for a term. */
  search<T>(message: string, source: (term: string) => ReadonlyArray<PromptChoice<T>>): Promise<T>;
  /** Several of a list: Space ticks, typing filters, Enter confirms (the entry under the cursor when none is ticked). */
  pickMany<T>(message: string, choices: ReadonlyArray<PromptChoice<T>>, options: PickManyOptions): Promise<T[]>;
  input(message: string, defaultValue?: string): Promise<string>;
  /** Opens `text` in the user's editor ($VISUAL, $EDITOR, or a fallback) and returns what was saved. */
  editor(message: string, text?: string): Promise<string>;
}

/** Prompts through @inquirer/prompts on stderr, loaded only when a question is actually asked. */
export function createInquirerPrompter(io: IO, env: NodeJS.ProcessEnv = process.env): Prompter {
  const ask = async <T>(run: (prompts: Prompts, context: PromptContext) => Promise<T>, clear = false): Promise<T> => {
    const prompts = await import('@inquirer/prompts');
    const controller = new AbortController();
    // A lone ESC byte is the Escape key (arrow keys arrive as ESC [ ...): it cancels like Ctrl+C, but as a choice to leave.
    const onData = (chunk: Buffer | string): void => {
      if (chunk.toString() === '\u001b') controller.abort();
    };
    io.stdin.on('data', onData);
    try {
      return await run(prompts, { input: io.stdin, output: (io.stderr.nodeStream ?? io.stderr) as NodeJS.WritableStream, signal: controller.signal, clearPromptOnDone: clear });
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortPromptError') throw new PromptCancelled('escape');
      if (error instanceof Error && error.name === 'ExitPromptError') throw new PromptCancelled('interrupt');
      throw error;
    } finally {
      io.stdin.off('data', onData);
      io.stdin.pause();
    }
  };
  return {
    confirm: (message, defaultValue) => ask((p, context) => p.confirm({ message, default: defaultValue }, context)),
    select: <T>(message: string, choices: ReadonlyArray<PromptChoice<T>>, defaultValue?: T, options: { clear?: boolean } = {}) =>
      ask(
        (p, context) => p.select<T>({ message, choices: [...choices], pageSize: 10, loop: false, ...(defaultValue === undefined ? {} : { default: defaultValue }) }, context),
        options.clear,
      ),
    search: <T>(message: string, source: (term: string) => ReadonlyArray<PromptChoice<T>>) =>
      ask((p, context) => p.search<T>({ message, source: (term) => [...source(term ?? '')], pageSize: 12 }, context)),
    input: (message, defaultValue) => ask((p, context) => p.input({ message, ...(defaultValue === undefined ? {} : { default: defaultValue }) }, context)),
    pickMany: async <T>(message: string, choices: ReadonlyArray<PromptChoice<T>>, options: PickManyOptions) => {
      const { multiPick } = await import('./multi-pick.js');
      const picked = await ask((_p, context) =>
        multiPick({ message, choices: choices.map((c) => ({ name: c.name, short: c.name.split(/\s+/)[0] ?? c.name, ...(c.description === undefined ? {} : { description: c.description }) })), ...options }, context),
      );
      return picked.flatMap((i) => (choices[i] ? [choices[i].value] : []));
    },
    editor: async (message, text = '') => {
      // Loaded only when a note is written in the editor: it brings child_process, os and fs.
      const { editText } = await import('./launch/editor.js');
      return editText(text, env, 'give the note text on the command line: roadmap note <topic> "text"', (program) => {
        io.stderr.write(`${message}: opening ${program}; save and close it to keep the note.\n`);
      });
    },
  };
}
