import type { StoreApi } from 'zustand/vanilla';
import type { KitCore, UpgradeKitState } from '../client/kitCore.js';
import type { Trigger } from '../config/schema.js';
import { toActivePrompt, type ActivePrompt } from './activePrompt.js';
import { arbitrate, selectPrompts, type Arbitration } from './arbiter.js';
import type { PromptState } from './types.js';

interface Cached {
  kitState: UpgradeKitState;
  state: PromptState;
  /** The clock tick it was computed in: snoozes and cool-downs run out with time alone. */
  tick: number;
  result: ActivePrompt[];
}

/**
 * What the arbiter shows now, per placement, as an array that keeps its identity
 * while its content is unchanged (subscribers compare by identity), and the clock
 * tick that re-checks windows, cool-downs and snoozes.
 */
export function createPromptSelection(kit: KitCore, store: StoreApi<PromptState>, variantOf: (trigger: Trigger) => string, tickMs: number) {
  const { config, platform } = kit;
  const cache = new Map<string, Cached>();
  const getPrompts = (placement?: string): ActivePrompt[] => {
    const kitState = kit.getSnapshot();
    const state = store.getState();
    const now = platform.now();
    const tick = Math.floor(now / tickMs);
    const cached = cache.get(placement ?? '');
    if (cached && cached.kitState === kitState && cached.state === state && cached.tick === tick) return cached.result;
    const result = selectPrompts({ config, now, variantOf, ...state, visible: platform.isVisible() })
      .filter(({ trigger }) => placement === undefined || trigger.prompt.placement === undefined || trigger.prompt.placement === placement)
      .map(({ trigger, variant }) => toActivePrompt(config, trigger, variant, kitState.customer, now));
    // Equal content keeps the previous array, so subscribers that compare by identity stay still.
    const same =
      cached?.result.length === result.length &&
      cached.result.every((prompt, index) => prompt.triggerId === result[index]!.triggerId && samePath(prompt, result[index]!));
    const kept = same ? cached.result : result;
    cache.set(placement ?? '', { kitState, state, tick, result: kept });
    return kept;
  };
  return {
    getPrompts,
    /** What the arbiter decides now, every fired trigger's hold included; `fired` in place of the evaluated set (for explanations). */
    arbitration(fired?: ReadonlySet<string>): Arbitration {
      const state = store.getState();
      return arbitrate({ config, now: platform.now(), variantOf, ...state, ...(fired && { fired }), visible: platform.isVisible() });
    },
    /** Calls `onTick` every tick; a snooze or cool-down that ran out tells subscribers too. Returns a stop. */
    tick(onTick: () => void): () => void {
      if (!config.triggers.length) return () => {};
      let handle: unknown;
      const run = () => {
        handle = platform.setTimeout(run, tickMs);
        const before = store.getState();
        const prompts = cache.get('')?.result;
        onTick();
        if (store.getState() === before && getPrompts() !== prompts) store.setState({ ...before }, true);
      };
      handle = platform.setTimeout(run, tickMs);
      return () => platform.clearTimeout(handle);
    },
    clear: () => cache.clear(),
  };
}

const samePath = (a: ActivePrompt, b: ActivePrompt) =>
  a.upgrade === b.upgrade || (a.upgrade?.plan === b.upgrade?.plan && a.upgrade?.mrrDelta === b.upgrade?.mrrDelta && a.upgrade?.limit === b.upgrade?.limit);
