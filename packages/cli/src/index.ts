/*
 * The `upgradekit` command line as a module: `main(argv)` runs it in this process
 * (what the `upgradekit` bin does), for scripts and benchmarks.
 */
export { COMMANDS, main } from './main.js';
export type { Command } from './commands/command.js';
export type { Io } from './io.js';
export { EXIT, UsageError } from './usageError.js';
