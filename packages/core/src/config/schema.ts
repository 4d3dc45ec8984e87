import { DURATION_PATTERN } from '../utils/duration.js';
import {
  array,
  boolean,
  lazy,
  number,
  object,
  oneOf,
  optional,
  record,
  scalar,
  string,
  union,
  withDefault,
  type Infer,
  type InferInput,
  type Schema,
} from './validator.js';

/*
 * The entitlement model. Structure is checked here; cross-references (a plan
 * granting a feature that does not exist, duplicate ids, ...) are checked in
 * `parseConfig`, which can name what *is* defined in its messages.
 */

export const idSchema = string(/^[A-Za-z0-9_.:-]+$/, 'must be letters, digits or _ . : -');
export const durationSchema = string(DURATION_PATTERN, 'must be a duration such as "30m", "24h", "7d" or "2w"');
const count = number({ min: 0, integer: true });
const positiveCount = number({ min: 1, integer: true });
const share = number({ min: 0, max: 1 });
const text = optional(string());
const failMode = optional(oneOf(['open', 'closed']));
const ids = array(string());

export const resetPeriodSchema = oneOf(['day', 'week', 'month', 'year', 'never']);

export const featureSchema = object({
  /** `boolean`: a gate. `metered`: a counter with a limit per period. `seats`: a count of members. */
  type: oneOf(['boolean', 'metered', 'seats']),
  /** Human name, used in copy. Default: the feature id. */
  name: text,
  /** Unit for metered features, plural ("API calls"). Default: the name. */
  unit: text,
  /** When a metered feature's usage starts over. Default: `month`. Ignored by other types. */
  reset: optional(resetPeriodSchema),
  /** What a check answers when data is missing. Default: `policy.failMode`. */
  failMode,
  description: text,
});

export const priceSchema = object({
  amount: number({ min: 0 }),
  /** ISO 4217 code, e.g. `USD`. */
  currency: string(),
  interval: oneOf(['month', 'year']),
});

/** `true` grants a gate; a number is a limit; `'unlimited'` lifts the limit. */
export const grantSchema = union<true | 'unlimited' | number, true | 'unlimited' | number>(
  [oneOf([true, 'unlimited']), number()],
  'expected true, "unlimited" or a number',
);
const grants = record(grantSchema);

export const planSchema = object({
  id: idSchema,
  name: text,
  price: priceSchema,
  /** Features the plan includes. Default: none. */
  grants: withDefault(grants, () => Object.create(null)),
});

export const addOnSchema = object({
  id: idSchema,
  name: text,
  price: priceSchema,
  /** Added on top of the plan's grants (limits add up per unit; `true` and `'unlimited'` open the feature). */
  grants,
  /** Plans it can be bought with. Default: every plan. */
  plans: optional(ids),
  /** How many a customer can stack. Default: 1. */
  maxQuantity: optional(positiveCount),
});

export const trialSchema = object({
  /** Trial of one feature... */
  feature: optional(string()),
  /** ...or of a whole plan. Exactly one of `feature` and `plan`. */
  plan: optional(string()),
  /** Length of the trial, e.g. `14d`. */
  duration: durationSchema,
  /** Trials of this feature or plan a customer may start. Default: 1. */
  maxPerCustomer: optional(positiveCount),
});

type Json = string | number | boolean | null;

/** One node of a trigger's condition tree: exactly one key per node. */
export interface Condition {
  all?: readonly Condition[];
  any?: readonly Condition[];
  not?: Condition;
  /** Usage as a share of the limit: `atLeast: 0.7` is 70% or more. */
  usage?: { feature: string; atLeast?: number; below?: number };
  gateHits?: { feature: string; atLeast: number; within: string };
  event?: { name: string; atLeast: number; within?: string };
  plan?: { in?: readonly string[]; notIn?: readonly string[] };
  trial?: { feature?: string; plan?: string; state: 'active' | 'eligible' | 'expired' };
  activated?: boolean;
  forecast?: { feature: string; exceedsBeforeReset: boolean };
  attribute?: { key: string; equals?: Json; in?: readonly Json[] };
}

export const conditionSchema: Schema<Condition> = lazy('Condition', () =>
  object({
    all: optional(array(conditionSchema)),
    any: optional(array(conditionSchema)),
    not: optional(conditionSchema),
    usage: optional(object({ feature: string(), atLeast: optional(number({ min: 0 })), below: optional(number({ min: 0 })) })),
    gateHits: optional(object({ feature: string(), atLeast: count, within: durationSchema })),
    event: optional(object({ name: string(), atLeast: count, within: optional(durationSchema) })),
    plan: optional(object({ in: optional(ids), notIn: optional(ids) })),
    trial: optional(object({ feature: optional(string()), plan: optional(string()), state: oneOf(['active', 'eligible', 'expired']) })),
    activated: optional(boolean()),
    forecast: optional(object({ feature: string(), exceedsBeforeReset: boolean() })),
    attribute: optional(object({ key: string(), equals: optional(scalar), in: optional(array(scalar)) })),
  }),
);

