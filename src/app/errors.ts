/** Exit codes, documented in the README. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  interrupted: 130,
} as const;

/** An error the user caused or can fix: it carries an exit code and a hint that says what to do next. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad invocation: unknown flag, missing argument, ambiguous reference. Exit 2. */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
  }
}

/** Something the user named does not exist (topic, section). Exit 1. */
export class NotFoundError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.failure, hint);
  }
}

/** Input a command cannot use: an export file that is not one, a note that is too long. Exit 1. */
export class InputError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.failure, hint);
  }
}

/** Ends the command with an exit code after it has already said everything itself. */
export class SilentExit extends CliError {
  constructor(exitCode: number) {
    super('', exitCode);
  }
}
