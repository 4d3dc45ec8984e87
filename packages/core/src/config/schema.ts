import * as z from 'zod/mini';
import * as activated from '../triggers/leaves/activated.js';
import * as attribute from '../triggers/leaves/attribute.js';
import * as event from '../triggers/leaves/event.js';
import * as forecast from '../triggers/leaves/forecast.js';
import * as gateHits from '../triggers/leaves/gateHits.js';
import * as plan from '../triggers/leaves/plan.js';
import * as trial from '../triggers/leaves/trial.js';
import * as usage from '../triggers/leaves/usage.js';
import type { Condition } from '../triggers/conditionLeaves.js';
import { durationSchema, wholeNumber } from './duration.js';
import { quote } from './messages.js';

export { durationSchema } from './duration.js';
export type { Condition } from '../triggers/conditionLeaves.js';

/*
 * The entitlement model as zod schemas. Structure is checked here; cross-references
 * (a plan granting a feature that does not exist, duplicate ids, ...) are checked in
 * `crossCheck.ts`, which can name what *is* defined in its messages. Browser code
 * imports `zod/mini`, whose functional API tree-shakes to what is used.
 *
 * Messages a generic English one would get wrong (a pattern, a union) are given here,
 * beside the rule they explain; every other message comes from `messages.ts`.
 */

/** Ids that would name `Object.prototype`'s members when used as keys. */
export const RESERVED_IDS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
export const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;

export const idSchema = z.string().check(
  z.regex(ID_PATTERN, { error: (issue) => `must be letters, digits or _ . : - (got ${quote(issue.input)})` }),
  z.refine((id) => !RESERVED_IDS.includes(id), { error: (issue) => `${quote(issue.input)} is reserved; choose another id` }),
);
const count = wholeNumber().check(z.minimum(0));
const positiveCount = wholeNumber().check(z.minimum(1));
/** Stacking more would make limits and prices meaningless (and a linear search slow). */
export const MAX_ADD_ON_QUANTITY = 10_000;
const share = z.number().check(z.minimum(0), z.maximum(1));
const text = z.optional(z.string());
const failMode = z.optional(z.enum(['open', 'closed']));
const ids = z.array(z.string());

export const resetPeriodSchema = z.enum(['day', 'week', 'month', 'year', 'never']);

export const featureSchema = z.strictObject({
  /** `boolean`: a gate. `metered`: a counter with a limit per period. `seats`: a count of members. */
  type: z.enum(['boolean', 'metered', 'seats']),
  /** Human name, used in copy. Default: the feature id. */
  name: text,
  /** Unit for metered features, plural ("API calls"). Default: the name. */
  unit: text,
  /** When a metered feature's usage starts over. Default: `month`. Ignored by other types. */
  reset: z.optional(resetPeriodSchema),
  /** What a check answers when data is missing. Default: `policy.failMode`. */
  failMode,
  description: text,
});

export const priceSchema = z.strictObject({
  amount: z.number().check(z.minimum(0)),
  /** ISO 4217 code, e.g. `USD`. */
  currency: z.string(),
  interval: z.enum(['month', 'year']),
  /** For a monthly price: what a year costs billed yearly (plan pickers offer it, with the saving); ignored on a yearly price. Default: billed monthly only. */
  yearly: z.optional(z.number().check(z.minimum(0))),
});

/** `true` grants a gate; a number is a limit; `'unlimited'` lifts the limit. */
export const grantSchema = z.union([z.literal(true), z.literal('unlimited'), z.number()], {
  error: (issue) => `expected true, "unlimited" or a number, got ${quote(issue.input)}`,
});
const grants = z.record(z.string(), grantSchema);

export const planSchema = z.strictObject({
  id: idSchema,
  name: text,
  price: priceSchema,
  /** Features the plan includes. Default: none. */
  grants: z.optional(grants),
});

export const addOnSchema = z.strictObject({
  id: idSchema,
  name: text,
  price: priceSchema,
  /** Added on top of the plan's grants (limits add up per unit; `true` and `'unlimited'` open the feature). */
  grants,
  /** Plans it can be bought with. Default: every plan. */
  plans: z.optional(ids),
  /** How many a customer can stack, at most 10,000. Default: 1. */
  maxQuantity: z.optional(positiveCount.check(z.maximum(MAX_ADD_ON_QUANTITY))),
});

export const trialSchema = z.strictObject({
  /** Trial of one feature... */
  feature: z.optional(z.string()),
  /** ...or of a whole plan. Exactly one of `feature` and `plan`. */
  plan: z.optional(z.string()),
  /** Length of the trial, e.g. `14d`. */
  duration: durationSchema,
  /** Trials of this feature or plan a customer may start. Default: 1. */
  maxPerCustomer: z.optional(positiveCount),
});

/** How deep a config may nest (JSON levels), so a hostile or accidental tree cannot exhaust the stack. */
export const MAX_DEPTH = 64;

export const conditionSchema: z.ZodMiniType<Condition> = z.strictObject({
  get all() {
    return z.optional(z.array(conditionSchema));
  },
  get any() {
    return z.optional(z.array(conditionSchema));
  },
  get not() {
    return z.optional(conditionSchema);
  },
  usage: z.optional(usage.schema),
  gateHits: z.optional(gateHits.schema),
  event: z.optional(event.schema),
  plan: z.optional(plan.schema),
  trial: z.optional(trial.schema),
  activated: z.optional(activated.schema),
  forecast: z.optional(forecast.schema),
  attribute: z.optional(attribute.schema),
});

export const promptKindSchema = z.enum(['meter', 'banner', 'modal', 'trial', 'tooltip']);
export const ctaSchema = z.enum(['upgrade', 'trial', 'contact_sales', 'learn_more']);

