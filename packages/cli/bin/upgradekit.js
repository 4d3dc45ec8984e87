#!/usr/bin/env node
// The `upgradekit` command. A file of its own outside dist/, so that npm links the
// command when it installs the workspace, before anything is built.
import '../dist/bin.js';
