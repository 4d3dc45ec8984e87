import { createUpgradeKitServer, type UpgradeKitServer } from '../handler.js';
import type { UpgradeKitServerOptions } from '../options.js';
import type { StoreKind, UpgradeKitStore } from '../store/types.js';
import { CONFIG } from './config.js';
import { openStore } from './stores.js';

export const WRITE_KEY = 'wk_acme';
export const ADMIN = 'admin-token-for-tests';
export const ORIGIN = 'https://app.example.com';
export const BASE = 'http://upgradekit.test';

export interface CallOptions {
  /** A JSON value (sent as JSON) or a string (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
  /** The write key header. Default: none. */
  key?: string;
  /** Send the admin token (or this token). */
  admin?: boolean | string;
}

export interface TestServer {
  store: UpgradeKitStore;
  handler: UpgradeKitServer;
  /** Calls the handler as a client would, and reads the answer's JSON (or `null` for an empty body). */
  call(method: string, path: string, options?: CallOptions): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export function request(method: string, path: string, { body, headers = {}, key, admin }: CallOptions = {}): Request {
  const all: Record<string, string> = { ...headers };
  if (key) all['x-upgradekit-key'] = key;
  if (admin) all.authorization = `Bearer ${admin === true ? ADMIN : admin}`;
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    all['content-type'] ??= 'application/json';
  }
  return new Request(`${BASE}${path}`, { method, headers: all, ...(payload !== undefined && { body: payload }) });
}

/** A server over a fresh store of `kind`, with a write key for app `acme`, an admin token and the suites' config. */
export async function testServer(kind: StoreKind, options: Partial<UpgradeKitServerOptions> = {}, store?: UpgradeKitStore): Promise<TestServer> {
  const own = store ?? (await openStore(kind));
  const handler = createUpgradeKitServer({ store: own, config: CONFIG, writeKeys: { [WRITE_KEY]: { app: 'acme' } }, adminToken: ADMIN, allowedOrigins: [ORIGIN], ...options });
  await handler.ready;
  return {
    store: own,
    handler,
    async call(method, path, options) {
      const response = await handler(request(method, path, options));
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
    },
    async close() {
      await handler.close();
      if (!store) await own.close();
    },
  };
}
