import type { ConfigInput } from '../config/schema.js';
import { trialEligibility, trialStatus } from '../entitlements/trials.js';
import type { ClientContext } from './context.js';
import type { UpgradeKit } from './types.js';

/** `startTrial` and `getTrial`: trials started in place, shared with other tabs, ended on time by the trial clock. */
export function trialMethods<C extends ConfigInput>(ctx: ClientContext): Pick<UpgradeKit<C>, 'startTrial' | 'getTrial'> {
  const { config, platform, store, trials } = ctx;
  return {
    startTrial(target) {
      const now = platform.now();
      const customer = ctx.customer();
      const result = trialEligibility(config, customer, target, now);
      if (!result.ok) return result;
      // Eligibility found an offer, so exactly one of feature and plan is set.
      const what = target.feature !== undefined ? { feature: target.feature } : { plan: target.plan! };
      const next = [...customer.trials, { ...what, startedAt: now, endsAt: result.endsAt }];
      store.setState({ customer: { ...customer, trials: next } });
      trials.clear();
      ctx.changed('trial');
      ctx.emit({ type: 'trial.started', ...what, endsAt: result.endsAt, ...ctx.prompts?.attribution() });
      ctx.tabs.post({ op: 'trials', trials: next });
      ctx.watchTrials();
      return result;
    },
    getTrial(target) {
      const id = `${target.feature ?? ''}/${target.plan ?? ''}`;
      const next = trialStatus(config, ctx.customer(), target, platform.now());
      const previous = trials.get(id);
      if (previous && previous.state === next.state && previous.endsAt === next.endsAt && previous.daysLeft === next.daysLeft) return previous;
      trials.set(id, next);
      return next;
    },
  };
}
