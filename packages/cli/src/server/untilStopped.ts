/** The signals that stop `upgradekit serve`: Ctrl-C in a terminal, and what service managers and `kill` send. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * Resolves with the first stop signal the process receives. The handlers are
 * removed then, so a second Ctrl-C while closing ends the process at once, as
 * a user pressing it again means.
 */
export function untilStopped(): Promise<StopSignal> {
  return new Promise((resolve) => {
    const handlers = STOP_SIGNALS.map((signal) => {
      const handler = () => {
        for (const [name, other] of handlers) process.off(name, other);
        resolve(signal);
      };
      process.on(signal, handler);
      return [signal, handler] as const;
    });
  });
}
