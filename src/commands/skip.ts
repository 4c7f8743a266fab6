import type { RegisterCommand } from './kit.js';
import { registerMarkCommand } from './mark.js';

/** `roadmap skip`. Marks topics skipped: they leave the total and `next` passes them by. */
export const registerSkip: RegisterCommand = (kit) => {
  registerMarkCommand(kit, {
    name: 'skip',
    status: 'skipped',
    description: 'skip topics you already know or do not need (they leave the total)',
    examples: ['2.3', 'nosql graphql'],
  });
};
