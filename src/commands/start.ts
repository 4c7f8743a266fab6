import type { RegisterCommand } from './kit.js';
import { registerMarkCommand } from './mark.js';

/** `roadmap start`. Marks topics in progress: `next` offers them first. */
export const registerStart: RegisterCommand = (kit) => {
  registerMarkCommand(kit, {
    name: 'start',
    status: 'in-progress',
    description: 'mark topics in progress (next offers them first)',
    examples: ['1.2', '4        # a topic with subtopics: next walks you through them'],
  });
};
