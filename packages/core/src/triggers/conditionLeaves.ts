import type { ActivatedLeaf } from './leaves/activated.js';
import type { AttributeLeaf } from './leaves/attribute.js';
import type { EventLeaf } from './leaves/event.js';
import type { ForecastLeaf } from './leaves/forecast.js';
import type { GateHitsLeaf } from './leaves/gateHits.js';
import type { PlanLeaf } from './leaves/plan.js';
import type { TrialLeaf } from './leaves/trial.js';
import type { UsageLeaf } from './leaves/usage.js';

/** One node of a trigger's condition tree: exactly one key per node, a combinator or a leaf. */
export interface Condition {
  all?: readonly Condition[] | undefined;
  any?: readonly Condition[] | undefined;
  not?: Condition | undefined;
  usage?: UsageLeaf | undefined;
  gateHits?: GateHitsLeaf | undefined;
  event?: EventLeaf | undefined;
  plan?: PlanLeaf | undefined;
  trial?: TrialLeaf | undefined;
  activated?: ActivatedLeaf | undefined;
  forecast?: ForecastLeaf | undefined;
  attribute?: AttributeLeaf | undefined;
}

/** The leaves, in the order the schema and messages list them. */
export const LEAF_KEYS = ['usage', 'gateHits', 'event', 'plan', 'trial', 'activated', 'forecast', 'attribute'] as const;
export type LeafKey = (typeof LEAF_KEYS)[number];

/** The combinators and the leaf of a node (a valid node has exactly one of them). */
export const CONDITION_KEYS = ['all', 'any', 'not', ...LEAF_KEYS] as const;

/** The children of a combinator node: `all` and `any` lists, or the one under `not`. */
export const childrenOf = (node: Condition): readonly Condition[] => node.all ?? node.any ?? (node.not ? [node.not] : []);

/** The leaf key of a node, if it is a leaf. */
export const leafOf = (node: Condition): LeafKey | undefined => LEAF_KEYS.find((key) => node[key] !== undefined);
