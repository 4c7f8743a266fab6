/**
 * The UTF-16 code unit at `i`, or -1 outside the text. `charCodeAt` gives NaN there, and V8's optimised code for a
 * read that has never gone past the end is thrown away the first time one does (a deopt), then compiled again:
 * every such read site in the lexer's hot loops cost a first read one more compile of its function. Equal to
 * `charCodeAt` under `===` and `!==` with any code unit; callers that compare with `<` or `>` check the end first.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}
