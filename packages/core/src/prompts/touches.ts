import type { StoreApi } from 'zustand/vanilla';
import type { KitCore } from '../client/kitCore.js';
import { attributionWindowMs } from '../config/policy.js';
import type { GovernanceStore } from './governance.js';
import type { PromptEngine, PromptState } from './types.js';

/**
 * The last prompt a customer saw or clicked, which the engine owns: what a
 * conversion is credited to within the attribution window, carried through a
 * checkout redirect by a token, and cleared once a conversion used it.
 */
export function touchMethods(kit: KitCore, store: StoreApi<PromptState>, governance: GovernanceStore): Pick<PromptEngine, 'attribution' | 'lastTouch' | 'restoreTouch' | 'converted'> {
  return {
    attribution() {
      const { touch } = store.getState();
      return touch && kit.platform.now() - touch.at <= attributionWindowMs(kit.config) ? { triggerId: touch.triggerId, variant: touch.variant } : null;
    },
    lastTouch: () => store.getState().touch,
    restoreTouch(touch) {
      const current = store.getState().touch;
      if (!current || touch.at > current.at) governance.touch(touch);
    },
    converted: () => governance.touch(null),
  };
}
