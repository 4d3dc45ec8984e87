import { configJsonSchema } from '@upgradekit/core/json-schema';
import { parseCommandArgs } from '../args.js';
import { write } from '../io.js';
import { EXIT } from '../usageError.js';
import type { Command } from './command.js';

const HELP = `Usage: upgradekit schema

Prints the config's JSON Schema (draft 2020-12) as pretty JSON on stdout, for
editor autocomplete and validation:

  upgradekit schema > upgradekit.schema.json
  then in the config: "$schema": "./upgradekit.schema.json"

Options:
  -h, --help   this help
`;

export const schemaCommand: Command = {
  name: 'schema',
  summary: "print the config's JSON Schema",
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs('schema', argv, {}, 0);
    if (args.values.help) return write(io.stdout, HELP).then(() => EXIT.ok);
    await write(io.stdout, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    return EXIT.ok;
  },
};
