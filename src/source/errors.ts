/** A roadmap that cannot be read at all: a missing file, a folder, no permission, a terminal for standard input. */
export class SourceError extends Error {
  constructor(
    message: string,
    /** What the user can do about it, in one sentence. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}
