import { createHash, timingSafeEqual } from 'node:crypto';

/*
 * Who is asking. The browser SDK sends a write key (a header, or `?key=` for
 * beacons, which cannot set headers): it names the app whose events these are, and
 * can only send events and read the config. The cockpit and the CLI send the
 * admin token, compared in constant time.
 */

/** Write keys and the app each one sends for. */
export type WriteKeys = Readonly<Record<string, { app: string }>>;

/** The app of the request's write key, or `null` when it has none or an unknown one. */
export function writeKeyApp(request: Request, url: URL, writeKeys: WriteKeys): string | null {
  const key = request.headers.get('x-upgradekit-key') ?? url.searchParams.get('key');
  if (!key || !Object.hasOwn(writeKeys, key)) return null;
  return writeKeys[key]!.app;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request carries `authorization: Bearer <adminToken>`; always `false` without a token configured. */
export function isAdmin(request: Request, adminToken: string | undefined): boolean {
  if (!adminToken) return false;
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  // Digests have one length, so the comparison takes the same time whatever was sent.
  return match !== null && timingSafeEqual(digest(match[1]!), digest(adminToken));
}
