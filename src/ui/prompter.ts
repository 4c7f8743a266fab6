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

/** The questions commands may ask; tests script the answers. Every method rejects with PromptCancelled on Ctrl+C or Escape. */
export interface Prompter {
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  select<T>(message: string, choices: ReadonlyArray<PromptChoice<T>>, defaultValue?: T): Promise<T>;
  /** A list filtered as the user types; `source` gives the choices for a term. */
  search<T>(message: string, source: (term: string) => ReadonlyArray<PromptChoice<T>>): Promise<T>;
  input(message: string, defaultValue?: string): Promise<string>;
  editor(message: string, defaultValue?: string): Promise<string>;
}

/** Prompts through @inquirer/prompts on stderr, loaded only when a question is actually asked. */
export function createInquirerPrompter(io: IO): Prompter {
  const ask = async <T>(run: (prompts: Prompts, context: PromptContext) => Promise<T>): Promise<T> => {
    const prompts = await import('@inquirer/prompts');
    const controller = new AbortController();
    // A lone ESC byte is the Escape key (arrow keys arrive as ESC [ ...): it cancels like Ctrl+C, but as a choice to leave.
    const onData = (chunk: Buffer | string): void => {
      if (chunk.toString() === '\u001b') controller.abort();
    };
    io.stdin.on('data', onData);
    try {
      return await run(prompts, { input: io.stdin, output: io.stderr as NodeJS.WritableStream, signal: controller.signal, clearPromptOnDone: false });
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
    select: <T>(message: string, choices: ReadonlyArray<PromptChoice<T>>, defaultValue?: T) =>
      ask((p, context) =>
        p.select<T>({ message, choices: [...choices], pageSize: 10, loop: false, ...(defaultValue === undefined ? {} : { default: defaultValue }) }, context),
      ),
    search: <T>(message: string, source: (term: string) => ReadonlyArray<PromptChoice<T>>) =>
      ask((p, context) => p.search<T>({ message, source: (term) => [...source(term ?? '')], pageSize: 12 }, context)),
    input: (message, defaultValue) => ask((p, context) => p.input({ message, ...(defaultValue === undefined ? {} : { default: defaultValue }) }, context)),
    editor: (message, defaultValue) =>
      ask((p, context) => p.editor({ message, ...(defaultValue === undefined ? {} : { default: defaultValue }), waitForUserInput: false }, context)),
  };
}
