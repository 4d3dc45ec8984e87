import { describe, expect, it, vi } from 'vitest';
import type { EventType, UpgradeKitEvent } from '../../conversion/events.js';
import { createPostHogSink, createSegmentSink, postHogEventName, segmentEventName } from '../adapters.js';
import { trial, upgrade } from './helpers.js';

const names: Array<[EventType, string, string]> = [
  ['usage.tracked', 'upgradekit:usage_tracked', 'Usage Tracked'],
  ['gate.hit', 'upgradekit:gate_hit', 'Gate Hit'],
  ['trigger.fired', 'upgradekit:trigger_fired', 'Trigger Fired'],
  ['prompt.held_out', 'upgradekit:prompt_held_out', 'Prompt Held Out'],
  ['prompt.shown', 'upgradekit:prompt_shown', 'Prompt Shown'],
  ['prompt.clicked', 'upgradekit:prompt_clicked', 'Prompt Clicked'],
  ['prompt.dismissed', 'upgradekit:prompt_dismissed', 'Prompt Dismissed'],
  ['trial.started', 'upgradekit:trial_started', 'Trial Started'],
  ['trial.ended', 'upgradekit:trial_ended', 'Trial Ended'],
  ['upgrade.completed', 'upgradekit:upgrade_completed', 'Upgrade Completed'],
];

const expectedUpgradeProperties = {
  event_id: 'evt000007',
  event_type: 'upgrade.completed',
  event_version: 1,
  occurred_at: '2026-01-01T00:00:00.007Z',
  customer_id: 'cus_1',
  mrr: 29,
  sdk_version: '0.1.0',
  from_plan: 'free',
  to_plan: 'pro',
  add_ons: [],
  mrr_delta: 29,
  trigger_id: 'power-user-pdf',
  variant: 'control',
};

describe('event names', () => {
  it.each(names)('%s → PostHog %s, Segment %s', (type, posthog, segment) => {
    expect(postHogEventName(type)).toBe(posthog);
    expect(segmentEventName(type)).toBe(segment);
  });
});

describe('createPostHogSink', () => {
  it('captures with snake_case properties, the event id as $insert_id and event_id', () => {
    const posthog = { capture: vi.fn() };
    createPostHogSink(posthog).send(upgrade(7));
    expect(posthog.capture).toHaveBeenCalledExactlyOnceWith('upgradekit:upgrade_completed', {
      ...expectedUpgradeProperties,
      $insert_id: 'evt000007',
    });
  });

  it('turns …At timestamps into ISO dates and leaves out absent fields', () => {
    const posthog = { capture: vi.fn() };
    createPostHogSink(posthog).send(trial(2));
    const properties = posthog.capture.mock.calls[0]![1] as Record<string, unknown>;
    expect(properties.ends_at).toBe('2026-01-08T00:00:00.000Z');
    expect(properties).not.toHaveProperty('trigger_id');
    expect(properties).not.toHaveProperty('feature');
  });

  it('catches a throwing client', () => {
    const warnings: string[] = [];
    const posthog = {
      capture() {
        throw new Error('not initialised');
      },
    };
    expect(() => createPostHogSink(posthog, { onWarning: (m) => warnings.push(m) }).send(upgrade(1))).not.toThrow();
    expect(warnings).toEqual([expect.stringContaining('not initialised')]);
  });
});

describe('createSegmentSink', () => {
  it('tracks an object-action Title Case event with event_id in the properties', () => {
    const analytics = { track: vi.fn() };
    createSegmentSink(analytics).send(upgrade(7));
    expect(analytics.track).toHaveBeenCalledExactlyOnceWith('Upgrade Completed', { ...expectedUpgradeProperties, source: 'upgradekit' });
  });

  it('does not throw on an odd event', () => {
    const analytics = { track: vi.fn() };
    const odd = { ...upgrade(1), at: Number.NaN } as UpgradeKitEvent;
    expect(() => createSegmentSink(analytics).send(odd)).not.toThrow();
    expect(analytics.track.mock.calls[0]![1]).toMatchObject({ occurred_at: Number.NaN });
  });
});
