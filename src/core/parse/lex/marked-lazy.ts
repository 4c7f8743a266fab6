import type { Lexer } from 'marked';

type LexerClass = typeof Lexer;
let loaded: LexerClass | undefined;

/**
 * marked's Lexer, loaded on first use, so that a document the fast lexer takes whole never evaluates marked: its
 * module builds a few hundred regular expressions when it runs, about 7 ms of a first read. The bundler turns this
 * require into a lazy initialiser of the bundled module.
 */
export function markedLexer(): LexerClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('marked') as typeof import('marked')).Lexer;
  return loaded;
}

/** Whether marked was loaded in this process (for tests). */
export function markedLoaded(): boolean {
  return loaded !== undefined;
}
