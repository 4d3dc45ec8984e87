import type { KitCore } from '../client/kitCore.js';
import type { Trigger } from '../config/schema.js';
import { signalWindows } from '../signals/windows.js';
import { evaluate } from '../triggers/evaluate.js';
import type { ActivePrompt } from './activePrompt.js';
import type { TriggerExplanation } from './types.js';
import { HOLDOUT } from './experiment.js';
import { evaluationContext } from './triggerEvaluation.js';

/** A trigger's condition leaf by leaf, and what governance does with it now (shown, held out, suppressed). */
export function explainTrigger(kit: KitCore, trigger: Trigger, variant: string, activated: boolean, shown: readonly ActivePrompt[]): TriggerExplanation {
  const context = evaluationContext(kit.config, signalWindows(kit.config), kit.getSnapshot(), activated, kit.platform.now());
  const evaluation = evaluate(trigger.when, context);
  const status = !evaluation.fired
    ? 'not_fired'
    : variant === HOLDOUT
      ? 'held_out'
      : shown.some((prompt) => prompt.triggerId === trigger.id)
        ? 'shown'
        : 'suppressed';
  return { triggerId: trigger.id, variant, ...evaluation, status };
}
