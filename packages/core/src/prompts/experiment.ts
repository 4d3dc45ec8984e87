import type { Trigger } from '../config/schema.js';

/** The variant of customers deliberately shown nothing, so lift can be measured. */
export const HOLDOUT = 'holdout';
/** The variant of triggers without an experiment, or of their base prompt. */
export const CONTROL = 'control';

/**
 * A stable number in [0, 1) for a string: FNV-1a, then murmur3's finaliser so
 * that ids differing only in their last characters still spread evenly.
 */
export function hashToUnit(input: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < input.length; index++) hash = Math.imul(hash ^ input.charCodeAt(index), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 4294967296;
}

/**
 * The customer's arm of a trigger's experiment: `holdout`, a variant id, or
 * `control`. Deterministic in (customer, trigger), so it is the same on every
 * device and reload, and independent between triggers.
 */
export function assignVariant(trigger: Trigger, customerId: string): string {
  const { holdout = 0, variants } = trigger.experiment ?? {};
  const unit = hashToUnit(`${customerId}:${trigger.id}`);
  if (unit < holdout) return HOLDOUT;
  if (!variants?.length) return CONTROL;
  // Rescale what is left after the holdout, then walk the weights.
  let point = ((unit - holdout) / (1 - holdout)) * variants.reduce((sum, variant) => sum + (variant.weight ?? 1), 0);
  for (const variant of variants) {
    point -= variant.weight ?? 1;
    if (point < 0) return variant.id;
  }
  return variants[variants.length - 1]!.id;
}
