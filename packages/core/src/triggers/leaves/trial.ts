import * as z from 'zod/mini';
import { durationSchema } from '../../config/duration.js';
import type { Path } from '../../config/messages.js';
import { durationToMs } from '../../utils/duration.js';
import { span, type ConfigReferences, type EvaluationContext, type LeafDescription, type TrialState } from '../leaf.js';

/**
 * The trial of one feature or plan is in a state: running (`active`), still on
 * offer (`eligible`), running and ending `within` a span (`ending`, default 3d), or
 * over (`expired`, and with `within`: ended no longer ago than that).
 */
export const schema = z.strictObject({
  feature: z.optional(z.string()),
  plan: z.optional(z.string()),
  state: z.enum(['active', 'eligible', 'ending', 'expired']),
  within: z.optional(durationSchema),
});
export type TrialLeaf = z.output<typeof schema>;

/** How long before its end an `ending` leaf holds when it names no `within`. */
export const DEFAULT_ENDING = '3d';

interface Reading {
  state: TrialState;
  /** Time to the trial's end; negative once it is over; `null` without a trial. */
  left: number | null;
}

export function measure(leaf: TrialLeaf, context: EvaluationContext): Reading {
  const { state, endsAt } = context.trial(leaf);
  return { state, left: endsAt === null ? null : endsAt - context.now };
}

export function holds({ state: wanted, within }: TrialLeaf, { state, left }: Reading): boolean {
  if (wanted === 'ending') return state === 'active' && left !== null && left <= durationToMs(within ?? DEFAULT_ENDING);
  return state === wanted && (wanted !== 'expired' || within === undefined || (left !== null && -left <= durationToMs(within)));
}

/** The state in words: `running, 12 days left`, `on offer`, `over since 2 days`. */
function stateText({ state, left }: Reading): string {
  if (state === 'active') return `running, ${span(left ?? 0)} left`;
  if (state === 'expired') return left === null ? 'over' : `over since ${span(-left)}`;
  return state === 'eligible' ? 'on offer' : 'not on offer';
}

const NEEDS = { active: 'be running', eligible: 'be on offer', expired: 'be over', ending: 'end' } as const;

export function describe(leaf: TrialLeaf, reading: Reading, negated = false): LeafDescription {
  const within = leaf.state === 'ending' ? ` within ${leaf.within ?? DEFAULT_ENDING}` : leaf.state === 'expired' && leaf.within ? ` for at most ${leaf.within}` : '';
  const expected = `${negated ? 'not ' : ''}to ${NEEDS[leaf.state]}${within}`;
  return { actual: reading.state, expected, text: `${leaf.feature ?? leaf.plan} trial is ${stateText(reading)} (needs it ${expected})` };
}

export const dependencies = () => ['trial', 'customer', 'time'];

export function crossCheck(leaf: TrialLeaf, at: Path, refs: ConfigReferences): void {
  if (!leaf.feature === !leaf.plan) refs.report(at, 'name exactly one of "feature" or "plan"');
  if (leaf.feature) refs.feature([...at, 'feature'], leaf.feature);
  if (leaf.plan) refs.plan([...at, 'plan'], leaf.plan);
  // A `within` these states ignore is harmless, so production builds (where parseConfig's bytes count)
  // skip this check; `upgradekit validate` and development builds, where configs are written, report it.
  if (process.env.NODE_ENV !== 'production' && leaf.within && (leaf.state === 'active' || leaf.state === 'eligible')) {
    refs.report([...at, 'within'], '"within" applies to the "ending" and "expired" states only');
  }
}
