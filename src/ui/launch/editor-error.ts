/** The editor could not be found, started, or it failed. The message says which, the hint what to do. */
export class EditorError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'EditorError';
  }
}
