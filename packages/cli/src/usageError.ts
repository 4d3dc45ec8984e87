/**
 * A mistake in how the command was called (an unknown flag, a missing file, a
 * config that does not validate): reported as one line on stderr, exit code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The subcommand it happened in, for the prefix of the line: `upgradekit report: ...`. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** Exit codes, as scripts and CI read them. */
export const EXIT = {
  /** Done; nothing was skipped. */
  ok: 0,
  /** Done, but the input had problems: config errors (`validate`), or malformed event lines that were skipped. */
  problems: 1,
  /** Not run: bad flags, a missing or unreadable file, an unknown subcommand. */
  usage: 2,
} as const;
