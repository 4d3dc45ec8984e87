import type { KitCore } from '../client/kitCore.js';
import type { Trigger } from '../config/schema.js';
import { toActivePrompt } from '../prompts/activePrompt.js';
import { evaluationContext } from '../prompts/triggerEvaluation.js';
import { signalWindows } from '../signals/windows.js';
import { evaluate, evaluateCondition } from '../triggers/evaluate.js';
import { MAX_EXPLAINED_LEAVES, MAX_TEXT } from './eventGuard.js';
import type { FiringExplanation } from './events.js';

const bound = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

/**
 * What a `trigger.fired` carries about its moment: the customer's plan, each leaf
 * against its threshold, and the prompt's offer, cut to the bounds the event
 * schemas accept, so a person the firing is routed to sees why without the browser.
 */
export function explainFiring(kit: KitCore, trigger: Trigger, variant: string): FiringExplanation {
  const { config } = kit;
  const state = kit.getSnapshot();
  const now = kit.platform.now();
  const windows = signalWindows(config);
  const activation = config.policy.activation;
  const activated = state.customer.activated ?? (activation ? evaluateCondition(activation, evaluationContext(config, windows, state, false, now)) : true);
  const { explain } = evaluate(trigger.when, evaluationContext(config, windows, state, activated, now, (featureId) => kit.check(featureId)));
  const offer = toActivePrompt(config, trigger, variant, state.customer, now).upgrade;
  return {
    plan: state.customer.plan,
    leaves: explain.slice(0, MAX_EXPLAINED_LEAVES).map((leaf) => ({
      path: bound(leaf.path),
      leaf: leaf.leaf,
      held: leaf.held,
      negated: leaf.negated,
      actual: typeof leaf.actual === 'string' ? bound(leaf.actual) : leaf.actual,
      expected: bound(leaf.expected),
      text: bound(leaf.text),
    })),
    upgrade: offer && { plan: offer.plan, addOns: offer.addOns.map(({ id, quantity }) => ({ id, quantity })), limit: offer.limit, mrrDelta: offer.mrrDelta, currency: offer.currency },
  };
}
