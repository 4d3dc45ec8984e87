import * as z from 'zod/mini';
import { describe, formatPath, quote } from '../config/messages.js';
import { wholeNumber } from '../config/duration.js';
import type { Config } from '../config/schema.js';
import { isRecord } from '../utils/isRecord.js';
import { parseLeniently } from '../utils/lenient.js';

const notATimestamp = (issue: { input: unknown }) => `expected epoch milliseconds or ISO 8601 date, got ${describe(issue.input)}`;
/** A date as epoch milliseconds or an ISO 8601 string. */
const timestamp = z
  .union([z.number(), z.string(), z.date()], { error: notATimestamp })
  .check(z.refine((value) => Number.isFinite(toTime(value)), { error: notATimestamp }));
const addOnRef = z.union([z.string(), z.strictObject({ id: z.string(), quantity: z.optional(wholeNumber().check(z.minimum(1))) })], {
  error: (issue) => `expected an add-on id or { id, quantity }, got ${quote(issue.input)}`,
});
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: (issue) => `expected string, number, boolean or null, got ${describe(issue.input)}`,
});

export const customerSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  /** Id of the customer's plan in the config. */
  plan: z.string(),
  /** Add-on ids, or `{ id, quantity }` for stacked add-ons. */
  addOns: z.optional(z.array(addOnRef)),
  /** Usage in the current period per metered feature; member count per seats feature. */
  usage: z.optional(z.record(z.string(), z.number().check(z.minimum(0)))),
  /** When `usage` was measured. Usage measured before a feature's current period counts as 0. Default: now. */
  usageAsOf: z.optional(timestamp),
  /** Billing anchor that periods are counted from. Default: calendar periods in UTC. */
  periodStart: z.optional(timestamp),
  trials: z.optional(z.array(z.strictObject({ feature: z.optional(z.string()), plan: z.optional(z.string()), startedAt: timestamp, endsAt: timestamp }))),
  /** Set by the host when it knows; otherwise `policy.activation` decides. */
  activated: z.optional(z.boolean()),
  attributes: z.optional(z.record(z.string(), scalar)),
});

/** Customer data as the host app supplies it (from its backend). */
export type CustomerInput = z.input<typeof customerSchema>;

/** Usage of one feature and when it was measured. */
export interface UsageEntry {
  value: number;
  /** When it was last measured or tracked (this device's clock for tracking). */
  asOf: number;
  /**
   * The server measurement (its `asOf`) this value builds on: usage tracked on a
   * device keeps the basis it started from, so a newer server measurement wins
   * whatever the device's clock says. Absent: the value is the measurement itself.
   */
  basis?: number;
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
  let raw: Partial<CustomerInput> & { id: string; plan: string };
  try {
    raw = readCustomer(input, warnings);
  } catch (error) {
    // A hostile object (a throwing getter, a proxy) is no customer at all.
    warnings.push(`customer: could not be read (${error instanceof Error ? error.message : String(error)}); using "anonymous"`);
    raw = { id: 'anonymous', plan: '' };
  }

  if (!config.plans.some((plan) => plan.id === raw.plan)) {
    warnings.push(
      `customer.plan: plan "${raw.plan}" is not defined (defined: ${config.plans.map((plan) => plan.id).join(', ')}); checks fall back to each feature's fail mode`,
    );
  }
  const asOf = raw.usageAsOf === undefined ? now : toTime(raw.usageAsOf);
  const usage: Record<string, UsageEntry> = Object.create(null);
  for (const [featureId, value] of Object.entries(raw.usage ?? {})) {
    if (!Object.hasOwn(config.features, featureId)) warnings.push(`customer.usage.${featureId}: feature "${featureId}" is not defined; kept but unused`);
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
    attributes: raw.attributes ?? Object.create(null),
  };
  if (raw.activated !== undefined) customer.activated = raw.activated;
  return { customer, warnings };
}

/** The customer's fields that validate, with stand-ins for a missing id or plan; every problem becomes a warning. */
function readCustomer(input: unknown, warnings: string[]): Partial<CustomerInput> & { id: string; plan: string } {
  if (!isRecord(input)) {
    warnings.push(`customer: expected an object with "id" and "plan", got ${input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input}`);
    input = {};
  }
  const source = withIdsAsStrings(input as Record<string, unknown>, warnings);
  // Without an id and a plan there is no customer to check: stand-ins keep the app running.
  if (typeof source.id !== 'string' || !source.id) {
    warnings.push(`customer.id: expected a non-empty string, got ${quote(source.id)}; using "anonymous"`);
    source.id = 'anonymous';
  }
  if (typeof source.plan !== 'string') {
    warnings.push(`customer.plan: expected a plan id, got ${quote(source.plan)}`);
    source.plan = '';
  }
  const raw = parseLeniently(customerSchema, source, (path, message) =>
    warnings.push(`customer${path.length ? `.${formatPath(path)}` : ''}: ${message}; ignored`),
  );
  return { ...raw, id: source.id as string, plan: source.plan as string };
}

/**
 * Database drivers return BigInt (and numbers) for ids and counts: the customer id
 * and plan become strings, BigInt add-on ids strings too, and BigInt counts numbers;
 * each conversion of an id is warned about.
 */
function withIdsAsStrings(input: Record<string, unknown>, warnings: string[]): Record<string, unknown> {
  const source = { ...input };
  const asString = (value: unknown, path: string, numbers = true) => {
    if (typeof value !== 'bigint' && !(numbers && typeof value === 'number' && Number.isFinite(value))) return value;
    warnings.push(`customer.${path}: expected a string, got ${typeof value} ${quote(value)}; using "${String(value)}"`);
    return String(value);
  };
  source.id = asString(source.id, 'id');
  source.plan = asString(source.plan, 'plan');
  if (Array.isArray(source.addOns)) {
    source.addOns = source.addOns.map((addOn, index) =>
      isRecord(addOn) ? { ...addOn, id: asString(addOn.id, `addOns[${index}].id`, false), ...(typeof addOn.quantity === 'bigint' && { quantity: Number(addOn.quantity) }) } : asString(addOn, `addOns[${index}]`, false),
    );
  }
  if (isRecord(source.usage)) {
    source.usage = Object.fromEntries(Object.entries(source.usage).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value]));
  }
  return source;
}
