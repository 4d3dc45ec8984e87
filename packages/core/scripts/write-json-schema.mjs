// Writes the config's JSON Schema next to the build, so a config file can say
// "$schema": "./node_modules/@upgradekit/core/dist/config.schema.json" and get
// autocomplete and validation in editors.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/config/jsonSchema.js';

writeFileSync(new URL('../dist/config.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
