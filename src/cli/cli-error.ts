/** A failure the command-line tool explains in one message; `exitCode` 2 is a usage error, 1 anything else. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
