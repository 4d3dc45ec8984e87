import type { UpgradeKit } from '../client.js';
import type { PromptEngine } from './engine.js';

/*
 * One prompt engine per client. Kept apart from the engine itself, so code
 * that only records what happened to a prompt (a CTA, a banner) can find the
 * engine without bundling it.
 */
const engines = new WeakMap<UpgradeKit, PromptEngine>();

/** The client's prompt engine, if one has been created. */
export function findPromptEngine(kit: UpgradeKit): PromptEngine | undefined {
  return engines.get(kit);
}

export function registerPromptEngine(kit: UpgradeKit, engine: PromptEngine | undefined): void {
  if (engine) engines.set(kit, engine);
  else engines.delete(kit);
}
