import type { Cta, PromptKind } from '../config/schema.js';

/** Why a customer dismissed a prompt. */
export type DismissReason = 'not_now' | 'too_expensive' | 'not_needed' | 'other';

/** Fields every event carries. The shape is versioned by `v`; fields are only ever added. */
export interface BaseEvent {
  /** Shape version. */
  v: 1;
  /** Unique and time-sortable; sinks and reports de-duplicate by it. */
  id: string;
  /** Epoch milliseconds. */
  at: number;
  customerId: string;
  /**
   * The customer's monthly recurring revenue (plan + add-ons) when the event
   * happened; for `upgrade.completed`, before the change (after = `mrr + mrrDelta`).
   */
  mrr: number;
  sdkVersion: string;
  /** The `version` of the config in force when it happened, when the config names one. */
  configVersion?: string;
}

interface TriggerFields {
  triggerId: string;
  /** The experiment variant, `control` when the trigger has none. */
  variant: string;
}

export type UpgradeKitEvent = BaseEvent &
  (
    | { type: 'usage.tracked'; feature: string; amount: number; usage: number }
    | { type: 'gate.hit'; feature: string }
    | { type: 'event.recorded'; name: string; props?: EventProps }
    | ({ type: 'trigger.fired'; explanation?: FiringExplanation } & TriggerFields)
    | ({ type: 'prompt.held_out' } & TriggerFields)
    | ({ type: 'prompt.shown'; kind: PromptKind; placement?: string } & TriggerFields)
    | ({ type: 'prompt.clicked'; cta: Cta } & TriggerFields)
    | ({ type: 'prompt.dismissed'; reason?: DismissReason; forever?: boolean } & TriggerFields)
    | ({ type: 'trial.started'; feature?: string; plan?: string; endsAt: number } & Partial<TriggerFields>)
    | { type: 'trial.ended'; feature?: string; plan?: string }
    | { type: 'config.applied'; url: string; version?: string }
    | { type: 'config.rejected'; url: string; reason: 'network' | 'http' | 'json' | 'invalid'; detail: string; errors?: string[] }
    | ({
        type: 'upgrade.completed';
        fromPlan: string;
        toPlan: string;
        addOns: Array<{ id: string; quantity: number }>;
        /** New MRR minus old MRR; negative for a downgrade. */
        mrrDelta: number;
      } & Partial<TriggerFields>)
  );

/**
 * Why a trigger fired, as the client saw it at that moment: what a person routed to
 * the customer (sales, a CSM) reads. Bounded: at most `MAX_EXPLAINED_LEAVES` leaves,
 * every text at most `MAX_TEXT` characters.
 */
export interface FiringExplanation {
  /** The customer's plan when it fired. */
  plan: string;
  /** Each condition leaf's value against its threshold, as `explain()` gives them. */
  leaves: Array<{ path: string; leaf: string; held: boolean; negated: boolean; actual: string | number | boolean | null; expected: string; text: string }>;
  /** What the trigger's prompt offers, and the MRR it would add; `null` when nothing is above the customer's plan. */
  upgrade: { plan: string; addOns: Array<{ id: string; quantity: number }>; limit: number | 'unlimited'; mrrDelta: number; currency: string } | null;
}

export type EventType = UpgradeKitEvent['type'];

/** Properties of a product event (`recordEvent`): flat JSON scalars, as analytics tools take them. */
export type EventProps = Record<string, string | number | boolean | null>;

/** An event of one type. */
export type EventOf<T extends EventType> = Extract<UpgradeKitEvent, { type: T }>;

/** Receives events as they happen. */
export interface Sink {
  send(event: UpgradeKitEvent): void;
  /** Sends whatever is queued now. */
  flush?(): Promise<void> | void;
  /** Releases timers and listeners. */
  destroy?(): void;
}

/**
 * An id that sorts by time: 9 base-36 characters of milliseconds, then 11 random
 * ones (about 56 bits), so ids made in the same millisecond do not collide.
 */
export function createEventId(now: number, random: () => number): string {
  let id = now.toString(36).padStart(9, '0');
  while (id.length < 20) id += Math.floor(random() * 36).toString(36);
  return id;
}
