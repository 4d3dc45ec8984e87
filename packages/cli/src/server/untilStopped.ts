/** The signals that stop `upgradekit serve`: Ctrl-C in a terminal, and what service managers and `kill` send. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export type StopSignal = (typeof STOP_SIGNALS)[number];

/** What a user pressing Ctrl-C a second time, while the server closes, means: stop now. */
function whileClosing(): void {
  // A SIGTERM now is the same request again (a supervisor, or a parent passing
  // on the Ctrl-C this process got too): closing goes on.
  process.on('SIGTERM', () => {});
  process.once('SIGINT', () => {
    process.stderr.write('Stopped at once: the data directory stays locked by this process id until the next start takes it over.\n');
    process.exit(130);
  });
}

/**
 * Resolves with the first stop signal the process receives. While it then
 * closes, a further SIGTERM is ignored and a second Ctrl-C ends it at once.
 */
export function untilStopped(): Promise<StopSignal> {
  return new Promise((resolve) => {
    const handlers = STOP_SIGNALS.map((signal) => {
      const handler = () => {
        for (const [name, other] of handlers) process.off(name, other);
        whileClosing();
        resolve(signal);
      };
      process.on(signal, handler);
      return [signal, handler] as const;
    });
  });
}
