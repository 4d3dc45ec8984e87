/** Where events go: `@upgradekit/core/sinks`. */
export { createCallbackSink } from './callback.js';
export type { CallbackSinkOptions } from './callback.js';
export { createConsoleSink, formatEvent } from './console.js';
export type { ConsoleSinkOptions } from './console.js';
export { createHttpSink } from './http.js';
export type { HttpSink, HttpSinkOptions } from './http.js';
export { createPostHogSink, createSegmentSink, toEventProperties } from './adapters.js';
export type { AdapterSinkOptions, PostHogLike, SegmentLike } from './adapters.js';
export type { Sink, UpgradeKitEvent } from '../conversion/events.js';
