import type { Sink, UpgradeKitEvent } from '../conversion/events.js';
import { describeError } from '../utils/describeError.js';
import { createWarn, type WarningHandler } from '../utils/log.js';

export interface CallbackSinkOptions {
  /** Receives a warning when the callback throws or its promise rejects. Default: `console.warn`. */
  onWarning?: WarningHandler;
}

/**
 * Hands every event to `callback`. A callback that throws (or returns a promise
 * that rejects) costs only that event, with a warning: reporting must never
 * break the host app's click handler that triggered the event.
 */
export function createCallbackSink(
  callback: (event: UpgradeKitEvent) => void,
  options: CallbackSinkOptions = {},
): Sink {
  const warn = createWarn(options.onWarning);
  const report = (event: UpgradeKitEvent, error: unknown) =>
    warn(`event callback failed on "${event.type}" (${describeError(error)}); the event was skipped`);
  return {
    send(event) {
      try {
        // Typed as returning void, but an async function is a natural thing to pass here;
        // an unobserved rejection would surface in the host app as an unhandled rejection.
        const result: unknown = callback(event);
        if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
          (result as PromiseLike<unknown>).then(undefined, (error: unknown) => report(event, error));
        }
      } catch (error) {
        report(event, error);
      }
    },
  };
}

export { describeError } from '../utils/describeError.js';
