import type { CustomerTrial } from '../entitlements/customer.js';
import { describeError } from '../utils/describeError.js';
import type { Platform, TabChannel } from '../platform.js';
import { isRecord } from '../utils/isRecord.js';
import type { WarningHandler } from '../utils/log.js';

/** What one tab tells the others: operations, so work done in two tabs at once adds up. */
export type TabMessage =
  | { op: 'track'; feature: string; amount: number; at: number }
  | { op: 'signal'; key: string; at: number }
  | { op: 'trials'; trials: CustomerTrial[] };

export interface TabHandlers {
  track(feature: string, amount: number, at: number): void;
  signal(key: string, at: number): void;
  trials(trials: CustomerTrial[]): void;
}

const isTrial = (trial: unknown): trial is CustomerTrial =>
  isRecord(trial) && Number.isFinite(trial.startedAt) && Number.isFinite(trial.endsAt) && (typeof trial.feature === 'string' || typeof trial.plan === 'string');

/** A message another tab (or another script on the origin) sent, checked before it is applied. */
function isTabMessage(message: unknown): message is TabMessage {
  if (!isRecord(message)) return false;
  const { op, at } = message;
  if (op === 'trials') return Array.isArray(message.trials) && message.trials.every(isTrial);
  if (typeof at !== 'number' || !Number.isFinite(at)) return false;
  if (op === 'track') return typeof message.feature === 'string' && typeof message.amount === 'number' && Number.isFinite(message.amount);
  return op === 'signal' && typeof message.key === 'string';
}

/**
 * The channel between the tabs of one customer; `connect` moves it to another
 * customer's. Posting never throws (a closed channel or an uncloneable value
 * costs that message, with a warning).
 */
export function createTabLink(platform: Platform, warn: WarningHandler) {
  let channel: TabChannel | null = null;
  let unsubscribe: (() => void) | undefined;
  let handlers: TabHandlers | undefined;
  const close = () => {
    unsubscribe?.();
    channel?.close();
    channel = null;
  };
  return {
    /** Who applies other tabs' messages. */
    handle(next: TabHandlers) {
      handlers = next;
    },
    connect(customerId: string) {
      close();
      channel = platform.openChannel(`upgradekit:${customerId}`);
      unsubscribe = channel?.subscribe((message) => {
        if (!handlers || !isTabMessage(message)) return;
        if (message.op === 'track') handlers.track(message.feature, message.amount, message.at);
        else if (message.op === 'signal') handlers.signal(message.key, message.at);
        else handlers.trials(message.trials);
      });
    },
    post(message: TabMessage) {
      try {
        channel?.post(message);
      } catch (error) {
        warn(`could not reach other tabs: ${describeError(error)}`);
      }
    },
    close,
  };
}

export type Tabs = ReturnType<typeof createTabLink>;
