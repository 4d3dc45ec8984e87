import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/** The built CLI's entry. */
export declare const BIN: string;

export interface UpgradekitRun {
  child: ChildProcess;
  /** Its exit code (or the signal that ended it), and what it printed once `collect()` was called. */
  exited: Promise<{ code: number | string | null; stdout: string }>;
  /** Starts keeping what it prints on stdout. */
  collect(): void;
}

/** `upgradekit ...args` as a child process. Default: no stdin, stderr passed through. */
export declare function upgradekit(args: readonly string[], options?: { stdin?: Readable | 'ignore'; stderr?: 'inherit' | 'pipe'; env?: NodeJS.ProcessEnv }): UpgradekitRun;

export interface Serving {
  pid: number;
  /** The URL it printed (`http://127.0.0.1:<port>`). */
  url: string;
  /** The admin token it printed. */
  adminToken: string;
  stdout(): string;
  stderr(): string;
  /** Resolves when it exits, on its own or stopped. */
  exited: Promise<{ code: number | string | null; stdout: string; stderr: string }>;
  /** Sends `signal` (default SIGTERM) and resolves with how it exited. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | string | null; stdout: string; stderr: string }>;
}

/** `upgradekit serve ...args`, once it listens. */
export declare function startServe(args: readonly string[], options?: { env?: NodeJS.ProcessEnv; echoStderr?: boolean }): Promise<Serving>;
