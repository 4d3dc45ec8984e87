import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../config/normalize.js';
import type { UpgradeKitEvent } from '../events.js';
import { buildReport } from '../report.js';

const config = normalizeConfig({
  features: { projects: { type: 'metered' } },
  plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' } }],
  triggers: [{ id: 'near-limit', when: { usage: { feature: 'projects', atLeast: 0.8 } }, prompt: { kind: 'banner' } }],
});
let next = 0;
const dismissal = (extra: { reason?: 'not_now' | 'too_expensive' | 'not_needed' | 'other'; forever?: boolean }): UpgradeKitEvent => ({
  v: 1,
  id: `e${next++}`,
  at: Date.UTC(2026, 0, 1) + next,
  customerId: `c${next}`,
  mrr: 0,
  sdkVersion: '0.1.0',
  type: 'prompt.dismissed',
  triggerId: 'near-limit',
  variant: 'control',
  ...extra,
});

describe('dismissals in the report', () => {
  it('counts each reason, and how many hid the prompt for good', () => {
    const events = [dismissal({ reason: 'not_now' }), dismissal({ reason: 'too_expensive' }), dismissal({ reason: 'too_expensive', forever: true }), dismissal({ forever: true })];
    const [row] = buildReport(events, config).triggers;
    expect(row?.dismissed).toEqual({ total: 4, not_now: 1, too_expensive: 2, not_needed: 0, other: 0, unspecified: 1, forever: 2 });
    expect(row?.variants[0]?.dismissed.forever).toBe(2);
  });
});
