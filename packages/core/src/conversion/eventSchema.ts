import * as z from 'zod/mini';
import { formatIssue, PARSE_OPTIONS } from '../config/messages.js';
import { isWellFormedEvent, MAX_EXPLAINED_LEAVES, MAX_PROPS, MAX_TEXT } from './eventGuard.js';
import type { UpgradeKitEvent } from './events.js';

export { MAX_EXPLAINED_LEAVES, MAX_PROPS, MAX_TEXT } from './eventGuard.js';

/*
 * The events' shapes as zod schemas, for whoever receives events from the outside
 * (the collector, the CLI reading NDJSON): each field's type and a bound on every
 * string and collection, so one event cannot carry megabytes. Fields added by later
 * SDK versions are kept (the shape only ever grows), and so are event types this
 * version does not know, if their common fields are sound.
 */

const text = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT));
const finite = z.number();
const triggerFields = { triggerId: text, variant: text };
const optionalTrigger = { triggerId: z.optional(text), variant: z.optional(text) };
const scalar = z.union([z.string().check(z.maxLength(MAX_TEXT)), z.number(), z.boolean(), z.null()]);
// `maxSize` bounds Maps and Sets only: a record's keys are counted here.
const props = z.record(z.string().check(z.maxLength(MAX_TEXT)), scalar).check(
  z.refine((record) => Object.keys(record).length <= MAX_PROPS, { error: `has more than ${MAX_PROPS} props` }),
);
const addOns = z.array(z.object({ id: text, quantity: z.number().check(z.minimum(1)) })).check(z.maxLength(MAX_PROPS));
const shortText = z.string().check(z.maxLength(MAX_TEXT));
const leaf = z.looseObject({ path: text, leaf: text, held: z.boolean(), negated: z.boolean(), actual: z.union([shortText, z.number(), z.boolean(), z.null()]), expected: shortText, text: shortText });
const offer = z.looseObject({ plan: text, addOns, limit: z.union([z.number(), z.literal('unlimited')]), mrrDelta: finite, currency: text });
const explanation = z.looseObject({ plan: text, leaves: z.array(leaf).check(z.maxLength(MAX_EXPLAINED_LEAVES)), upgrade: z.nullable(offer) });

const base = {
  v: z.literal(1),
  id: text,
  at: finite,
  customerId: text,
  mrr: z.number().check(z.minimum(0)),
  sdkVersion: text,
  configVersion: z.optional(text),
};

const typed = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) => z.looseObject({ ...base, type: z.literal(type), ...shape });

/** Every event type this version knows, by its `type`. */
export const knownEventSchema = z.discriminatedUnion('type', [
  typed('usage.tracked', { feature: text, amount: finite, usage: finite }),
  typed('gate.hit', { feature: text }),
  typed('event.recorded', { name: text, props: z.optional(props) }),
  typed('trigger.fired', { ...triggerFields, explanation: z.optional(explanation) }),
  typed('prompt.held_out', triggerFields),
  typed('prompt.shown', { ...triggerFields, kind: text, placement: z.optional(text) }),
  typed('prompt.clicked', { ...triggerFields, cta: text }),
  typed('prompt.dismissed', { ...triggerFields, reason: z.optional(text), forever: z.optional(z.boolean()) }),
  typed('trial.started', { ...optionalTrigger, feature: z.optional(text), plan: z.optional(text), endsAt: finite }),
  typed('trial.ended', { feature: z.optional(text), plan: z.optional(text) }),
  typed('config.applied', { url: text, version: z.optional(text) }),
  typed('config.rejected', { url: text, reason: text, detail: z.string().check(z.maxLength(MAX_TEXT)), errors: z.optional(z.array(z.string().check(z.maxLength(MAX_TEXT))).check(z.maxLength(MAX_PROPS))) }),
  typed('upgrade.completed', { ...optionalTrigger, fromPlan: z.string().check(z.maxLength(MAX_TEXT)), toPlan: text, addOns, mrrDelta: finite }),
]);

const KNOWN = new Set([
  'usage.tracked',
  'gate.hit',
  'event.recorded',
  'trigger.fired',
  'prompt.held_out',
  'prompt.shown',
  'prompt.clicked',
  'prompt.dismissed',
  'trial.started',
  'trial.ended',
  'config.applied',
  'config.rejected',
  'upgrade.completed',
]);

/** An event of a type this version does not know: its common fields only are checked. */
const otherEventSchema = z.looseObject({ ...base, type: text });

export type ParseEventResult = { success: true; event: UpgradeKitEvent } | { success: false; error: string };

/**
 * Checks one event from outside (a request body, an NDJSON line). Never throws;
 * the error names the field and what was wrong: `at: expected number, got string`.
 * A sound event of a common type is returned as it is (see `isWellFormedEvent`);
 * others as the schema parsed them.
 */
export function parseEvent(value: unknown): ParseEventResult {
  try {
    // Most events are sound: a plain check says so at a fraction of the schema's cost.
    if (isWellFormedEvent(value)) return { success: true, event: value };
    const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
    const schema = typeof type === 'string' && KNOWN.has(type) ? knownEventSchema : otherEventSchema;
    const result = schema.safeParse(value, PARSE_OPTIONS);
    if (result.success) return { success: true, event: result.data as UpgradeKitEvent };
    return { success: false, error: result.error.issues.map(formatIssue).join('; ') };
  } catch (error) {
    return { success: false, error: `could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}
