import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUpgradeKitServer, type UpgradeKitServer } from '../handler.js';
import type { UpgradeKitServerOptions } from '../options.js';
import { createPgliteStore } from '../store/pglite.js';
import { createPostgresStore } from '../store/postgres.js';
import type { UpgradeKitStore } from '../store/types.js';
import { toNodeListener } from './listener.js';

export interface StartServerOptions extends Omit<UpgradeKitServerOptions, 'store'> {
  /** The embedded store's data directory (PGlite). One of `dataDir` and `connectionString`; default: `./upgradekit-data`. */
  dataDir?: string | undefined;
  /** A PostgreSQL connection string: the production store instead of the embedded one. */
  connectionString?: string | undefined;
  /** Default: `4390`; `0` picks a free port. */
  port?: number | undefined;
  /** Default: `'127.0.0.1'`, this machine only. */
  host?: string | undefined;
  /** A directory served at `/` (the cockpit's build). Default: none. */
  staticDir?: string | undefined;
}

export interface StartedServer {
  /** Where it listens, e.g. `http://127.0.0.1:4390`. */
  url: string;
  /** Where the data lives: the data directory, or the connection string without its password. */
  dataLocation: string;
  store: UpgradeKitStore;
  handler: UpgradeKitServer;
  http: Server;
  /** Stops listening, the handler's timers and the store, in that order. */
  close(): Promise<void>;
}

/**
 * Starts the server on `node:http` with the embedded store (or PostgreSQL), for
 * `upgradekit serve` and demos. Prints nothing: the caller says where it is, from
 * `url` and `dataLocation`. Rejects when the port is taken or another process holds
 * the data directory (`DirectoryLockedError`, naming it).
 */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const { dataDir, connectionString, port = 4390, host = '127.0.0.1', staticDir, ...serverOptions } = options;
  if (dataDir !== undefined && connectionString !== undefined) throw new Error('[upgradekit] startServer takes dataDir or connectionString, not both');
  const store = connectionString ? await createPostgresStore({ connectionString, onWarning: serverOptions.onWarning }) : await createPgliteStore({ dataDir: dataDir ?? 'upgradekit-data' });
  let handler: UpgradeKitServer | undefined;
  try {
    handler = createUpgradeKitServer({ ...serverOptions, store });
    const http = createServer(toNodeListener(handler, { staticDir, prefix: serverOptions.prefix ?? '/api' }));
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    await handler.ready;
    const address = http.address() as AddressInfo;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const started = handler;
    return {
      url: `http://${shown}:${address.port}`,
      dataLocation: store.location,
      store,
      handler: started,
      http,
      async close() {
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        });
        await started.close();
        await store.close();
      },
    };
  } catch (error) {
    await handler?.close();
    await store.close();
    throw error;
  }
}
