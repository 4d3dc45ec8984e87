import type { Ref, RefCallback } from 'react';
import type { Config } from '@upgradekit/core';
import { DAY, durationToMs } from '@upgradekit/core/internal';
import type { Diagnostics } from './diagnostics.js';

/** Joins class names, skipping empty ones. */
export const cx = (...names: Array<string | false | undefined>) => names.filter(Boolean).join(' ');

/**
 * The URL if it is http(s), else `undefined` with a warning: CTA URLs can come
 * from a remote config, and `javascript:` or `data:` links would run in the app.
 */
export function safeUrl(url: string | undefined, diagnostics: Diagnostics): string | undefined {
  if (url === undefined) return undefined;
  if (typeof url === 'string' && /^https?:\/\//i.test(url.trim())) return url.trim();
  // About data, not code: a remote config can carry it, so this one is said in production too.
  diagnostics.notice(`refused CTA URL ${JSON.stringify(url) ?? String(url)}: only http(s) URLs are rendered as links`);
  return undefined;
}

/** A plan's display name: its `name`, else its id capitalised. */
export function planName(config: Config, planId: string | undefined): string {
  const plan = config.plans.find((candidate) => candidate.id === planId);
  const name = plan?.name ?? planId ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A feature's display name and unit (`unit` defaults to the name, which defaults to the id). */
export function featureText(config: Config, featureId: string | undefined): { name: string; unit: string } {
  const feature = featureId === undefined ? undefined : config.features[featureId];
  const name = feature?.name ?? featureId ?? '';
  return { name, unit: feature?.unit ?? name };
}

/** Whole days in a trial of `feature` or `plan` per the config (`14d`, `2w`), or `undefined`. */
export function trialDays(config: Config, target: { feature?: string; plan?: string }): number | undefined {
  const trial = config.trials.find((candidate) => (target.plan ? candidate.plan === target.plan : candidate.feature === target.feature));
  return trial && Math.max(1, Math.round(durationToMs(trial.duration) / DAY));
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') return ref(value);
  if (ref) ref.current = value;
}

/**
 * One callback ref that sets every given ref, callbacks and ref objects. A React 19
 * callback ref may return a cleanup, which React then runs instead of calling the
 * ref with `null`: when one does, the merged ref returns a cleanup for all of them.
 */
export function mergeRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  return (value) => {
    const cleanups = refs.map((ref) => setRef(ref, value));
    if (!cleanups.some((cleanup) => typeof cleanup === 'function')) return;
    return () =>
      refs.forEach((ref, index) => {
        const cleanup = cleanups[index];
        if (typeof cleanup === 'function') cleanup();
        else setRef(ref, null);
      });
  };
}
