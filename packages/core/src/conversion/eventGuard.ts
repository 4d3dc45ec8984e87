import type { UpgradeKitEvent } from './events.js';

/*
 * A fast, conservative check of an event from outside, for readers of millions of
 * them (the CLI, the collector): plain field tests, about twenty times cheaper than
 * the zod schemas of `eventSchema.ts`, which stay the authority. It answers `true`
 * only for a value those schemas accept (its rules are theirs, field by field, and
 * a property test holds them to it); `false` means "ask `parseEvent`", which then
 * accepts the value or says what is wrong with it.
 */

/** The longest id, customer id, name or text an event may carry. */
export const MAX_TEXT = 512;
/** The most props a product event may carry. */
export const MAX_PROPS = 64;
/** The most condition leaves a `trigger.fired` explanation carries. */
export const MAX_EXPLAINED_LEAVES = 32;

type Check = (value: unknown) => boolean;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};
const isText: Check = (value) => typeof value === 'string' && value.length >= 1 && value.length <= MAX_TEXT;
const isShortString: Check = (value) => typeof value === 'string' && value.length <= MAX_TEXT;
const isFiniteNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const isScalar: Check = (value) => value === null || typeof value === 'boolean' || isFiniteNumber(value) || isShortString(value);

function isProps(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length > MAX_PROPS) return false;
  for (const key of keys) if (key.length > MAX_TEXT || !isScalar(value[key])) return false;
  return true;
}

function isAddOns(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > MAX_PROPS) return false;
  for (const item of value as unknown[]) {
    if (!isPlainObject(item) || !isText(item.id) || !(isFiniteNumber(item.quantity) && (item.quantity as number) >= 1)) return false;
  }
  return true;
}

const isLeaf: Check = (value) => {
  if (!isPlainObject(value)) return false;
  const { actual } = value;
  return (
    isText(value.path) &&
    isText(value.leaf) &&
    typeof value.held === 'boolean' &&
    typeof value.negated === 'boolean' &&
    (actual === null || typeof actual === 'boolean' || isFiniteNumber(actual) || isShortString(actual)) &&
    isShortString(value.expected) &&
    isShortString(value.text)
  );
};

const isOffer: Check = (value) =>
  isPlainObject(value) &&
  isText(value.plan) &&
  isAddOns(value.addOns) &&
  (value.limit === 'unlimited' || isFiniteNumber(value.limit)) &&
  isFiniteNumber(value.mrrDelta) &&
  isText(value.currency);

/** A `trigger.fired` explanation, as the schema's `explanation` (loose objects: other keys are kept). */
function isExplanation(value: unknown): boolean {
  if (!isPlainObject(value) || !isText(value.plan) || !(value.upgrade === null || isOffer(value.upgrade))) return false;
  const { leaves } = value;
  if (!Array.isArray(leaves) || leaves.length > MAX_EXPLAINED_LEAVES) return false;
  for (const leaf of leaves as unknown[]) if (!isLeaf(leaf)) return false;
  return true;
}

const BASE: Record<string, Check> = {
  v: (value) => value === 1,
  id: isText,
  at: isFiniteNumber,
  customerId: isText,
  mrr: (value) => isFiniteNumber(value) && (value as number) >= 0,
  sdkVersion: isText,
  configVersion: optional(isText),
};
const TRIGGER = { triggerId: isText, variant: isText };
const OPTIONAL_TRIGGER = { triggerId: optional(isText), variant: optional(isText) };

/**
 * The own fields of the types a client sends in bulk, as `knownEventSchema` defines
 * them. Rare types (`config.applied`, `config.rejected`) are left to the schemas.
 */
const FIELDS: Record<string, Record<string, Check>> = {
  'usage.tracked': { feature: isText, amount: isFiniteNumber, usage: isFiniteNumber },
  'gate.hit': { feature: isText },
  'event.recorded': { name: isText, props: optional(isProps) },
  'trigger.fired': { ...TRIGGER, explanation: optional(isExplanation) },
  'prompt.held_out': TRIGGER,
  'prompt.shown': { ...TRIGGER, kind: isText, placement: optional(isText) },
  'prompt.clicked': { ...TRIGGER, cta: isText },
  'prompt.dismissed': { ...TRIGGER, reason: optional(isText), forever: optional((value) => typeof value === 'boolean') },
  'trial.started': { ...OPTIONAL_TRIGGER, feature: optional(isText), plan: optional(isText), endsAt: isFiniteNumber },
  'trial.ended': { feature: optional(isText), plan: optional(isText) },
  'upgrade.completed': { ...OPTIONAL_TRIGGER, fromPlan: isShortString, toPlan: isText, addOns: isAddOns, mrrDelta: isFiniteNumber },
};

/** Per type, its field names and their checks side by side: a plain indexed loop is the cheapest walk. */
const CHECKS = new Map(
  Object.entries(FIELDS).map(([type, fields]) => {
    const all = { ...BASE, ...fields };
    return [type, { keys: Object.keys(all), checks: Object.values(all) }];
  }),
);

/**
 * Whether `value` is an event of a known type that `parseEvent` would accept as it
 * is. `false` does not mean it is invalid: unknown types, and values this check
 * does not recognise quickly, are for `parseEvent` to judge.
 */
export function isWellFormedEvent(value: unknown): value is UpgradeKitEvent {
  if (!isPlainObject(value)) return false;
  const fields = typeof value.type === 'string' ? CHECKS.get(value.type) : undefined;
  if (!fields) return false;
  const { keys, checks } = fields;
  for (let index = 0; index < keys.length; index++) if (!checks[index]!(value[keys[index]!])) return false;
  return true;
}
