import type { UpgradeKit } from '@upgradekit/core';

/*
 * Steps of a story's history (see `StoryHistory`), each what the app does when a
 * customer acts: the same client calls PromptOutlet and LockedFeature make.
 */

/** The customer tries PDF export `times` times without having it: each is a gate hit. */
export function tryPdfExport(kit: UpgradeKit, times: number): void {
  for (let attempt = 0; attempt < times; attempt++) kit.check('pdfExport', { attempt: true });
}

/**
 * The customer sees the trigger's prompt and answers "Not now". Throws when the
 * arbiter would not show it then: a history must be one that could have happened.
 */
export function seeAndDismiss(kit: UpgradeKit, triggerId: string): void {
  const engine = kit.prompts!;
  if (!engine.getPrompts().some((prompt) => prompt.triggerId === triggerId)) {
    throw new Error(`story history: "${triggerId}" is not offered at ${new Date(kit.platform.now()).toISOString()} (${engine.explain(triggerId).status})`);
  }
  engine.markShown(triggerId);
  engine.markDismissed(triggerId, 'not_now');
}
