import { SDK_VERSION } from '@upgradekit/core';
import type { Command } from './commands/command.js';
import { importCommand } from './commands/import.js';
import { reportCommand } from './commands/report.js';
import { sampleCommand } from './commands/sample.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { simulateCommand } from './commands/simulate.js';
import { validateCommand } from './commands/validate.js';
import { processIo, write, type Io } from './io.js';
import { EXIT, UsageError } from './usageError.js';
import { cliVersion } from './version.js';

/** Every subcommand, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [validateCommand, schemaCommand, sampleCommand, simulateCommand, reportCommand, serveCommand, importCommand];

function programHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const commands = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `upgradekit — tune upgrade prompts without a redeploy

Usage: upgradekit <command> [options]

Commands:
${commands}

Options:
  -h, --help      help for the program, or for a command: upgradekit report --help
  -v, --version   print the version

Exit codes: 0 done; 1 done, but the input had problems (config errors, malformed
event lines that were skipped or refused); 2 not run (bad flags, a missing file, an
unknown command, a data directory or port in use).
`;
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    await write(io.stdout, topic ? topic.help : programHelp());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    await write(io.stdout, `upgradekit ${cliVersion()} (core ${SDK_VERSION})\n`);
    return EXIT.ok;
  }
  if (name === undefined) throw new UsageError('missing command (see upgradekit --help)');
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command ${JSON.stringify(name)}`;
    throw new UsageError(`${what}; commands: ${COMMANDS.map((candidate) => candidate.name).join(', ')} (see upgradekit --help)`);
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    throw error instanceof UsageError && error.command === undefined ? new UsageError(error.message, command.name) : error;
  }
}

/**
 * Runs the `upgradekit` command line with `argv` (without `node` and the script)
 * and resolves with the exit code (see `EXIT`). Usage errors are one line on stderr.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      await write(io.stderr, `upgradekit${error.command ? ` ${error.command}` : ''}: ${error.message}\n`);
      return EXIT.usage;
    }
    // Anything else is a bug of ours: say so, with the stack to report it by.
    await write(io.stderr, `upgradekit: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.problems;
  }
}
