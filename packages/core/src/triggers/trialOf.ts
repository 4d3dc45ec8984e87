import { childrenOf, type Condition } from './conditionLeaves.js';
import type { TrialLeaf } from './leaves/trial.js';

/**
 * The trial a condition is about: its first `trial` leaf that must hold (one under
 * a `not` says what the trial must not be, so it names no state to speak for).
 */
export function trialOf(node: Condition): TrialLeaf | undefined {
  if (node.trial) return node.trial;
  if (node.not) return undefined;
  for (const child of childrenOf(node)) {
    const found = trialOf(child);
    if (found) return found;
  }
  return undefined;
}
