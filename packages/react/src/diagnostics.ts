/** Reports what went wrong inside UpgradeKit's components, once per message, with the library's prefix. */
export interface Diagnostics {
  /** A failure that was caught and degraded (a throwing client, a failing CTA): `console.error`. */
  report(message: string, error?: unknown): void;
  /** A developer mistake (a missing prop or handler): `console.warn`, in development builds only. */
  warn(message: string): void;
  /** Bad data that was refused (an unsafe URL from a remote config): `console.warn`, in every build. */
  notice(message: string): void;
}

/**
 * Diagnostics that say each message once. Each provider makes its own, so two
 * providers on a page (or two tests) never silence each other.
 */
export function createDiagnostics(): Diagnostics {
  const said = new Set<string>();
  const once = (message: string) => !said.has(message) && Boolean(said.add(message));
  return {
    report(message, error) {
      if (once(`error:${message}`)) console.error(`[upgradekit] ${message}`, ...(error === undefined ? [] : [error]));
    },
    warn(message) {
      if (process.env.NODE_ENV !== 'production' && once(`warn:${message}`)) console.warn(`[upgradekit] ${message}`);
    },
    notice(message) {
      if (once(`notice:${message}`)) console.warn(`[upgradekit] ${message}`);
    },
  };
}
