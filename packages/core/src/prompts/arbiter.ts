import type { Config, PromptKind, Trigger } from '../config/schema.js';
import { DEFAULT_CAPS } from '../config/policy.js';
import { durationToMs } from '../utils/duration.js';
import { DAY, WEEK } from '../utils/time.js';
import { HOLDOUT } from './experiment.js';

/** What happened to one trigger's prompt so far. Persisted and shared across tabs. */
export interface PromptHistory {
  impressions: number;
  lastShownAt?: number;
  snoozedUntil?: number;
  dismissedForever?: boolean;
}

export interface ArbiterInput {
  config: Config;
  now: number;
  /** Ids of triggers whose condition holds now. */
  fired: ReadonlySet<string>;
  variantOf(trigger: Trigger): string;
  history: Readonly<Record<string, PromptHistory>>;
  /** When interrupting prompts were shown, newest last (the last week is enough). */
  interrupts: readonly number[];
  /** Prompts on screen in this tab now: interrupting ones stay until clicked or dismissed. */
  open: ReadonlySet<string>;
  activated: boolean;
  /**
   * Whether the page is visible. A new interrupting prompt waits for a visible
   * page: a modal opened in a background tab would be seen by no one, yet use up
   * the caps, and compete with the tab the customer is looking at. Default: `true`.
   */
  visible?: boolean;
}

/** The governance rule that keeps a fired trigger's prompt off the screen. */
export type HoldRule =
  | 'holdout'
  | 'dismissed'
  | 'snoozed'
  | 'max_impressions'
  | 'cooldown'
  | 'not_activated'
  | 'daily_cap'
  | 'weekly_cap'
  | 'one_at_a_time'
  | 'page_hidden';

/** Why a fired trigger's prompt is not shown, and until when. */
export interface Hold {
  rule: HoldRule;
  /** When the rule stops holding it back on its own (epoch ms); `null` when no time is set (for good, or until something else happens). */
  until: number | null;
  /** `one_at_a_time`: the trigger whose interrupting prompt comes first. */
  by?: string;
}

export interface Arbitration {
  /** The prompts to show, highest priority first. */
  chosen: Array<{ trigger: Trigger; variant: string }>;
  /** Every other fired trigger, by id, with the rule that holds it back. */
  held: Map<string, Hold>;
}

/** Modal and trial prompts take over the screen; they are capped and one at a time. */
export const isInterrupting = (kind: PromptKind | undefined) => kind === 'modal' || kind === 'trial';

/**
 * Whether `cap` interrupting prompts within `span` are used up: `undefined` when
 * not, else when the oldest that counts leaves the span (`null` for a cap of 0).
 */
function capUntil(interrupts: readonly number[], now: number, span: number, cap: number): number | null | undefined {
  const recent = interrupts.filter((at) => at > now - span).sort((a, b) => a - b);
  if (recent.length < cap) return undefined;
  return cap > 0 ? recent[recent.length - cap]! + span : null;
}

/** The per-trigger rules: dismissed for good, snoozed, out of impressions, cooling down. */
function triggerHold(trigger: Trigger, past: PromptHistory | undefined, now: number): Hold | undefined {
  if (past?.dismissedForever) return { rule: 'dismissed', until: null };
  if (past?.snoozedUntil !== undefined && past.snoozedUntil > now) return { rule: 'snoozed', until: past.snoozedUntil };
  if (trigger.maxImpressions !== undefined && (past?.impressions ?? 0) >= trigger.maxImpressions) return { rule: 'max_impressions', until: null };
  const cooled = trigger.cooldown && past?.lastShownAt !== undefined ? past.lastShownAt + durationToMs(trigger.cooldown) : -Infinity;
  return now < cooled ? { rule: 'cooldown', until: cooled } : undefined;
}

/** The caps on interrupting prompts: the one that frees a slot last binds (`null`: never). */
function capHold(input: ArbiterInput): Hold | undefined {
  const { config, now, interrupts } = input;
  const day = capUntil(interrupts, now, DAY, config.policy.caps?.perDay ?? DEFAULT_CAPS.perDay);
  const week = capUntil(interrupts, now, WEEK, config.policy.caps?.perWeek ?? DEFAULT_CAPS.perWeek);
  if (week !== undefined && (day === undefined || week === null || (day !== null && week > day))) return { rule: 'weekly_cap', until: week };
  return day === undefined ? undefined : { rule: 'daily_cap', until: day };
}

/**
 * Decides which fired triggers may show their prompt now, highest priority
 * first, and which rule holds back each of the others: never to the holdout; not
 * while dismissed for good, snoozed, out of impressions or cooling down; and
 * interrupting prompts only after activation, within the global caps, one at a
 * time and on a visible page. An interrupting prompt already on screen stays.
 */
export function arbitrate(input: ArbiterInput): Arbitration {
  const { config, now, history, open } = input;
  // A modal on screen stays while it is read; an in-page prompt goes once its condition no longer holds
  // (a trial lifted the limit a banner spoke of), instead of offering an upgrade that is no longer one.
  const ranked = config.triggers
    .filter((trigger) => input.fired.has(trigger.id) || (open.has(trigger.id) && isInterrupting(trigger.prompt.kind)))
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  const chosen: Arbitration['chosen'] = [];
  const held = new Map<string, Hold>();
  let caps: Hold | undefined | null = null;
  let interrupting = ranked.find((trigger) => open.has(trigger.id) && isInterrupting(trigger.prompt.kind));
  for (const trigger of ranked) {
    const variant = input.variantOf(trigger);
    const interrupts = isInterrupting(trigger.prompt.kind);
    let hold: Hold | undefined;
    if (variant === HOLDOUT) hold = { rule: 'holdout', until: null };
    else if (open.has(trigger.id)) hold = interrupts && interrupting !== trigger ? { rule: 'one_at_a_time', until: null, by: interrupting!.id } : undefined;
    else hold = triggerHold(trigger, history[trigger.id], now);
    if (!hold && interrupts && !open.has(trigger.id)) {
      // Counted once, and only when an interrupting prompt asks.
      if (caps === null) caps = capHold(input);
      hold = !input.activated
        ? { rule: 'not_activated', until: null }
        : (caps ??
          (interrupting ? { rule: 'one_at_a_time', until: null, by: interrupting.id } : input.visible === false ? { rule: 'page_hidden', until: null } : undefined));
    }
    if (hold) {
      held.set(trigger.id, hold);
      continue;
    }
    if (interrupts) interrupting = trigger;
    chosen.push({ trigger, variant });
  }
  return { chosen, held };
}

/** The prompts the arbiter shows now, highest priority first (see `arbitrate`). */
export const selectPrompts = (input: ArbiterInput): Arbitration['chosen'] => arbitrate(input).chosen;
