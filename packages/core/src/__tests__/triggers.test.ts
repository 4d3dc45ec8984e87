import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryPlatform } from '../platform/memory.js';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import type { UpgradeKit } from '../client/types.js';
import { createPromptEngine } from '../prompts/engine.js';
import type { ConfigInput } from '../config/schema.js';
import { durationToMs } from '../utils/duration.js';
import cases from './cases/triggers.json';

type Step = { gateHit?: string; event?: string; track?: string; advance?: string; startTrial?: string };

const advanceBy = (spec: string) => spec.split(' ').reduce((ms, part) => ms + durationToMs(part), 0);

describe('trigger cases', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each(cases.cases)('$name', (testCase) => {
    vi.setSystemTime(new Date(testCase.start ?? '2026-01-01T00:00:00Z'));
    const kit: UpgradeKit = createUpgradeKit({
      config: cases.config as ConfigInput,
      customer: { id: 'c1', plan: 'free', usageAsOf: '2026-01-01T00:00:00Z', ...testCase.customer },
      platform: createMemoryPlatform(),
      onWarning: () => {},
      prompts: createPromptEngine,
    });
    const engine = kit.prompts!;
    for (const step of testCase.steps as Step[]) {
      if (step.gateHit) kit.recordGateHit(step.gateHit);
      if (step.event) kit.recordEvent(step.event);
      if (step.track) kit.track(step.track);
      if (step.startTrial) expect(kit.startTrial({ feature: step.startTrial }).ok).toBe(true);
      if (step.advance) vi.advanceTimersByTime(advanceBy(step.advance));
    }
    expect(engine.getSnapshot().fired.has(testCase.trigger)).toBe(testCase.fired);
    // The explanation agrees with the state, leaf by leaf.
    expect(engine.explain(testCase.trigger).fired).toBe(testCase.fired);
    engine.destroy();
    kit.destroy();
  });
});
