import { describe, expect, it } from 'vitest';
import { createUpgradeKit } from '../../client/createUpgradeKit.js';
import { defineConfig } from '../../config/normalize.js';
import { createMemoryPlatform } from '../../platform/memory.js';
import { createPromptEngine } from '../../prompts/engine.js';
import { createCallbackSink } from '../../sinks/callback.js';
import { MAX_EXPLAINED_LEAVES, MAX_TEXT } from '../eventGuard.js';
import { parseEvent } from '../eventSchema.js';
import type { EventOf, UpgradeKitEvent } from '../events.js';
import { saasConfig } from '../../__tests__/fixtures.js';

/** The trigger.fired events of a client on `config` after `act`. */
function firings(config: Parameters<typeof createUpgradeKit>[0]['config'], usage: Record<string, number>, act: (kit: ReturnType<typeof createUpgradeKit>) => void) {
  const events: UpgradeKitEvent[] = [];
  const kit = createUpgradeKit({ config, customer: { id: 'acct_1', plan: 'free', usage }, platform: createMemoryPlatform(), prompts: createPromptEngine, sinks: [createCallbackSink((event) => events.push(event))] });
  act(kit);
  kit.destroy();
  return events.filter((event): event is EventOf<'trigger.fired'> => event.type === 'trigger.fired');
}

describe('trigger.fired explanations', () => {
  it("carry the customer's plan, each leaf's value against its threshold, and the prompt's upgrade path", () => {
    const [fired] = firings(saasConfig, { projects: 3 }, (kit) => {
      for (let i = 0; i < 3; i++) kit.check('pdfExport', { attempt: true });
    });
    expect(fired!.explanation).toEqual({
      plan: 'free',
      leaves: [
        { path: 'when.all[0].gateHits', leaf: 'gateHits', negated: false, held: true, actual: 3, expected: 'at least 3', text: '3 gate hits on pdfExport in 7d (needs at least 3)' },
        { path: 'when.all[1].usage', leaf: 'usage', negated: false, held: true, actual: 1, expected: 'at least 70%', text: 'projects usage is 100% of the limit (needs at least 70%)' },
      ],
      upgrade: { plan: 'pro', addOns: [], limit: 'unlimited', mrrDelta: 29, currency: 'USD' },
    });
    expect(parseEvent(fired).success).toBe(true);
  });

  it(`keep to ${MAX_EXPLAINED_LEAVES} leaves and ${MAX_TEXT} characters a text, so the schemas accept them`, () => {
    const many = Array.from({ length: 40 }, () => ({ attribute: { key: 'k'.repeat(600), equals: 'v' } }));
    const config = defineConfig({ ...saasConfig, triggers: [{ id: 'wide', when: { not: { all: many } }, prompt: { kind: 'banner' } }] });
    const [fired] = firings(config, {}, () => {});
    expect(fired!.explanation!.leaves).toHaveLength(MAX_EXPLAINED_LEAVES);
    expect(Math.max(...fired!.explanation!.leaves.map((leaf) => leaf.text.length))).toBe(MAX_TEXT);
    expect(parseEvent(fired).success).toBe(true);
    const tooMany = { ...fired!, explanation: { ...fired!.explanation!, leaves: [...fired!.explanation!.leaves, fired!.explanation!.leaves[0]!] } };
    expect(parseEvent(tooMany)).toEqual({ success: false, error: `explanation.leaves: must be at most ${MAX_EXPLAINED_LEAVES} items` });
  });
});
