import type { Path } from '../config/messages.js';
import type { Limit } from '../entitlements/limit.js';

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
  trialState(target: { feature?: string | undefined; plan?: string | undefined }): TrialState;
  activated(): boolean;
  /** Usage projected to the end of the period; `null` when there is too little history. */
  projectedUsage(featureId: string): number | null;
}

/**
 * What one leaf saw against what it needs, in words. Each leaf measures (`measure`),
 * tests the measure (`holds`: the hot path, no strings), and only when an
 * explanation is asked for describes it (`describe`).
 */
export interface LeafDescription {
  actual: string | number | boolean | null;
  /** The threshold in words: `at least 3`. */
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
export const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));
