import { hostname } from 'node:os';
import { join } from 'node:path';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

/*
 * PGlite has no lock of its own: two processes on one data directory both open
 * it, and one's writes are silently lost. This lock file makes the second opener
 * fail with the first one's name. It is created with link(2), which fails when the
 * file exists, so its content is complete when it appears; a lock left by a process
 * that died (a SIGKILL, a crash) is taken over once that process is gone.
 */

export const LOCK_FILE = 'upgradekit.lock';

interface Holder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface DirectoryLock {
  /** Where the lock file is. */
  path: string;
  /** Removes the lock file, if it is still this lock's. */
  release(): void;
}

/** Thrown when another process, or this one, holds the data directory. */
export class DirectoryLockedError extends Error {
  readonly holder: Holder;
  constructor(dir: string, holder: Holder, lockPath: string) {
    const who = holder.pid === process.pid && holder.host === hostname() ? 'this process (a store on it is open already)' : `process ${holder.pid} on ${holder.host}`;
    super(
      `[upgradekit] the data directory ${dir} is in use by ${who}: "${holder.command}", since ${holder.since}. ` +
        `Stop that server or use another data directory; if that process is gone, delete ${lockPath}.`,
    );
    this.name = 'DirectoryLockedError';
    this.holder = holder;
  }
}

function isAlive(holder: Holder): boolean {
  // A process on another machine (a shared disk) cannot be checked: it counts as alive.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): { text: string; holder: Holder | null } | null {
  try {
    const text = readFileSync(path, 'utf8');
    try {
      const value = JSON.parse(text) as Partial<Holder>;
      return { text, holder: typeof value.pid === 'number' && typeof value.host === 'string' ? (value as Holder) : null };
    } catch {
      return { text, holder: null };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Moves a dead process's lock aside, unless another opener replaced it meanwhile
 * (then it is put back, and the next attempt finds it).
 */
function removeStale(path: string, staleText: string): void {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readFileSync(aside, 'utf8') === staleText) return unlinkSync(aside);
  try {
    linkSync(aside, path);
  } finally {
    unlinkSync(aside);
  }
}

/** Takes the exclusive lock of `dir` (created if missing), or throws a `DirectoryLockedError` naming its holder. */
export function lockDirectory(dir: string): DirectoryLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const own: Holder = { pid: process.pid, host: hostname(), command: process.argv.join(' ').slice(0, 300), since: new Date().toISOString() };
  const text = JSON.stringify(own);
  const temp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(temp, text);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(temp, path);
        return { path, release: () => releaseLock(path, text) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = readHolder(path);
      if (!current) continue;
      if (current.holder && isAlive(current.holder)) throw new DirectoryLockedError(dir, current.holder, path);
      // A dead process's lock, or a file that is not a lock at all: ours to replace.
      removeStale(path, current.text);
    }
    throw new Error(`[upgradekit] could not lock the data directory ${dir}: other processes keep taking ${path}; try again`);
  } finally {
    unlinkSync(temp);
  }
}

function releaseLock(path: string, text: string): void {
  try {
    if (readFileSync(path, 'utf8') === text) unlinkSync(path);
  } catch {
    // Gone already: nothing to release.
  }
}
