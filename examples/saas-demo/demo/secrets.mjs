import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The demo server's write key and admin token, made on the first run and kept in
 * its data directory, so that the cockpit stays signed in across restarts.
 * `UPGRADEKIT_ADMIN_TOKEN` wins when set.
 *
 * @param {string} dataDir
 * @returns {Promise<{ writeKey: string, adminToken: string }>}
 */
export async function demoSecrets(dataDir) {
  const path = join(dataDir, 'demo-secrets.json');
  let kept = null;
  try {
    kept = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    // First run, or an unreadable file: make new ones.
  }
  const secrets = {
    writeKey: typeof kept?.writeKey === 'string' ? kept.writeKey : `wk_demo_${randomBytes(9).toString('base64url')}`,
    adminToken: typeof kept?.adminToken === 'string' ? kept.adminToken : randomBytes(18).toString('base64url'),
  };
  if (kept?.writeKey !== secrets.writeKey || kept?.adminToken !== secrets.adminToken) await writeFile(path, `${JSON.stringify(secrets)}\n`, { mode: 0o600 });
  return { ...secrets, adminToken: process.env.UPGRADEKIT_ADMIN_TOKEN || secrets.adminToken };
}
