import type { Platform, Sink } from '@upgradekit/core';
import { createHttpSink } from '@upgradekit/core/sinks';

/**
 * Where events go besides the demo's own panels: nowhere by default. Build with
 * `VITE_UPGRADEKIT_COLLECTOR=http://127.0.0.1:8787/events` (a collector's ingest
 * URL) and the HTTP sink sends every event there too.
 */
export const COLLECTOR_URL: string | undefined = import.meta.env.VITE_UPGRADEKIT_COLLECTOR || undefined;

export const collectorSinks = (platform: Platform): Sink[] => (COLLECTOR_URL ? [createHttpSink({ url: COLLECTOR_URL, platform })] : []);
