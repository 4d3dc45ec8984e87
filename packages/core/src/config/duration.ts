import * as z from 'zod/mini';
import { DURATION_PATTERN } from '../utils/duration.js';
import { quote } from './messages.js';

/** A time span as PMs write it: `30m`, `24h`, `7d`, `2w`. */
export const durationSchema = z.string().check(
  z.regex(DURATION_PATTERN, { error: (issue) => `must be a duration such as "30m", "24h", "7d" or "2w" (got ${quote(issue.input)})` }),
);

/**
 * A whole number (a count, a priority). A refinement rather than `z.int()`, whose
 * number-format machinery (safe-integer ranges, float32 and friends) a config never needs.
 */
export const wholeNumber = () =>
  z.number().check(z.refine(Number.isInteger, { error: (issue) => `must be a whole number (got ${quote(issue.input)})` }));
