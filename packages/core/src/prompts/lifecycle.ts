import type { StoreApi } from 'zustand/vanilla';
import type { KitCore } from '../client/kitCore.js';
import { snoozeMs } from '../config/policy.js';
import type { Trigger } from '../config/schema.js';
import { isInterrupting } from './arbiter.js';
import type { PromptEngine, PromptState } from './types.js';
import type { GovernanceStore } from './governance.js';

interface LifecycleParts {
  kit: KitCore;
  store: StoreApi<PromptState>;
  governance: GovernanceStore;
  /** The trigger of an id, or `undefined` with a development warning naming `action`. */
  known(triggerId: string, action: string): Trigger | undefined;
  variantOf(trigger: Trigger): string;
  /** This tab showed an interrupting prompt at `at`. */
  onInterrupt(triggerId: string, at: number): void;
}

const without = (set: ReadonlySet<string>, id: string) => {
  const next = new Set(set);
  next.delete(id);
  return next;
};

/**
 * What happens to a prompt once the arbiter offered it: shown (an impression,
 * counted once per display), hidden unanswered, clicked, dismissed (snoozed or for
 * good, with a reason). Each records governance state and emits its event.
 */
export function promptLifecycle({ kit, store, governance, known, variantOf, onInterrupt }: LifecycleParts): Pick<
  PromptEngine,
  'markShown' | 'markHidden' | 'markClicked' | 'markDismissed' | 'snooze'
> {
  const { platform } = kit;
  const touch = (triggerId: string, variant: string) => governance.touch({ triggerId, variant, at: platform.now() });
  return {
    markShown(triggerId) {
      const trigger = known(triggerId, 'markShown');
      const state = store.getState();
      if (!trigger || state.open.has(triggerId)) return;
      const now = platform.now();
      const past = state.history[triggerId];
      const interrupting = isInterrupting(trigger.prompt.kind);
      store.setState({ open: new Set(state.open).add(triggerId) });
      if (interrupting) onInterrupt(triggerId, now);
      governance.record(triggerId, { ...past, impressions: (past?.impressions ?? 0) + 1, lastShownAt: now }, interrupting ? now : undefined);
      const variant = variantOf(trigger);
      touch(triggerId, variant);
      const { kind, placement } = trigger.prompt;
      kit.emit({ type: 'prompt.shown', triggerId, variant, kind, ...(placement !== undefined && { placement }) });
    },
    markHidden(triggerId) {
      const { open } = store.getState();
      if (open.has(triggerId)) store.setState({ open: without(open, triggerId) });
    },
    markClicked(triggerId, cta) {
      const trigger = known(triggerId, 'markClicked');
      if (!trigger) return;
      const variant = variantOf(trigger);
      store.setState({ open: without(store.getState().open, triggerId) });
      touch(triggerId, variant);
      kit.emit({ type: 'prompt.clicked', triggerId, variant, cta: cta ?? trigger.prompt.cta ?? 'upgrade' });
    },
    markDismissed(triggerId, reason, options) {
      const forever = options?.forever === true;
      const trigger = known(triggerId, 'markDismissed');
      if (!trigger) return;
      const past = store.getState().history[triggerId];
      store.setState({ open: without(store.getState().open, triggerId) });
      const snoozedUntil = platform.now() + snoozeMs(kit.config, trigger);
      governance.record(triggerId, { ...past, impressions: past?.impressions ?? 0, snoozedUntil, ...(forever && { dismissedForever: true }) });
      const why = typeof reason === 'string' && reason ? { reason } : {};
      kit.emit({ type: 'prompt.dismissed', triggerId, variant: variantOf(trigger), ...why, ...(forever && { forever }) });
    },
    snooze(key, until) {
      governance.snooze(key, until);
    },
  };
}
