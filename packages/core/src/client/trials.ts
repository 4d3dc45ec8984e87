import type { ConfigInput } from '../config/schema.js';
import { targetOf, trialEligibility, trialStatus, type TrialTarget } from '../entitlements/trials.js';
import { quote } from '../config/messages.js';
import { createEventId } from '../conversion/events.js';
import { hashToUnit } from '../prompts/experiment.js';
import { isRecord } from '../utils/isRecord.js';
import type { ClientContext } from './context.js';
import type { UpgradeKit } from './types.js';

const UNAVAILABLE = Object.freeze({ state: 'unavailable', endsAt: null, daysLeft: null } as const);
const isTarget = (target: unknown): target is TrialTarget =>
  isRecord(target) && (typeof target.feature === 'string' || typeof target.plan === 'string');

/** `startTrial` and `getTrial`: trials started in place, shared with other tabs, ended on time by the trial clock. */
export function trialMethods<C extends ConfigInput>(ctx: ClientContext): Pick<UpgradeKit<C>, 'startTrial' | 'getTrial'> {
  const { platform, store, trials } = ctx;
  return {
    startTrial(target) {
      if (!isTarget(target)) {
        if (process.env.NODE_ENV !== 'production') ctx.warn(`startTrial(${quote(target)}) ignored: pass { feature } or { plan }`);
        return { ok: false, reason: 'no_trial' };
      }
      const now = platform.now();
      const customer = ctx.customer();
      const result = trialEligibility(ctx.config, customer, target, now);
      if (!result.ok) return result;
      // Eligibility found an offer, so exactly one of feature and plan is set.
      const what = target.feature !== undefined ? { feature: target.feature } : { plan: target.plan! };
      const next = [...customer.trials, { ...what, startedAt: now, endsAt: result.endsAt }];
      store.setState({ customer: { ...customer, trials: next } });
      trials.clear();
      ctx.changed('trial');
      // Two tabs starting the same trial in the same second report it under one id (their trials merge too).
      const ordinal = customer.trials.filter((trial) => targetOf(trial) === targetOf(what)).length;
      const key = `${customer.id}:trial:${targetOf(what)}:${ordinal}`;
      let draw = 0;
      const id = createEventId(now - (now % 1000), () => hashToUnit(`${key}:${draw++}`));
      ctx.emit({ type: 'trial.started', ...what, endsAt: result.endsAt, ...ctx.prompts?.attribution() }, id);
      ctx.tabs.post({ op: 'trials', trials: next });
      ctx.watchTrials();
      return result;
    },
    getTrial(target) {
      if (!isTarget(target)) return UNAVAILABLE;
      const id = targetOf(target);
      const next = trialStatus(ctx.config, ctx.customer(), target, platform.now());
      const previous = trials.get(id);
      if (previous && previous.state === next.state && previous.endsAt === next.endsAt && previous.daysLeft === next.daysLeft) return previous;
      trials.set(id, next);
      return next;
    },
  };
}
