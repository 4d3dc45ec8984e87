import type { Config } from '../config/schema';
import {
  array,
  boolean,
  formatPath,
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
  type Path,
} from '../config/validator';

/** A date as epoch milliseconds or an ISO 8601 string. */
const timestamp = primitive<number | string>(
  'epoch milliseconds or ISO 8601 date',
  (value) => (typeof value === 'number' || typeof value === 'string') && Number.isFinite(toTime(value)),
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

export function toTime(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
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
  let data: unknown = input;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    warnings.push(`customer: expected an object with "id" and "plan", got ${data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data}`);
    data = {};
  }
  // Drop whatever the schema rejects, one path at a time, so valid siblings survive.
  let draft = copyData(data) as Record<string, unknown>;
  let parsed = validate(customerSchema, draft);
  const dropped = new Set<string>();
  for (let attempt = 0; parsed.issues.length && attempt < 20; attempt++) {
    const paths: Path[] = [];
    for (const issue of parsed.issues) {
      const at = formatPath(issue.path);
      // A required field already dropped takes the entry it belongs to with it (a trial without `endsAt`).
      if (dropped.has(at)) {
        paths.push(issue.path.slice(0, -1));
        continue;
      }
      dropped.add(at);
      warnings.push(`customer${issue.path.length ? `.${at}` : ''}: ${issue.message}; ignored`);
      // Keys the schema does not know go on their own: the host's extra fields must not cost the whole object.
      if (issue.unknownKeys) paths.push(...issue.unknownKeys.map((key) => [...issue.path, key]));
      else paths.push(issue.path);
    }
    // Last first, so removing an array item does not shift the index of the next one to remove.
    for (const path of paths.reverse()) draft = dropAt(draft, path);
    if (typeof draft.id !== 'string' || !draft.id) draft.id = 'anonymous';
    if (typeof draft.plan !== 'string') draft.plan = '';
    parsed = validate(customerSchema, draft);
  }
  const raw = parsed.issues.length ? { id: 'anonymous', plan: '' } : parsed.value;

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

function dropAt(root: Record<string, unknown>, path: Path): Record<string, unknown> {
  if (!path.length) return {};
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    parent = (parent as Record<PropertyKey, unknown> | undefined)?.[key as string];
    if (parent === null || typeof parent !== 'object') return root;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete (parent as Record<PropertyKey, unknown>)[last];
  return root;
}

/**
 * A copy of plain data (the host's object is never mutated); cycles become
 * `undefined`. Functions are kept as they are, so a warning can say "got function".
 */
function copyData(value: unknown, seen = new Set<unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.getTime();
  if (seen.has(value)) return undefined;
  seen.add(value);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  for (const [key, item] of Object.entries(value)) (copy as Record<string, unknown>)[key] = copyData(item, seen);
  seen.delete(value);
  return copy;
}
