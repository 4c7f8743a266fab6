/** Quotes text as one POSIX shell word, so a command shown to the user can be pasted as it is. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
