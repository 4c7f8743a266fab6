import type { RegisterCommand } from './kit.js';
import { registerMarkCommand } from './mark.js';

/** `roadmap done`. Marks topics done (and their subtopics). */
export const registerDone: RegisterCommand = (kit) => {
  registerMarkCommand(kit, {
    name: 'done',
    status: 'done',
    description: 'mark topics done (and their subtopics)',
    examples: ['1.1', 'gorm pprof', 'web-development-apis/building-graphql-apis-using-gqlgen'],
  });
};
