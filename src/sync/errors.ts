/**
 * Sync could not be done: git is missing, the remote cannot be reached or holds a damaged file, sync is not set up.
 * Messages are already redacted (no credential of a remote URL in them); whoever prints them makes them inert.
 */
export class SyncError extends Error {
  constructor(
    message: string,
    /** What the user can do about it, in one sentence. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
