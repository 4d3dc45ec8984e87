#!/usr/bin/env node
// `npm run size:compare`: what UpgradeKit costs a host next to the SDKs people compare
// it with. Every package, ours included, is installed from an npm tarball into a fresh
// temp project, so the figures are for what is (or would be) published, not for the
// workspace. Needs the network, so it is not part of CI; it writes nothing to the repo.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
// The esbuild the repo already installs (the one size-limit uses), resolved from here.
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INSTALL = ['install', '--no-audit', '--no-fund', '--ignore-scripts'];
/** Hosts ship their own React, so nobody's figure includes it (as in .size-limit.js). */
const REACT = ['react', 'react-dom', 'react/jsx-runtime'];

/** `pkg` is the package whose version is reported; `code` is the entry file. */
const ANCHORS = [
  { label: 'autumn-js hooks: AutumnProvider + useCustomer', pkg: 'autumn-js', code: "export { AutumnProvider, useCustomer } from 'autumn-js/react';" },
  {
    label: 'GrowthBook React: GrowthBookProvider + useFeatureIsOn',
    pkg: '@growthbook/growthbook-react',
    code: "export { GrowthBookProvider, useFeatureIsOn } from '@growthbook/growthbook-react';",
  },
  {
    label: 'Schematic hooks: SchematicProvider + useSchematicEntitlement',
    pkg: '@schematichq/schematic-react',
    code: "export { SchematicProvider, useSchematicEntitlement } from '@schematichq/schematic-react';",
  },
  { label: 'Clerk wrapper: ClerkProvider + PricingTable', pkg: '@clerk/clerk-react', code: "export { ClerkProvider, PricingTable } from '@clerk/clerk-react';" },
  { label: 'Frigade: everything', pkg: '@frigade/react', code: "export * from '@frigade/react';" },
  { label: 'Schematic components: everything', pkg: '@schematichq/schematic-components', code: "export * from '@schematichq/schematic-components';" },
  { label: 'Stigg: StiggProvider + Paywall', pkg: '@stigg/react-sdk', code: "export { StiggProvider, Paywall } from '@stigg/react-sdk';" },
];

const EVERY_COMPONENT = "export * from '@upgradekit/react';\nexport { createPromptEngine } from '@upgradekit/core';";
const OURS = [
  { label: '@upgradekit/core: check', pkg: '@upgradekit/core', code: "export { check } from '@upgradekit/core';" },
  { label: '@upgradekit/core: parseConfig + check', pkg: '@upgradekit/core', code: "export { parseConfig, check } from '@upgradekit/core';" },
  {
    label: '@upgradekit/react: UpgradeKitProvider + useEntitlement + UsageMeter',
    pkg: '@upgradekit/react',
    code: "export { UpgradeKitProvider, useEntitlement, UsageMeter } from '@upgradekit/react';",
  },
  { label: '@upgradekit/react: every component + the prompt engine', pkg: '@upgradekit/react', code: EVERY_COMPONENT },
  {
    label: '@upgradekit/react: every component, in a host that already bundles zod 4 and Floating UI',
    pkg: '@upgradekit/react',
    code: EVERY_COMPONENT,
    external: ['zod', '@floating-ui/*'],
  },
];

/** Runs npm in `cwd`, capturing its output so a failure can be explained in one line. */
function npm(args, cwd) {
  const run = spawnSync('npm', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: run.status === 0, stdout: run.stdout ?? '', stderr: run.stderr ?? String(run.error ?? '') };
}

/** The first line of npm's stderr that says what went wrong (the `code` line only repeats it). */
function npmError(stderr) {
  const reason = stderr
    .split('\n')
    .map((line) => line.match(/^npm error\s+(.+)$/)?.[1].trim())
    .find((line) => line && !line.startsWith('code '));
  return reason ?? 'npm exited with an error';
}

