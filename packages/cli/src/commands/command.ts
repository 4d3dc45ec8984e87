import type { Io } from '../io.js';

/** One subcommand: its name, a line for the program's help, its own help, and what it does. */
export interface Command {
  name: string;
  summary: string;
  /** The text `upgradekit <name> --help` prints. */
  help: string;
  /** Runs with the arguments after the subcommand's name; resolves with the exit code. */
  run(argv: readonly string[], io: Io): Promise<number>;
}
