import type { PromptHistory, PromptState, UpgradeKit } from '@upgradekit/core';
import { DAY, DEFAULT_CAPS, HOLDOUT, selectPrompts, type ArbiterInput } from '@upgradekit/core/internal';

/*
 * Which governance rule holds a fired trigger's prompt back, and until when. The
 * engine's explanation says only `suppressed`; its state (history, interrupts,
 * open prompts) says the rest, read through the arbiter itself: a rule holds the
 * prompt back when the arbiter still refuses it with every *other* rule lifted,
 * and it holds until the first moment the arbiter would show it then. No rule is
 * re-implemented here, so this stays true to the engine; once the engine reports
 * reasons itself, this module goes.
 */

export type RuleId = 'dismissed' | 'snooze' | 'maxImpressions' | 'cooldown' | 'dailyCap' | 'weeklyCap' | 'oneAtATime' | 'activation' | 'hiddenPage';

export interface HeldBy {
  rule: RuleId;
  /** The rule in words, with its setting: "Weekly cap (3 interrupting prompts a week)". */
  name: string;
  /** When it stops holding the prompt back if nothing else happens; `null`: not with time alone. */
  until: number | null;
}

/** How far ahead to look for the moment a rule lets go. */
const HORIZON = 60 * DAY;

type Lift = (input: ArbiterInput, triggerId: string) => Partial<ArbiterInput>;

const withHistory = (input: ArbiterInput, triggerId: string, change: Partial<PromptHistory>): Partial<ArbiterInput> => {
  const past = input.history[triggerId] ?? { impressions: 0 };
  return { history: { ...input.history, [triggerId]: { ...past, ...change } } };
};
const withCaps = (input: ArbiterInput, caps: { perDay?: number; perWeek?: number }): Partial<ArbiterInput> => {
  const { policy } = input.config;
  return { config: { ...input.config, policy: { ...policy, caps: { ...policy.caps, ...caps } } } };
};

const prompts = (count: number) => `${count} interrupting prompt${count === 1 ? '' : 's'}`;

const RULES: Array<{ rule: RuleId; name: (input: ArbiterInput, triggerId: string) => string; lift: Lift }> = [
  { rule: 'dismissed', name: () => "Don't show again", lift: (input, id) => withHistory(input, id, { dismissedForever: false }) },
  { rule: 'snooze', name: () => 'Snoozed after a dismissal', lift: (input, id) => withHistory(input, id, { snoozedUntil: 0 }) },
  {
    rule: 'maxImpressions',
    name: (input, id) => `Impressions used up (${input.config.triggers.find((trigger) => trigger.id === id)?.maxImpressions ?? '∞'})`,
    lift: (input, id) => withHistory(input, id, { impressions: 0 }),
  },
  {
    rule: 'cooldown',
    name: (input, id) => `Cooldown (${input.config.triggers.find((trigger) => trigger.id === id)?.cooldown ?? 'none'} after each impression)`,
    lift: (input, id) => {
      const { lastShownAt: _ignored, ...rest } = input.history[id] ?? { impressions: 0 };
      return { history: { ...input.history, [id]: rest } };
    },
  },
  {
    rule: 'dailyCap',
    name: (input) => `Daily cap (${prompts(input.config.policy.caps?.perDay ?? DEFAULT_CAPS.perDay)} a day)`,
    lift: (input) => withCaps(input, { perDay: Infinity }),
  },
  {
    rule: 'weeklyCap',
    name: (input) => `Weekly cap (${prompts(input.config.policy.caps?.perWeek ?? DEFAULT_CAPS.perWeek)} a week)`,
    lift: (input) => withCaps(input, { perWeek: Infinity }),
  },
  {
    rule: 'oneAtATime',
    name: () => 'One interrupting prompt at a time: another one comes first',
    lift: (input, id) => ({ fired: new Set([id]), open: new Set([...input.open].filter((open) => open === id)) }),
  },
  { rule: 'activation', name: () => 'Not activated yet (policy.activation)', lift: () => ({ activated: true }) },
  { rule: 'hiddenPage', name: () => 'The page is hidden', lift: () => ({ visible: true }) },
];

const shows = (input: ArbiterInput, triggerId: string) => selectPrompts(input).some(({ trigger }) => trigger.id === triggerId);

/** The arbiter's input with every rule lifted but `kept`. */
function only(input: ArbiterInput, triggerId: string, kept: RuleId): ArbiterInput {
  return RULES.filter(({ rule }) => rule !== kept).reduce<ArbiterInput>((lifted, { lift }) => ({ ...lifted, ...lift(lifted, triggerId) }), input);
}

/** The first moment (to the second) within the horizon at which `input` shows the prompt; `null` if none. */
function firstShown(input: ArbiterInput, triggerId: string): number | null {
  let low = input.now;
  let high = input.now + HORIZON;
  if (!shows({ ...input, now: high }, triggerId)) return null;
  // Every rule here only lets go as time passes, so the answer is a single boundary.
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2);
    if (shows({ ...input, now: middle }, triggerId)) high = middle;
    else low = middle;
  }
  return high;
}

/** The rules that hold `triggerId`'s prompt back now (none when it shows, has not fired or is held out). */
export function heldBack(kit: UpgradeKit, triggerId: string): HeldBy[] {
  const engine = kit.prompts;
  if (!engine) return [];
  const state: PromptState = engine.getSnapshot();
  const variants = new Map(kit.config.triggers.map((trigger) => [trigger.id, engine.explain(trigger.id).variant]));
  const input: ArbiterInput = {
    config: kit.config,
    now: kit.platform.now(),
    fired: state.fired,
    variantOf: (trigger) => variants.get(trigger.id) ?? '',
    history: state.history,
    interrupts: state.interrupts,
    open: state.open,
    activated: state.activated,
    visible: kit.platform.isVisible(),
  };
  // Not fired, on screen, or in the holdout group: governance is not what keeps it away.
  if (!state.fired.has(triggerId) || variants.get(triggerId) === HOLDOUT || shows(input, triggerId)) return [];
  return RULES.flatMap(({ rule, name }) => {
    const alone = only(input, triggerId, rule);
    return shows(alone, triggerId) ? [] : [{ rule, name: name(input, triggerId), until: firstShown(alone, triggerId) }];
  });
}
