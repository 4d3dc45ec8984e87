/** Receives UpgradeKit's warnings: bad input that was handled, never thrown at the host app. */
export type WarningHandler = (message: string) => void;

export const PREFIX = '[upgradekit]';

/** Warns once per distinct message so a hot path cannot flood the console. */
export function createWarn(handler?: WarningHandler): WarningHandler {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    if (handler) handler(`${PREFIX} ${message}`);
    else if (typeof console !== 'undefined') console.warn(`${PREFIX} ${message}`);
  };
}
