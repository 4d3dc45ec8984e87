import type { Path } from '../config/messages.js';
import type { Limit } from '../entitlements/limit.js';
import { DAY, HOUR, MINUTE } from '../utils/time.js';

/*
 * A condition leaf is one module under `leaves/`: its schema, its measure, test and
 * description, what it depends on, and what it references in the config, side by
 * side. The tables that use them (`config/schema.ts`, `evaluate.ts`,
 * `dependencies.ts`, `config/crossCheck.ts`) import only the part they need, so a
 * page that validates configs never loads evaluation code, and the other way round.
 */

/** Trial state of a feature or plan, as conditions and `getTrial` see it. */
export type TrialState = 'active' | 'eligible' | 'expired' | 'unavailable';

/** What a condition can read. The engine builds it over the client's state; tests build it by hand. */
export interface EvaluationContext {
  now: number;
  plan: string;
  attributes: Readonly<Record<string, string | number | boolean | null>>;
  /** Usage, limit and usage/limit of a feature now. */
  usage(featureId: string): { usage: number; limit: Limit; ratio: number };
  /** Gate hits (`gate`) or product events (`event`) within a window (all time when `undefined`). */
  count(kind: 'gate' | 'event', name: string, windowMs?: number): number;
  /** A trial's state, and when it ends (or ended): `null` when there is no such trial. */
  trial(target: { feature?: string | undefined; plan?: string | undefined }): { state: TrialState; endsAt: number | null };
  activated(): boolean;
  /** Usage projected to the end of the period; `null` when there is too little history. */
  projectedUsage(featureId: string): number | null;
}

/**
 * What one leaf saw against what it needs, in words. Each leaf measures (`measure`),
 * tests the measure (`holds`: the hot path, no strings), and only when an
 * explanation is asked for describes it (`describe`). Under a `not`, the trigger
 * needs the opposite of the leaf's threshold, and the words say that opposite
 * (`fewer than 3`), so a line never reads as its own contradiction.
 */
export interface LeafDescription {
  actual: string | number | boolean | null;
  /** What the trigger needs, in words: `at least 3` (under a `not`: `fewer than 3`). */
  expected: string;
  /** One readable line: `2 gate hits on pdfExport in 7d (needs at least 3)`. */
  text: string;
}

export interface LeafOutcome extends LeafDescription {
  held: boolean;
}

/** Where a leaf's references are checked against the config (see `config/crossCheck.ts`). */
export interface ConfigReferences {
  /** A feature id that must be defined, and of one of `types` when given. */
  feature(path: Path, featureId: string, types?: readonly string[]): void;
  plan(path: Path, planId: string): void;
  report(path: Path, message: string): void;
}

export const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/** `1 day`, `12 days`, `5 hours`, `40 minutes`: a span rounded up to its largest unit, as "days left" counts. */
export function span(ms: number): string {
  const [count, unit] = ms >= DAY ? [Math.ceil(ms / DAY), 'day'] : ms >= HOUR ? [Math.ceil(ms / HOUR), 'hour'] : [Math.max(1, Math.ceil(ms / MINUTE)), 'minute'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
export const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));
