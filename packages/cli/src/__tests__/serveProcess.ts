import { spawn } from 'node:child_process';
import { BIN } from './helpers.js';

/** `upgradekit serve` running as a child process, once it has said where it listens. */
export interface Serving {
  pid: number;
  /** The URL it printed (`http://127.0.0.1:<port>`). */
  url: string;
  /** The admin token it printed. */
  adminToken: string;
  stdout(): string;
  stderr(): string;
  /** Sends `signal` and resolves with how it exited. */
  stop(signal?: NodeJS.Signals): Promise<{ status: number | null; stdout: string; stderr: string }>;
}

/**
 * Starts `upgradekit serve ...args` and resolves once it printed its banner;
 * rejects with its output when it exits first (a refused start).
 */
export function startServe(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Serving> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { ...process.env, UPGRADEKIT_ADMIN_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (!stdout.includes('Press Ctrl-C to stop.')) return;
      child.stdout.off('data', onData);
      resolve({
        pid: child.pid!,
        url: /^UpgradeKit server on (\S+)$/m.exec(stdout)![1]!,
        adminToken: /^ {2}Admin token: +(\S+)/m.exec(stdout)![1]!,
        stdout: () => stdout,
        stderr: () => stderr,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null) child.kill(signal);
          const status = await exited;
          return { status, stdout, stderr };
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then((status) => reject(new Error(`upgradekit serve exited with ${status} before listening:\n${stdout}\n${stderr}`)));
  });
}
