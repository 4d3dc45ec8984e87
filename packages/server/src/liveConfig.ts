import { parseConfig, type Config } from '@upgradekit/core';
import { notFound } from './http/responses.js';
import type { StoredConfig, UpgradeKitStore } from './store/types.js';

/*
 * The live config as this server instance knows it: read from the store and parsed
 * once per version, re-read after a second so versions another instance published
 * take over quickly, and replaced at once by what this instance publishes.
 */

const FRESH_MS = 1000;

export interface Live {
  stored: StoredConfig;
  /** Parsed, defaults applied; `null` if the stored one no longer validates (a newer core's rules). */
  config: Config | null;
}

export interface LiveConfig {
  get(): Promise<Live | null>;
  /** What this instance just stored. */
  set(stored: StoredConfig): Live;
  /** The parsed live config, or a 404 saying that `what` (e.g. "The report") needs one. */
  require(what: string): Promise<Config>;
}

export function createLiveConfig(store: UpgradeKitStore, now: () => number, warn: (message: string) => void): LiveConfig {
  let current: Live | null = null;
  let readAt = -Infinity;
  let reading: Promise<Live | null> | null = null;
  const set = (stored: StoredConfig): Live => {
    if (current?.stored.version === stored.version) return current;
    const parsed = parseConfig(stored.config);
    if (!parsed.success) warn(`[upgradekit] the live config ${stored.version} no longer validates (${parsed.errors.slice(0, 3).join('; ')}); put a new version`);
    return (current = { stored, config: parsed.success ? parsed.config : null });
  };
  const live: LiveConfig = {
    async get() {
      if (now() - readAt < FRESH_MS) return current;
      reading ??= store
        .liveConfig()
        .then((stored) => {
          readAt = now();
          return stored ? set(stored) : (current = null);
        })
        .finally(() => (reading = null));
      return reading;
    },
    set(stored) {
      readAt = now();
      return set(stored);
    },
    async require(what) {
      const found = await live.get();
      if (!found) throw notFound('no_config', `${what} needs a live config; PUT one to /config first.`);
      if (!found.config) throw notFound('no_config', `The live config ${found.stored.version} no longer validates; PUT a new version.`);
      return found.config;
    },
  };
  return live;
}
