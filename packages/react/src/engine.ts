import type { PromptEngine, UpgradeKit } from '@upgradekit/core';

/*
 * The prompt engine (triggers + arbiter) is a separate part of core, created on
 * first use by `usePrompts`. Components that show a prompt only need to record
 * what happened to it; they look the engine up here instead of importing it,
 * so a page with just a meter does not ship the engine.
 */
const engines = new WeakMap<UpgradeKit, PromptEngine>();

/** The client's prompt engine, if `usePrompts` has started one. */
export const engineOf = (kit: UpgradeKit): PromptEngine | undefined => engines.get(kit);

export function rememberEngine(kit: UpgradeKit, engine: PromptEngine): PromptEngine {
  engines.set(kit, engine);
  return engine;
}
