/**
 * Adapters onto analytics tools the customer already runs. They are typed
 * structurally, so UpgradeKit never depends on (or bundles) the tools' packages:
 * pass the `posthog` or `analytics` instance you already have.
 */
import type { Sink, UpgradeKitEvent } from '../conversion/events.js';
import { createCallbackSink } from './callback.js';
import type { WarningHandler } from '../utils/log.js';

/** The part of posthog-js (or posthog-node's browser-like wrappers) the adapter calls. */
export interface PostHogLike {
  capture(event: string, properties?: Record<string, unknown>): void;
}

/** The part of Segment's analytics.js (analytics-next) the adapter calls. */
export interface SegmentLike {
  track(event: string, properties?: Record<string, unknown>): void;
}

export interface AdapterSinkOptions {
  /** Receives a warning when the tool throws; the event is then skipped. Default: `console.warn`. */
  onWarning?: WarningHandler;
}

/**
 * Sends every event to PostHog as `upgradekit:<object>_<action>`, e.g.
 * `upgradekit:prompt_shown`, `upgradekit:upgrade_completed`: PostHog's suggested
 * `category:object_action` convention, lower-case snake_case, so all of
 * UpgradeKit's events group under one prefix in the event list.
 *
 * Properties are the event's fields in snake_case (see {@link toEventProperties})
 * plus `$insert_id` = the event id. PostHog's own ingestion de-duplicates on the
 * event `uuid`, which must be a UUID and is not settable through
 * `capture(event, properties)`, so retried or replayed events are de-duplicated
 * in queries by `event_id` (e.g. `count(distinct properties.event_id)`);
 * `$insert_id` carries the same id for pipelines and exports that key on it.
 */
export function createPostHogSink(posthog: PostHogLike, options: AdapterSinkOptions = {}): Sink {
  return createCallbackSink(
    (event) => posthog.capture(postHogEventName(event.type), { ...toEventProperties(event), $insert_id: event.id }),
    options,
  );
}

/**
 * Sends every event to Segment with an object-action name in Title Case, as
 * Segment's spec asks: `prompt.shown` → `Prompt Shown`, `prompt.held_out` →
 * `Prompt Held Out`, `trial.started` → `Trial Started` (the B2B SaaS spec event of
 * that name). Properties are snake_case like Segment's semantic properties
 * (see {@link toEventProperties}), with `source: 'upgradekit'` so these can be
 * told apart from a billing system's own `Trial Started`.
 *
 * Segment's `messageId` (its de-duplication key) cannot be set through
 * `track(event, properties)`, so the event id travels as the `event_id`
 * property: de-duplicate on it in the warehouse.
 */
export function createSegmentSink(analytics: SegmentLike, options: AdapterSinkOptions = {}): Sink {
  return createCallbackSink(
    (event) => analytics.track(segmentEventName(event.type), { ...toEventProperties(event), source: 'upgradekit' }),
    options,
  );
}

/** `prompt.held_out` → `upgradekit:prompt_held_out`. */
export function postHogEventName(type: string): string {
  return `upgradekit:${type.replace(/\./g, '_')}`;
}

/** `prompt.held_out` → `Prompt Held Out`. */
export function segmentEventName(type: string): string {
  return type
    .split(/[._]/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * An event as flat snake_case properties: `id` → `event_id`, `type` →
 * `event_type`, `v` → `event_version`, `at` → `occurred_at`; every other field
 * keeps its name in snake_case (`triggerId` → `trigger_id`, `mrrDelta` →
 * `mrr_delta`, `fromPlan` → `from_plan`). Epoch-millisecond `…At` fields become
 * ISO 8601 strings, which both tools show and filter as dates. Fields added to
 * events later flow through without changes here.
 */
export function toEventProperties(event: UpgradeKitEvent): Record<string, unknown> {
  const { id, type, v, at, ...rest } = event;
  const properties: Record<string, unknown> = {
    event_id: id,
    event_type: type,
    event_version: v,
    occurred_at: toIso(at),
  };
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    properties[snakeCase(key)] = key.endsWith('At') && typeof value === 'number' ? toIso(value) : value;
  }
  return properties;
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function toIso(ms: number): string | number {
  // A corrupt timestamp must not make the adapter throw (toISOString throws on NaN).
  return Number.isFinite(ms) ? new Date(ms).toISOString() : ms;
}
