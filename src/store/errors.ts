/**
 * Progress that cannot be read or saved: an unreadable or too new progress file, a failed write, a lock that could
 * not be taken. Messages name raw paths; whoever prints them makes them inert.
 */
export class StoreError extends Error {
  constructor(
    message: string,
    /** What the user can do about it, in one sentence. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
