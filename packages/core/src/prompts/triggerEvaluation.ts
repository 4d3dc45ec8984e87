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

/**
 * What the conditions read of a client's state at `now`. Usage comes from `usageOf`
 * (the client's cached checks, in the engine), else from the pure check, once per feature.
 */
export function evaluationContext(
  config: Config,
  windows: ReadonlyMap<string, SignalWindow>,
  state: UpgradeKitState,
  activated: boolean,
  now: number,
  usageOf?: (featureId: string) => CheckResult,
): EvaluationContext {
  const measured = new Map<string, CheckResult>();
  const measure =
    usageOf ??
    ((featureId: string) => {
      let result = measured.get(featureId);
      if (!result) measured.set(featureId, (result = check(config, state.customer, featureId, { now, requested: 0, upgrade: false })));
      return result;
    });
  return {
    now,
    plan: state.customer.plan,
    attributes: state.customer.attributes,
    usage: measure,
    count(kind, name, windowMs) {
      const key = `${kind}:${name}`;
      return countWithin(state.signals[key], now, windowMs, windows.get(key)?.bucketMs);
    },
    trial: (target) => trialStatus(config, state.customer, target, now),
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
  // The client's checks are cached per feature until its usage, plan or trials change.
  const usageOf = (featureId: string) => kit.check(featureId);
  const dependents = new Map<string, Trigger[]>();
  for (const trigger of config.triggers) {
    for (const key of dependencies(trigger.when)) dependents.set(key, [...(dependents.get(key) ?? []), trigger]);
  }
  const activation = config.policy.activation;
  const activationDeps = [...(activation ? dependencies(activation) : [])];

  /** The triggers that read any of `changed`: one key (a track()) needs no set. */
  const affectedBy = (changed: readonly string[]): readonly Trigger[] => {
    if (changed.length === 1) return dependents.get(changed[0]!) ?? [];
    const affected = new Set<Trigger>();
    for (const dep of changed) dependents.get(dep)?.forEach((trigger) => affected.add(trigger));
    return [...affected];
  };

  return function reevaluate(changed: readonly string[] | 'all', previous: { fired: ReadonlySet<string>; activated: boolean }): EvaluationResult {
    const now = kit.platform.now();
    const state = kit.getSnapshot();
    const all = changed === 'all';
    let activated = previous.activated;
    if (all || activationDeps.some((dep) => changed.includes(dep))) {
      activated = state.customer.activated ?? (activation ? evaluateCondition(activation, evaluationContext(config, windows, state, false, now, usageOf)) : true);
    }
    const affected = all ? config.triggers : affectedBy(activated === previous.activated ? changed : [...changed, 'activated']);
    let fired: Set<string> | undefined;
    if (affected.length) {
      const context = evaluationContext(config, windows, state, activated, now, usageOf);
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
