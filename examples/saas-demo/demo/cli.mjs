import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `upgradekit` command of this repository (the built CLI). */
export const BIN = fileURLToPath(new URL('../../../packages/cli/bin/upgradekit.js', import.meta.url));

/**
 * Starts `upgradekit ...args` with its stderr passed through (progress bars,
 * warnings) and its stdout piped; `exited` resolves with its exit code and what
 * it printed.
 *
 * @param {readonly string[]} args
 * @param {{ stdin?: import('node:stream').Readable | 'ignore', stderr?: 'inherit' | 'pipe' }} [options]
 */
export function upgradekit(args, { stdin = 'ignore', stderr = 'inherit' } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: [stdin === 'ignore' ? 'ignore' : 'pipe', 'pipe', stderr] });
  if (stdin !== 'ignore') stdin.pipe(child.stdin);
  let stdout = '';
  const exited = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code: code ?? signal, stdout }));
  });
  return { child, exited, collect: () => child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text)) };
}

/**
 * `upgradekit serve ...args`, resolved once it says where it listens, with its
 * URL; rejected with what it said on stderr when it exits first (a port or a data
 * directory in use). Its warnings go to this process's stderr once it listens.
 * `stop()` sends SIGTERM and waits until the store is closed.
 *
 * @param {readonly string[]} args
 * @returns {Promise<{ url: string, exited: Promise<{ code: number | string | null, stdout: string }>, stop: () => Promise<void> }>}
 */
export function startServe(args) {
  const run = upgradekit(['serve', ...args], { stderr: 'pipe' });
  const child = run.child;
  let said = '';
  let complaint = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8').on('data', (text) => (complaint += text));
  return new Promise((resolve, reject) => {
    const onData = (text) => {
      said += text;
      const url = /^UpgradeKit server on (\S+)$/m.exec(said)?.[1];
      if (!url || !said.includes('Press Ctrl-C to stop.')) return;
      child.stdout.off('data', onData);
      // Keep reading what it says, so that a full pipe never blocks it.
      child.stdout.resume();
      child.stderr.removeAllListeners('data');
      child.stderr.pipe(process.stderr);
      resolve({
        url,
        exited: run.exited,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await run.exited;
        },
      });
    };
    child.stdout.on('data', onData);
    void run.exited.then(({ code }) => reject(new Error(complaint.trim() || `upgradekit serve stopped (exit code ${code}) before it listened`)));
  });
}
