import { describe, expect, it } from 'vitest';
import { parseEvent } from '../eventSchema.js';

const base = { v: 1, id: 'evt1', at: Date.UTC(2026, 0, 1), customerId: 'c1', mrr: 29, sdkVersion: '0.1.0' };

describe('parseEvent', () => {
  it('accepts every known type as the SDK sends it, and keeps fields a later version added', () => {
    const shown = { ...base, type: 'prompt.shown', triggerId: 't', variant: 'control', kind: 'modal', newField: 1 };
    expect(parseEvent(shown)).toEqual({ success: true, event: shown });
    expect(parseEvent({ ...base, type: 'upgrade.completed', fromPlan: 'free', toPlan: 'pro', addOns: [], mrrDelta: 29 }).success).toBe(true);
  });

  it('accepts a type this version does not know when its common fields are sound', () => {
    expect(parseEvent({ ...base, type: 'plan.previewed', plan: 'team' }).success).toBe(true);
  });

  it.each([
    [{ ...base, type: 'gate.hit' }, 'feature: is required (string)'],
    [{ ...base, at: '2026', type: 'gate.hit', feature: 'f' }, 'at: expected number, got string'],
    [{ ...base, id: '', type: 'gate.hit', feature: 'f' }, 'id: must not be empty'],
    [{ ...base, type: 'event.recorded', name: 'x', props: { big: 'x'.repeat(10_000_000) } }, 'props.big'],
    [null, '(root)'],
    [{ ...base, type: 'prompt.shown', triggerId: 't', variant: 'control', kind: 5 }, 'kind: expected string, got 5'],
  ])('refuses %#: the error names the field', (event, error) => {
    const result = parseEvent(event);
    expect(result.success).toBe(false);
    expect(result.success ? '' : result.error).toContain(error);
  });
});
