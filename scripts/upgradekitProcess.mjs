// The repository's `upgradekit` command as a child process, for `npm run demo`
// and for the suites that run the CLI as a user would (the CLI's, the cockpit's
// end-to-end). Plain JavaScript, so Node scripts and TypeScript suites share it;
// its types are in upgradekitProcess.d.mts.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI's entry. */
export const BIN = fileURLToPath(new URL('../packages/cli/bin/upgradekit.js', import.meta.url));

/**
 * Starts `upgradekit ...args` with its stdout piped and its stderr passed through
 * (progress bars, warnings) or piped; `exited` resolves with its exit code (or the
 * signal) and, after `collect()`, what it printed.
 */
export function upgradekit(args, { stdin = 'ignore', stderr = 'inherit', env = {} } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: [stdin === 'ignore' ? 'ignore' : 'pipe', 'pipe', stderr] });
  if (stdin !== 'ignore') stdin.pipe(child.stdin);
  let stdout = '';
  const exited = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code: code ?? signal, stdout }));
  });
  return { child, exited, collect: () => child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text)) };
}

/**
 * `upgradekit serve ...args`, resolved once its banner says where it listens;
 * rejected with what it said when it exits first (a port or a data directory in
 * use). Everything it prints is kept (`stdout()`, `stderr()`); with `echoStderr`,
 * its warnings also go to this process's stderr once it listens. `stop()` sends
 * `signal` (default SIGTERM) and resolves once it exited, with how.
 */
export function startServe(args, { env = {}, echoStderr = false } = {}) {
  const run = upgradekit(['serve', ...args], { stderr: 'pipe', env });
  const { child } = run;
  let stdout = '';
  let stderr = '';
  let listening = false;
  child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text) => {
    stderr += text;
    if (echoStderr && listening) process.stderr.write(text);
  });
  const exited = run.exited.then(({ code }) => ({ code, stdout, stderr }));
  return new Promise((resolve, reject) => {
    const onData = () => {
      const url = /^UpgradeKit server on (\S+)$/m.exec(stdout)?.[1];
      if (!url || !stdout.includes('Press Ctrl-C to stop.')) return;
      child.stdout.off('data', onData);
      listening = true;
      resolve({
        pid: child.pid,
        url,
        adminToken: /^ {2}Admin token: +(\S+)/m.exec(stdout)?.[1] ?? '',
        stdout: () => stdout,
        stderr: () => stderr,
        exited,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`upgradekit serve stopped (exit code ${code}) before it listened: ${stderr.trim() || stdout.trim()}`)));
  });
}
