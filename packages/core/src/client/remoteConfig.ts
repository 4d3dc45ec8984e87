import type { Config } from '../config/schema.js';
import type { Platform } from '../platform.js';
import type { SafeStorage } from '../storage.js';
import { describeError } from '../utils/describeError.js';
import { durationToMs } from '../utils/duration.js';
import { isRecord } from '../utils/isRecord.js';
import type { WarningHandler } from '../utils/log.js';
import { callAt } from '../utils/timers.js';
import type { EventInput } from './kitCore.js';

export interface RemoteConfigOptions {
  /** Where the config is served, e.g. the collector's `GET /config` (with ETag and 304). */
  url: string;
  /** How often to look for a new version: a duration (`"5m"`) or milliseconds. Default: only once, at start. */
  pollEvery?: string | number | undefined;
  /** Request headers, e.g. an API key. Default: none. */
  headers?: Record<string, string> | undefined;
}

/** What one look at the remote config found. */
export type ReloadResult =
  | { status: 'applied'; version: string | null }
  | { status: 'unchanged' }
  | { status: 'rejected'; reason: 'network' | 'http' | 'json' | 'invalid'; detail: string; errors?: string[] };

interface Stored {
  etag: string | null;
  config: unknown;
}

const KEY = 'config:remote';
/** The most config errors an event carries: enough to fix them, not a megabyte of repeats. */
const MAX_REPORTED_ERRORS = 20;
/** A poll more often than this would be a denial of service on the collector. */
const MIN_POLL_MS = 10_000;

interface RemoteParts {
  platform: Platform;
  storage: SafeStorage;
  warn: WarningHandler;
  emit(event: EventInput): void;
  /** Swaps the validated config in, keeping the customer's history. */
  apply(config: Config): void;
}

/**
 * The remote config: the bundled config serves at once; the last good remote one
 * (persisted) replaces it as soon as its validator has loaded, then the remote is
 * fetched (cheaply: `If-None-Match`), validated and swapped in. A network error, a
 * non-2xx answer, invalid JSON or an invalid config keep the current one, with a
 * warning that says why and a `config.rejected` event. The validator is loaded
 * lazily, so the first paint never carries it.
 */
export function createRemoteConfig(options: RemoteConfigOptions, { platform, storage, warn, emit, apply }: RemoteParts) {
  let stopped = false;
  let cancelPoll = () => {};
  const reject = (result: Extract<ReloadResult, { status: 'rejected' }>): ReloadResult => {
    const paths = result.errors?.length ? `: ${result.errors.slice(0, 3).join('; ')}${result.errors.length > 3 ? '; ...' : ''}` : '';
    warn(`the remote config from ${options.url} was rejected (${result.detail})${paths}; keeping the current config`);
    emit({ type: 'config.rejected', url: options.url, reason: result.reason, detail: result.detail, ...(result.errors && { errors: result.errors.slice(0, MAX_REPORTED_ERRORS) }) });
    return result;
  };
  const validate = async (raw: unknown): Promise<{ config: Config } | { errors: string[] }> => {
    const { parseConfig } = await import('../config/parseConfig.js');
    const parsed = parseConfig(raw);
    return parsed.success ? { config: parsed.config } : { errors: parsed.errors };
  };

  const reload = async (): Promise<ReloadResult> => {
    if (stopped || !platform.fetch) return { status: 'unchanged' };
    const stored = storage.read<Stored>(KEY);
    const etag = isRecord(stored) && typeof stored.etag === 'string' ? stored.etag : null;
    let response: Response;
    try {
      response = await platform.fetch(options.url, { headers: { accept: 'application/json', ...options.headers, ...(etag && { 'if-none-match': etag }) } });
    } catch (error) {
      return reject({ status: 'rejected', reason: 'network', detail: describeError(error) });
    }
    if (response.status === 304) return { status: 'unchanged' };
    if (!response.ok) return reject({ status: 'rejected', reason: 'http', detail: `HTTP ${response.status}` });
    let raw: unknown;
    try {
      raw = JSON.parse(await response.text());
    } catch (error) {
      return reject({ status: 'rejected', reason: 'json', detail: `not JSON (${describeError(error)})` });
    }
    const checked = await validate(raw);
    if ('errors' in checked) return reject({ status: 'rejected', reason: 'invalid', detail: `${checked.errors.length} error(s)`, errors: checked.errors });
    if (stopped) return { status: 'unchanged' };
    storage.write(KEY, { etag: response.headers.get('etag'), config: raw } satisfies Stored);
    apply(checked.config);
    const version = checked.config.version ?? null;
    emit({ type: 'config.applied', url: options.url, ...(version !== null && { version }) });
    return { status: 'applied', version };
  };

  /** The last good remote config, validated again: storage can be edited by anything on the origin. */
  const restore = async () => {
    const stored = storage.read<Stored>(KEY);
    if (!isRecord(stored) || stored.config === undefined) return;
    const checked = await validate(stored.config);
    if ('config' in checked && !stopped) apply(checked.config);
    else if ('errors' in checked) storage.remove(KEY);
  };

  const every = typeof options.pollEvery === 'string' ? durationToMs(options.pollEvery) : options.pollEvery;
  const poll = () => {
    if (stopped || !(every !== undefined && every > 0)) return;
    cancelPoll = callAt(platform, platform.now() + Math.max(MIN_POLL_MS, every), () => void reload().finally(poll));
  };
  const started = restore()
    .then(reload)
    .catch((error: unknown) => warn(`the remote config could not be loaded: ${describeError(error)}`))
    .finally(poll);

  return {
    reload,
    /** Settles once the stored config was restored and the first fetch answered. */
    started,
    stop() {
      stopped = true;
      cancelPoll();
    },
  };
}
