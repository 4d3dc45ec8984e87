#!/usr/bin/env node
import { main } from './main.js';

// The exit code is set rather than forced, so pending output is written out first.
process.exitCode = await main(process.argv.slice(2));
