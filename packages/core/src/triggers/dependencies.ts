import * as activated from './leaves/activated.js';
import * as attribute from './leaves/attribute.js';
import * as event from './leaves/event.js';
import * as forecast from './leaves/forecast.js';
import * as gateHits from './leaves/gateHits.js';
import * as plan from './leaves/plan.js';
import * as trial from './leaves/trial.js';
import * as usage from './leaves/usage.js';
import { childrenOf, leafOf, type Condition, type LeafKey } from './conditionLeaves.js';

/** Each leaf's dependency keys, from its own module. */
const DEPENDENCIES: Record<LeafKey, (leaf: never) => readonly string[]> = {
  usage: usage.dependencies,
  gateHits: gateHits.dependencies,
  event: event.dependencies,
  plan: plan.dependencies,
  trial: trial.dependencies,
  activated: activated.dependencies,
  forecast: forecast.dependencies,
  attribute: attribute.dependencies,
};

/**
 * What a condition reads, as keys: `usage:<feature>`, `gate:<feature>`,
 * `event:<name>`, `customer`, `trial`, `activated`, and `time` when its answer
 * can change with the clock alone (windows, forecasts, trials, resets).
 */
export function dependencies(node: Condition, into = new Set<string>()): Set<string> {
  for (const child of childrenOf(node)) dependencies(child, into);
  const leaf = leafOf(node);
  if (leaf) for (const key of DEPENDENCIES[leaf](node[leaf] as never)) into.add(key);
  return into;
}
