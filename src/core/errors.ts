/**
 * Text that cannot be read as a roadmap: not UTF-8, over a size or nesting limit, or too complex to read in
 * reasonable time. Core knows nothing of exit codes: the CLI decides how to report it.
 */
export class RoadmapInputError extends Error {
  constructor(
    message: string,
    /** What the user can do about it, in one sentence. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'RoadmapInputError';
  }
}
