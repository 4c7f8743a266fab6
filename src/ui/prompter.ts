import type { IO } from '../context.js';

/** The questions commands may ask; tests script the answers. */
export interface Prompter {
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** Opens the user's editor ($VISUAL / $EDITOR) on `initial` and returns what they saved. */
  editor(message: string, initial?: string): Promise<string>;
}

/** Prompts through @inquirer/prompts, loaded only when a question is actually asked. */
export function createInquirerPrompter(io: IO): Prompter {
  const context = { input: io.stdin, output: io.stderr as NodeJS.WritableStream };
  return {
    async confirm(message, defaultValue) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message, default: defaultValue }, context);
    },
    async editor(message, initial = '') {
      const { editor } = await import('@inquirer/prompts');
      // waitForUserInput: false opens the editor at once; the message still tells what is being edited.
      return editor({ message, default: initial, waitForUserInput: false, postfix: '.md' }, context);
    },
  };
}
