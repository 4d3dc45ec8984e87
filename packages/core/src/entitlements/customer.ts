import type { Config } from '../config/schema.js';
import {
  array,
  boolean,
  formatIssue,
  validate,
  number,
  object,
  optional,
  primitive,
  record,
  scalar,
  string,
  union,
  type InferInput,
} from '../config/validator.js';
import { isRecord } from '../utils/isRecord.js';

/** A date as epoch milliseconds or an ISO 8601 string. */
const timestamp = primitive<number | string | Date>(
  'epoch milliseconds or ISO 8601 date',
  (value) => (typeof value === 'number' || typeof value === 'string' || value instanceof Date) && Number.isFinite(toTime(value)),
  { type: ['number', 'string'] },
);
const nonNegative = number({ min: 0 });

export const customerSchema = object({
  id: string(/./, 'must not be empty'),
  /** Id of the customer's plan in the config. */
  plan: string(),
  /** Add-on ids, or `{ id, quantity }` for stacked add-ons. */
  addOns: optional(
    array(
      union<string | { id: string; quantity?: number }, string | { id: string; quantity?: number }>(
        [string(), object({ id: string(), quantity: optional(number({ min: 1, integer: true })) })],
        'expected an add-on id or { id, quantity }',
      ),
    ),
  ),
  /** Usage in the current period per metered feature; member count per seats feature. */
  usage: optional(record(nonNegative)),
  /** When `usage` was measured. Usage measured before a feature's current period counts as 0. Default: now. */
  usageAsOf: optional(timestamp),
  /** Billing anchor that periods are counted from. Default: calendar periods in UTC. */
  periodStart: optional(timestamp),
  trials: optional(
    array(object({ feature: optional(string()), plan: optional(string()), startedAt: timestamp, endsAt: timestamp })),
  ),
  /** Set by the host when it knows; otherwise `policy.activation` decides. */
  activated: optional(boolean()),
  attributes: optional(record(scalar)),
});

/** Customer data as the host app supplies it (from its backend). */
export type CustomerInput = InferInput<typeof customerSchema>;

/** Usage of one feature and when it was measured. */
export interface UsageEntry {
  value: number;
  asOf: number;
}

export interface CustomerTrial {
  feature?: string;
  plan?: string;
  startedAt: number;
  endsAt: number;
}

/** A validated customer, normalised for checks. */
export interface Customer {
  id: string;
  plan: string;
  addOns: Array<{ id: string; quantity: number }>;
  usage: Record<string, UsageEntry>;
  periodStart: number;
  trials: CustomerTrial[];
  activated?: boolean;
  attributes: Record<string, string | number | boolean | null>;
}

export function toTime(value: number | string | Date): number {
  return typeof value === 'number' ? value : value instanceof Date ? value.getTime() : Date.parse(value);
}

export interface ParseCustomerResult {
  customer: Customer;
  /** What was wrong and has been dropped or defaulted; empty for clean data. */
  warnings: string[];
}

/**
 * Validates customer data from the host app. Malformed data never throws:
 * each bad field is dropped (or defaulted) with a warning naming its path, and
 * everything valid is kept.
 */
export function parseCustomer(input: unknown, config: Config, now: number): ParseCustomerResult {
  const warnings: string[] = [];
  const source: Record<string, unknown> = isRecord(input) ? { ...input } : {};
  if (!isRecord(input)) {
    warnings.push(`customer: expected an object with "id" and "plan", got ${input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input}`);
  }
  // Without an id and a plan there is no customer to check: stand-ins keep the app running.
  if (typeof source.id !== 'string' || !source.id) {
    warnings.push(`customer.id: expected a non-empty string, got ${JSON.stringify(source.id) ?? 'nothing'}; using "anonymous"`);
    source.id = 'anonymous';
  }
  if (typeof source.plan !== 'string') {
    warnings.push(`customer.plan: expected a plan id, got ${JSON.stringify(source.plan) ?? 'nothing'}`);
    source.plan = '';
  }
  // The validator leaves out whatever is invalid and keeps every valid sibling; the input is never mutated.
  const { value, issues } = validate(customerSchema, source);
  for (const issue of issues) warnings.push(`customer${issue.path.length ? `.${formatIssue(issue)}` : `: ${issue.message}`}; ignored`);
  const raw = value ?? { id: source.id as string, plan: source.plan as string };

  if (!config.plans.some((plan) => plan.id === raw.plan)) {
    warnings.push(
      `customer.plan: plan "${raw.plan}" is not defined (defined: ${config.plans.map((plan) => plan.id).join(', ')}); checks fall back to each feature's fail mode`,
    );
  }
  const asOf = raw.usageAsOf === undefined ? now : toTime(raw.usageAsOf);
  const usage: Record<string, UsageEntry> = {};
  for (const [featureId, value] of Object.entries(raw.usage ?? {})) {
    if (!config.features[featureId]) warnings.push(`customer.usage.${featureId}: feature "${featureId}" is not defined; kept but unused`);
    usage[featureId] = { value, asOf };
  }
  const addOns = (raw.addOns ?? []).map((addOn) =>
    typeof addOn === 'string' ? { id: addOn, quantity: 1 } : { id: addOn.id, quantity: addOn.quantity ?? 1 },
  );
  for (const addOn of addOns) {
    if (!config.addOns.some((known) => known.id === addOn.id)) warnings.push(`customer.addOns: add-on "${addOn.id}" is not defined; ignored`);
  }
  const customer: Customer = {
    id: raw.id,
    plan: raw.plan,
    addOns,
    usage,
    periodStart: raw.periodStart === undefined ? 0 : toTime(raw.periodStart),
    trials: (raw.trials ?? []).map((trial) => ({
      ...(trial.feature !== undefined && { feature: trial.feature }),
      ...(trial.plan !== undefined && { plan: trial.plan }),
      startedAt: toTime(trial.startedAt),
      endsAt: toTime(trial.endsAt),
    })),
    attributes: raw.attributes ?? {},
  };
  if (raw.activated !== undefined) customer.activated = raw.activated;
  return { customer, warnings };
}