export const promptKindSchema = oneOf(['meter', 'banner', 'modal', 'trial', 'tooltip']);
export const ctaSchema = oneOf(['upgrade', 'trial', 'contact_sales', 'learn_more']);

const promptFields = {
  /** Where in the app it may appear; `getPrompts(placement)` filters by it. Default: anywhere. */
  placement: text,
  /** The feature the prompt is about (the meter's feature, the trial's feature, ...). */
  feature: optional(string()),
  /** The plan to recommend. Default: the cheapest plan that unlocks `feature`, else the next plan up. */
  plan: optional(string()),
  title: text,
  body: text,
  /** Default: `upgrade`. */
  cta: optional(ctaSchema),
  ctaLabel: text,
  /** Where `learn_more` or `contact_sales` leads. http(s) only. */
  url: text,
};

export const promptSchema = object({
  /** Which component shows it. Modal and trial prompts interrupt; the others sit in the page. */
  kind: promptKindSchema,
  ...promptFields,
});

export const variantSchema = object({
  id: idSchema,
  /** Relative weight among variants. Default: 1. */
  weight: optional(number({ above: 0 })),
  /** Overrides of the trigger's prompt copy for this variant. */
  prompt: optional(object(promptFields)),
});

export const triggerSchema = object({
  id: idSchema,
  description: text,
  when: conditionSchema,
  prompt: promptSchema,
  /** Higher wins when several triggers fire. Default: 0. */
  priority: optional(number({ integer: true })),
  /** Minimum time between two impressions of this trigger. Default: none. */
  cooldown: optional(durationSchema),
  /** Impressions after which the trigger stops showing. Default: unlimited. */
  maxImpressions: optional(positiveCount),
  /** How long a dismissal hides it. Default: `policy.snooze`. */
  snooze: optional(durationSchema),
  experiment: optional(
    object({
      /** Share of eligible customers who see nothing, so lift can be measured. Default: 0. */
      holdout: optional(share),
      variants: optional(array(variantSchema)),
    }),
  ),
});

export const policySchema = object({
  /** What checks answer for unknown features or missing data. Default: `closed`. */
  failMode,
  /** How long after an impression an upgrade is credited to its trigger. Default: `7d`. */
  attributionWindow: optional(durationSchema),
  /** Caps on interrupting prompts (modal, trial). Default: 1 a day, 3 a week. */
  caps: optional(object({ perDay: optional(count), perWeek: optional(count) })),
  /** How long a dismissed prompt stays hidden. Default: `3d`. */
  snooze: optional(durationSchema),
  /** When a customer counts as activated; no interrupting prompt before. Default: always activated. */
  activation: optional(conditionSchema),
  /** Usage ratios at which meters turn `warning` and `critical`. Default: 0.8 and 0.95. */
  thresholds: optional(object({ warning: optional(share), critical: optional(share) })),
});

export const configSchema = object({
  /** JSON Schema reference for editors; ignored at run time. */
  $schema: optional(string()),
  features: record(featureSchema, idSchema),
  /** Ordered from the entry tier up. */
  plans: array(planSchema, 1),
  addOns: withDefault(array(addOnSchema), () => []),
  trials: withDefault(array(trialSchema), () => []),
  triggers: withDefault(array(triggerSchema), () => []),
  policy: withDefault(policySchema, () => ({})),
});

/** A config as authors write it. */
export type ConfigInput = InferInput<typeof configSchema>;
/** A validated config as code reads it. */
export type Config = Infer<typeof configSchema>;
export type Feature = Infer<typeof featureSchema>;
export type FeatureType = Feature['type'];
export type ResetPeriod = Infer<typeof resetPeriodSchema>;
export type Plan = Infer<typeof planSchema>;
export type Price = Infer<typeof priceSchema>;
export type Grant = Infer<typeof grantSchema>;
export type AddOn = Infer<typeof addOnSchema>;
export type Trial = Infer<typeof trialSchema>;
export type Trigger = Infer<typeof triggerSchema>;
export type Prompt = Infer<typeof promptSchema>;
export type PromptKind = Infer<typeof promptKindSchema>;
export type Cta = Infer<typeof ctaSchema>;
export type Policy = Infer<typeof policySchema>;
