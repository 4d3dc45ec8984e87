import type { Config, PromptKind, Trigger } from '../config/schema.js';
import { DEFAULT_CAPS } from '../config/policy.js';
import { durationToMs } from '../utils/duration.js';
import { DAY } from '../utils/time.js';
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
  /** Prompts on screen in this tab now: they stay until clicked or dismissed. */
  open: ReadonlySet<string>;
  activated: boolean;
  /**
   * Whether the page is visible. A new interrupting prompt waits for a visible
   * page: a modal opened in a background tab would be seen by no one, yet use up
   * the caps, and compete with the tab the customer is looking at. Default: `true`.
   */
  visible?: boolean;
}

/** Modal and trial prompts take over the screen; they are capped and one at a time. */
export const isInterrupting = (kind: PromptKind | undefined) => kind === 'modal' || kind === 'trial';


/**
 * Decides which fired triggers may show their prompt now, highest priority
 * first: never to the holdout; not while snoozed, dismissed for good, cooling
 * down or out of impressions; and interrupting prompts only after activation,
 * within the global caps, and one at a time. A prompt already on screen stays.
 */
export function selectPrompts(input: ArbiterInput): Array<{ trigger: Trigger; variant: string }> {
  const { config, now, history, open } = input;
  const perDay = config.policy.caps?.perDay ?? DEFAULT_CAPS.perDay;
  const perWeek = config.policy.caps?.perWeek ?? DEFAULT_CAPS.perWeek;
  let today = 0;
  let week = 0;
  for (const at of input.interrupts) {
    if (at > now - 7 * DAY) week++;
    if (at > now - DAY) today++;
  }
  const capped = today >= perDay || week >= perWeek;
  const ranked = config.triggers
    .filter((trigger) => input.fired.has(trigger.id) || open.has(trigger.id))
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));

  const chosen: Array<{ trigger: Trigger; variant: string }> = [];
  let interrupting = ranked.find((trigger) => open.has(trigger.id) && isInterrupting(trigger.prompt.kind));
  for (const trigger of ranked) {
    const variant = input.variantOf(trigger);
    if (variant === HOLDOUT) continue;
    const interrupts = isInterrupting(trigger.prompt.kind);
    if (!open.has(trigger.id)) {
      const past = history[trigger.id];
      if (past?.dismissedForever || (past?.snoozedUntil ?? 0) > now) continue;
      if (trigger.maxImpressions !== undefined && (past?.impressions ?? 0) >= trigger.maxImpressions) continue;
      if (trigger.cooldown && past?.lastShownAt !== undefined && now - past.lastShownAt < durationToMs(trigger.cooldown)) continue;
      if (interrupts && (!input.activated || capped || interrupting || input.visible === false)) continue;
    } else if (interrupts && interrupting !== trigger) {
      continue;
    }
    if (interrupts) interrupting = trigger;
    chosen.push({ trigger, variant });
  }
  return chosen;
}
