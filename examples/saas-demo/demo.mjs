#!/usr/bin/env node
// `npm run demo`: the demo app and the UpgradeKit server it reports to, with the
// cockpit, on this machine. See README.md.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './demo/buildApp.mjs';
import { startServe } from '../../scripts/upgradekitProcess.mjs';
import { writeDemoConfig } from './demo/demoConfig.mjs';
import { demoSecrets } from './demo/secrets.mjs';
import { seedOnce } from './demo/seed.mjs';
import { startServer as startStatic } from './serve.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
/** The app the demo's write key and its seeded history belong to. */
const APP = 'acme-projects';
/** How many ports after the server's requested one to try when it is taken. */
const PORT_ATTEMPTS = 20;

/** `upgradekit serve` on `port`, or the next free one when that is taken (port 0 picks any). */
async function serveFrom(port, args) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startServe(['--port', String(port === 0 ? 0 : port + attempt), ...args], { echoStderr: true });
    } catch (error) {
      if (port === 0 || attempt + 1 >= PORT_ATTEMPTS || !/already in use by another program/.test(error.message)) throw error;
    }
  }
}

/**
 * Starts the demo: seeds the store once, serves the app (listening first, so the
 * server can allow its origin), starts `upgradekit serve` with the demo's config,
 * a write key and that origin, then builds the app with its HTTP sink pointed at
 * the server. Ports 0 pick free ones.
 *
 * @param {{ dataDir?: string, appPort?: number, serverPort?: number, outDir?: string, log?: (line: string) => void }} [options]
 */
export async function startDemo({ dataDir = here('./upgradekit-data'), appPort = 4173, serverPort = 4390, outDir = here('./dist'), log = console.log } = {}) {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const configPath = await writeDemoConfig(join(dir, 'demo-config.json'));
  const secrets = await demoSecrets(dir);
  const seed = await seedOnce({ dataDir: dir, configPath, app: APP, log });
  const app = await startStatic({ root: outDir, port: appPort, requireBuilt: false });
  const appOrigin = new URL(app.url).origin;
  let server;
  try {
    server = await serveFrom(serverPort, ['--data-dir', dir, '--config', configPath, '--write-key', secrets.writeKey, '--app', APP, '--admin-token', secrets.adminToken, '--allowed-origin', appOrigin]);
    await buildApp({ outDir, collector: `${server.url}/api/events?key=${encodeURIComponent(secrets.writeKey)}` });
  } catch (error) {
    await Promise.all([app.close(), server?.stop()]);
    throw error;
  }
  return {
    appUrl: app.url,
    cockpitUrl: `${server.url}/`,
    apiUrl: `${server.url}/api`,
    adminToken: secrets.adminToken,
    dataDir: dir,
    seed,
    /** Resolves when the server stops by itself (it crashed, or was killed). */
    serverExited: server.exited,
    close: () => Promise.all([app.close(), server.stop()]).then(() => undefined),
  };
}

const portOf = (name, fallback) => {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${text}"`);
  return port;
};

async function main() {
  const began = performance.now();
  const demo = await startDemo({ appPort: portOf('PORT', 4173), serverPort: portOf('UPGRADEKIT_PORT', 4390), dataDir: process.env.UPGRADEKIT_DATA_DIR || undefined });
  const seeded = demo.seed.seeded ? `seeded now with ${demo.seed.events.toLocaleString('en-US')} events in ${(demo.seed.ms / 1000).toFixed(1)} s` : `seeded on an earlier run (history from ${demo.seed.start})`;
  console.log(`
Acme Projects (the demo app): ${demo.appUrl}
UpgradeKit cockpit:           ${demo.cockpitUrl}
  Admin token (to sign in):   ${demo.adminToken}
  Data:                       ${demo.dataDir}, ${seeded}
Ready in ${((performance.now() - began) / 1000).toFixed(1)} s. Press Ctrl-C to stop both.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await demo.close();
    console.log(`Stopped. The data stays in ${demo.dataDir}; the next run starts from it.`);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  void demo.serverExited.then(async ({ code }) => {
    if (stopping) return;
    console.error(`The UpgradeKit server stopped (exit code ${code}); stopping the demo.`);
    stopping = true;
    await demo.close();
    process.exit(1);
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
