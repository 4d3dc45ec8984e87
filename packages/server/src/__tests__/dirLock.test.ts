import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { LOCK_FILE, lockDirectory } from '../store/dirLock.js';
import { createPgliteStore } from '../store/pglite.js';
import { pgliteDir } from './stores.js';

const run = promisify(execFile);
const openInChild = async (dataDir: string) => (await run(process.execPath, [inject('childScript'), 'open'], { env: { ...process.env, DATA_DIR: dataDir } })).stdout.trim();

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('the data directory lock', () => {
  it('refuses a second process with a message that names the first, and lets it in once the first closes', async () => {
    const dataDir = pgliteDir();
    const store = await createPgliteStore({ dataDir });
    const refused = await openInChild(dataDir);
    expect(refused).toMatch(new RegExp(`^ERROR \\[upgradekit\\] the data directory ${dataDir} is in use by process ${process.pid} on ${hostname()}: ".*node.*", since \\d{4}-`));
    expect(refused).toContain(`delete ${join(dataDir, LOCK_FILE)}`);
    // A second store in this very process is refused too: PGlite would lose writes the same way.
    await expect(createPgliteStore({ dataDir })).rejects.toThrow('in use by this process');
    await store.close();
    expect(await openInChild(dataDir)).toBe('OPENED');
  });

  it('takes over a lock whose process is gone, or a file that is not a lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'upgradekit-lock-'));
    const path = join(dir, LOCK_FILE);
    writeFileSync(path, JSON.stringify({ pid: deadPid(), host: hostname(), command: 'node serve', since: '2026-01-01T00:00:00.000Z' }));
    const lock = lockDirectory(dir);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(path)).toBe(false);
    writeFileSync(path, 'half a lock fi');
    lockDirectory(dir).release();
    expect(existsSync(path)).toBe(false);
  });

  it('counts a lock taken on another machine (a shared disk) as held', () => {
    const dir = mkdtempSync(join(tmpdir(), 'upgradekit-lock-'));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: 'build-server-2', command: 'upgradekit serve', since: '2026-01-01T00:00:00.000Z' }));
    expect(() => lockDirectory(dir)).toThrow(/in use by process \d+ on build-server-2: "upgradekit serve"/);
  });

  it('releases only its own lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'upgradekit-lock-'));
    const lock = lockDirectory(dir);
    const theirs = JSON.stringify({ pid: process.pid + 1, host: hostname(), command: 'other', since: 'now' });
    writeFileSync(join(dir, LOCK_FILE), theirs);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(theirs);
  });
});
