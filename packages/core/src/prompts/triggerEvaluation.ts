import type { KitCore, UpgradeKitState } from '../client/kitCore.js';
import type { Config, Trigger } from '../config/schema.js';
import { check, type CheckResult } from '../entitlements/check.js';
import { periodAt } from '../entitlements/period.js';
import { trialStatus } from '../entitlements/trials.js';
import { countWithin } from '../signals/counter.js';
import { projectUsage } from '../signals/forecast.js';
import { signalWindows, type SignalWindow } from '../signals/windows.js';
import { dependencies } from '../triggers/dependencies.js';
import { evaluateCondition, type EvaluationContext } from '../triggers/evaluate.js';

/** What the conditions read of a client's state at `now`. Usage is measured once per feature. */
export function evaluationContext(
  config: Config,
  windows: ReadonlyMap<string, SignalWindow>,
  state: UpgradeKitState,
  activated: boolean,
  now: number,
): EvaluationContext {
  const measured = new Map<string, CheckResult>();
  const measure = (featureId: string) => {
    let result = measured.get(featureId);
    if (!result) measured.set(featureId, (result = check(config, state.customer, featureId, { now, requested: 0, upgrade: false })));
    return result;
  };
  return {
    now,
    plan: state.customer.plan,
    attributes: state.customer.attributes,
    usage: measure,
    count: (kind, name, windowMs) => countWithin(state.signals[`${kind}:${name}`], now, windowMs, windows.get(`${kind}:${name}`)?.bucketMs),
    trialState: (target) => trialStatus(config, state.customer, target, now).state,
    activated: () => activated,
    projectedUsage(featureId) {
      const feature = config.features[featureId];
      if (feature?.type !== 'metered') return null;
      return projectUsage(measure(featureId).usage, periodAt(feature.reset ?? 'month', state.customer.periodStart, now), now);
    },
  };
}

export interface EvaluationResult {
  fired: ReadonlySet<string>;
  activated: boolean;
}

/**
 * Incremental trigger evaluation: which triggers read which dependency keys, and
 * re-evaluation of only those a change touches (every trigger for `'all'`).
 */
export function createTriggerEvaluator(kit: KitCore, onEvaluate?: (triggerId: string) => void) {
  const { config } = kit;
  const windows = signalWindows(config);
  const dependents = new Map<string, Trigger[]>();
  for (const trigger of config.triggers) {
    for (const key of dependencies(trigger.when)) dependents.set(key, [...(dependents.get(key) ?? []), trigger]);
  }
  const activation = config.policy.activation;
  const activationDeps = activation ? dependencies(activation) : new Set<string>();

  return function reevaluate(changed: Set<string> | 'all', previous: { fired: ReadonlySet<string>; activated: boolean }): EvaluationResult {
    const now = kit.platform.now();
    const state = kit.getSnapshot();
    const all = changed === 'all';
    let activated = previous.activated;
    if (all || [...activationDeps].some((dep) => changed.has(dep))) {
      activated = state.customer.activated ?? (activation ? evaluateCondition(activation, evaluationContext(config, windows, state, false, now)) : true);
    }
    const affected = new Set<Trigger>(all ? config.triggers : []);
    if (!all) {
      if (activated !== previous.activated) changed.add('activated');
      for (const dep of changed) dependents.get(dep)?.forEach((trigger) => affected.add(trigger));
    }
    let fired: Set<string> | undefined;
    if (affected.size) {
      const context = evaluationContext(config, windows, state, activated, now);
      for (const trigger of affected) {
        onEvaluate?.(trigger.id);
        const holds = evaluateCondition(trigger.when, context);
        if (holds === previous.fired.has(trigger.id)) continue;
        fired ??= new Set(previous.fired);
        if (holds) fired.add(trigger.id);
        else fired.delete(trigger.id);
      }
    }
    return { fired: fired ?? previous.fired, activated };
  };
}