function npmOrThrow(args, cwd) {
  const result = npm(args, cwd);
  if (!result.ok) throw new Error(`npm ${args.join(' ')} failed: ${npmError(result.stderr)}`);
  return result;
}

/**
 * Installs one spec; an anchor whose peer ranges conflict with the others' (or with
 * React 19) is retried with --legacy-peer-deps rather than dropped. Returns why it
 * failed, or undefined.
 */
function install(dir, spec) {
  let result = npm([...INSTALL, spec], dir);
  if (!result.ok && result.stderr.includes('ERESOLVE')) result = npm([...INSTALL, '--legacy-peer-deps', spec], dir);
  return result.ok ? undefined : npmError(result.stderr);
}

/**
 * Installs React 19 and then each anchor on its own, so one that cannot be installed
 * costs only its own row. `@latest` names the dist-tag explicitly: given a bare name, npm
 * picks an older version when the latest is deprecated or its `engines` exclude this Node.
 * Returns a map of package name to why it could not be installed.
 */
function installAnchors(dir) {
  npmOrThrow([...INSTALL, 'react@19', 'react-dom@19'], dir);
  const failures = new Map();
  for (const pkg of new Set(ANCHORS.map((anchor) => anchor.pkg))) {
    console.error(`installing ${pkg}@latest`);
    const why = install(dir, `${pkg}@latest`);
    if (why) {
      console.error(`  could not install ${pkg}: ${why}`);
      failures.set(pkg, why);
    }
  }
  return failures;
}

/** Packs our packages (their dist must be built) and installs the tarballs together, so react's dependency on core resolves to the local tarball. */
function installOurs(dir) {
  const tarballs = ['core', 'react'].map((name) => {
    const { stdout } = npmOrThrow(['pack', '--json', '--pack-destination', dir], join(ROOT, 'packages', name));
    return join(dir, JSON.parse(stdout)[0].filename);
  });
  console.error('installing the packed @upgradekit/core and @upgradekit/react');
  npmOrThrow([...INSTALL, ...tarballs], dir);
}

function version(dir, pkg) {
  return JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/**
 * Bundles an entry the way .size-limit.js measures ours (minified, production React
 * build, React external, every other dependency included) and returns its gzip size,
 * summed over every output file as size-limit does (a package's CSS counts too).
 */
async function gzippedBytes(dir, entry, index) {
  const entryFile = join(dir, `entry-${index}.mjs`);
  writeFileSync(entryFile, `${entry.code}\n`);
  const result = await build({
    absWorkingDir: dir,
    entryPoints: [entryFile],
    outdir: join(dir, 'out'),
    write: false,
    bundle: true,
    treeShaking: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    minifyWhitespace: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: [...REACT, ...(entry.external ?? [])],
    // Third-party packages warn a lot (side-effect hints, eval); only failures matter here.
    logLevel: 'silent',
  });
  return result.outputFiles.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).length, 0);
}

/** One table row; an entry that cannot be measured says why instead of a size. */
async function measure(dir, entry, index, failures) {
  if (failures.has(entry.pkg)) return [entry.label, '—', `not measured: install failed (${failures.get(entry.pkg)})`];
  try {
    const bytes = await gzippedBytes(dir, entry, index);
    return [entry.label, version(dir, entry.pkg), (bytes / 1000).toFixed(2)];
  } catch (error) {
    const why = error.errors?.[0]?.text ?? error.message;
    return [entry.label, version(dir, entry.pkg), `not measured: bundling failed (${why})`];
  }
}

function table(rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(['entry', 'version', 'min+gzip kB']), line(['---', '---', '---:']), ...rows.map(line)].join('\n');
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'upgradekit-size-compare-'));
  try {
    npmOrThrow(['init', '-y'], dir);
    const failures = installAnchors(dir);
    installOurs(dir);
    const rows = [];
    for (const [index, entry] of [...ANCHORS, ...OURS].entries()) rows.push(await measure(dir, entry, index, failures));
    console.log(table(rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