const promptFields = {
  /** Where in the app it may appear; `getPrompts(placement)` filters by it. Default: anywhere. */
  placement: text,
  /** The feature the prompt is about (the meter's feature, the trial's feature, ...). */
  feature: z.optional(z.string()),
  /** The plan to recommend. Default: the cheapest plan that unlocks `feature`, else the next plan up. */
  plan: z.optional(z.string()),
  title: text,
  body: text,
  /** Default: `upgrade`. */
  cta: z.optional(ctaSchema),
  ctaLabel: text,
  /** Where `learn_more` or `contact_sales` leads. http(s) only. */
  url: text,
};

export const promptSchema = z.strictObject({
  /** Which component shows it. Modal and trial prompts interrupt; the others sit in the page. */
  kind: promptKindSchema,
  ...promptFields,
});

export const variantSchema = z.strictObject({
  id: idSchema,
  /** Relative weight among variants. Default: 1. */
  weight: z.optional(z.number().check(z.gt(0))),
  /** Overrides of the trigger's prompt copy for this variant. */
  prompt: z.optional(z.strictObject(promptFields)),
});

export const triggerSchema = z.strictObject({
  id: idSchema,
  description: text,
  when: conditionSchema,
  prompt: promptSchema,
  /** Higher wins when several triggers fire. Default: 0. */
  priority: z.optional(wholeNumber()),
  /** Minimum time between two impressions of this trigger. Default: none. */
  cooldown: z.optional(durationSchema),
  /** Impressions after which the trigger stops showing. Default: unlimited. */
  maxImpressions: z.optional(positiveCount),
  /** How long a dismissal hides it. Default: `policy.snooze`. */
  snooze: z.optional(durationSchema),
  /** Who acts when it fires: the server calls the webhooks of this route (see `@upgradekit/server`). Default: none. */
  route: z.optional(z.enum(['self_serve', 'email', 'sales', 'csm'])),
  experiment: z.optional(
    z.strictObject({
      /** Share of eligible customers who see nothing, so lift can be measured. Default: 0. */
      holdout: z.optional(share),
      variants: z.optional(z.array(variantSchema)),
    }),
  ),
});

export const policySchema = z.strictObject({
  /** What checks answer for unknown features or missing data. Default: `closed`. */
  failMode,
  /** How long after an impression an upgrade is credited to its trigger. Default: `7d`. */
  attributionWindow: z.optional(durationSchema),
  /** Caps on interrupting prompts (modal, trial). Default: 1 a day, 3 a week. */
  caps: z.optional(z.strictObject({ perDay: z.optional(count), perWeek: z.optional(count) })),
  /** How long a dismissed prompt stays hidden. Default: `3d`. */
  snooze: z.optional(durationSchema),
  /** When a customer counts as activated; no interrupting prompt before. Default: always activated. */
  activation: z.optional(conditionSchema),
  /** Usage ratios at which meters turn `warning` and `critical`. Default: 0.8 and 0.95. */
  thresholds: z.optional(z.strictObject({ warning: z.optional(share), critical: z.optional(share) })),
});

export const configSchema = z.strictObject({
  /** JSON Schema reference for editors; ignored at run time. */
  $schema: z.optional(z.string()),
  /** A name for this version of the config (`2026-12-01`, `v7`): every event records it, so reports can be split by it. Default: none. */
  version: z.optional(z.string()),
  features: z.record(idSchema, featureSchema),
  /** Ordered from the entry tier up. */
  plans: z.array(planSchema).check(z.minLength(1)),
  /** Default: none. */
  addOns: z.optional(z.array(addOnSchema)),
  /** Default: none. */
  trials: z.optional(z.array(trialSchema)),
  /** Default: none. */
  triggers: z.optional(z.array(triggerSchema)),
  /** Default: every policy default. */
  policy: z.optional(policySchema),
});

/** Arrays read-only at every depth: what `as const` and `defineConfig` give, and what code should not mutate. */
export type Immutable<T> = T extends ReadonlyArray<infer I> ? ReadonlyArray<Immutable<I>> : T extends object ? { [K in keyof T]: Immutable<T[K]> } : T;

/** A config as authors write it (read-only arrays accepted, so `as const` configs type-check). */
export type ConfigInput = Immutable<z.input<typeof configSchema>>;
/** Fields `normalizeConfig` fills in, so code reads them without checking. */
type WithDefaults<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined> };

/**
 * A validated config as code reads it, with defaults applied. The defaults are
 * applied by `normalizeConfig` (which `parseConfig` ends with), not by the schema,
 * so that production builds that trust a config apply the very same ones.
 */
export type Config = Omit<WithDefaults<z.output<typeof configSchema>, 'addOns' | 'trials' | 'triggers' | 'policy'>, 'plans'> & { plans: Plan[] };
export type Feature = z.output<typeof featureSchema>;
export type FeatureType = Feature['type'];
export type ResetPeriod = z.output<typeof resetPeriodSchema>;
export type Plan = WithDefaults<z.output<typeof planSchema>, 'grants'>;
export type Price = z.output<typeof priceSchema>;
export type Grant = z.output<typeof grantSchema>;
export type AddOn = z.output<typeof addOnSchema>;
export type Trial = z.output<typeof trialSchema>;
export type Trigger = z.output<typeof triggerSchema>;
export type Prompt = z.output<typeof promptSchema>;
export type PromptKind = z.output<typeof promptKindSchema>;
export type Cta = z.output<typeof ctaSchema>;
export type Policy = z.output<typeof policySchema>;
export type TriggerRoute = NonNullable<Trigger['route']>;
