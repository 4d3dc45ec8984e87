import { UsageError } from '../usageError.js';

/** Where `serve` and `import` keep the embedded store when `--data-dir` is not given. */
export const DEFAULT_DATA_DIR = './upgradekit-data';

/**
 * The two ways opening the server fails through no fault of ours, as one line each:
 * another process holds the data directory (the store's own message, which names
 * it and says what to do), or the address cannot be listened on (a port in use, a
 * host not on this machine). Anything else is returned as it is.
 */
export function describeStartError(error: unknown, where: { host?: string; port?: number; doing: string }): unknown {
  // By name: the store's module loads only when a command opens a store.
  if (error instanceof Error && error.name === 'DirectoryLockedError') {
    return new UsageError(`cannot ${where.doing}: ${error.message.replace(/^\[upgradekit\] /, '')}`);
  }
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === 'ENOTFOUND' && syscall === 'getaddrinfo') {
    return new UsageError(`cannot listen on ${where.host}: no such host; pass --host 127.0.0.1, or 0.0.0.0 for every interface`);
  }
  if (syscall !== 'listen') return error;
  if (code === 'EADDRINUSE') {
    return new UsageError(`port ${where.port} on ${where.host} is already in use by another program; pass another --port (or --port 0 for any free one)`);
  }
  if (code === 'EADDRNOTAVAIL') {
    return new UsageError(`cannot listen on ${where.host}: no such address on this machine; pass --host 127.0.0.1, or 0.0.0.0 for every interface`);
  }
  if (code === 'EACCES') {
    return new UsageError(`not allowed to listen on port ${where.port} (ports below 1024 need privileges); pass --port 4390 or another above 1023`);
  }
  return error;
}
