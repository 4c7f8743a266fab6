import type { IO } from '../context.js';

/** The questions commands may ask; tests script the answers. */
export interface Prompter {
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
}

/** Prompts through @inquirer/prompts, loaded only when a question is actually asked. */
export function createInquirerPrompter(io: IO): Prompter {
  return {
    async confirm(message, defaultValue) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm(
        { message, default: defaultValue },
        { input: io.stdin, output: io.stderr as NodeJS.WritableStream },
      );
    },
  };
}
