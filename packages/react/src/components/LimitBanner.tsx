'use client';
import { useCallback, useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ActivePrompt, DismissReason } from '@upgradekit/core';
import { useFormat, type UpgradeKitContextValue } from '../context.js';
import { Guarded } from '../Guard.js';
import { usePromptLifecycle, type PromptLifecycle } from '../hooks/usePromptLifecycle.js';
import { useRerenderAt } from '../hooks/useRerenderAt.js';
import { useUsage, type Thresholds, type UsageState } from '../hooks/useUsage.js';
import { bannerCopy, meterCopy, type MessageKey, type Messages } from '../messages.js';
import { announce, rememberPlace } from '../focus.js';
import { safely } from '../safe.js';
import { cx, featureText, planName } from '../utils.js';
import { EXCEEDED, Icon, WARNING } from './Icon.js';
import { UpgradeButton } from './UpgradeButton.js';

/** `hidden` while below `showFrom`, snoozed or dismissed. */
export type BannerState = UsageState | 'hidden';

/** What a custom banner (the render-prop path) receives. */
export interface BannerData {
  state: BannerState;
  title: string;
  body: string;
  /** Hides the banner: `not_now` snoozes it; `forever` hides it for good. */
  dismiss(reason?: DismissReason, options?: { forever?: boolean }): void;
}

export interface LimitBannerProps {
  /** The metered or seats feature the banner is about. Optional when `prompt` is given. */
  feature?: string | undefined;
  /** The least severe state that shows the banner. Default: `warning`. */
  showFrom?: Exclude<UsageState, 'ok'> | undefined;
  /** When the banner's feature turns `warning` / `critical`. Default: the config's `policy.thresholds`. */
  thresholds?: Thresholds | undefined;
  /** The prompt this banner shows (PromptOutlet passes it): always shown, governed by the arbiter. */
  prompt?: ActivePrompt | undefined;
  /** The heading. Default: the prompt's title, else "You've used 85% of your API calls." and the like. */
  title?: string | undefined;
  /** The text after it. Default: the prompt's body, else the upgrade it offers or when usage resets. */
  body?: string | undefined;
  /** How long a dismissal hides a banner that no trigger governs, in ms. Default: 3 days. */
  snoozeFor?: number | undefined;
  /** Copy overrides for this component, over the provider's `messages`. Default: the provider's (English unless it says otherwise). */
  messages?: Messages | undefined;
  /** Extra class on the root element, beside `uk-*`. */
  className?: string | undefined;
  /** Unstyled path: render your own markup; the announcement region stays. */
  children?: ((banner: BannerData) => ReactNode) | undefined;
}

const ORDER: UsageState[] = ['ok', 'warning', 'critical', 'exceeded'];
const REASONS: Array<[DismissReason | undefined, MessageKey, boolean?]> = [
  ['not_now', 'dismissNotNow'],
  ['too_expensive', 'dismissTooExpensive'],
  ['not_needed', 'dismissNotNeeded'],
  [undefined, 'dismissForever', true],
];

/**
 * A banner when usage nears or reaches a limit, announced through a polite live
 * region. Dismissing asks why (the reasons feed the conversion report) and
 * snoozes it; "Don't show again" hides it for good. A prompt's `title` and `body`
 * show while the limit is near; once it is reached (`exceeded`) the banner uses its
 * own exceeded copy, so it never says "soon" about what already happened. After a
 * dismissal focus stays nearby (see `rememberPlace`) and how long it is hidden is said.
 */
export function LimitBanner(props: LimitBannerProps) {
  return (
    <Guarded name="LimitBanner">
      <LimitBannerView {...props} />
    </Guarded>
  );
}

function LimitBannerView({ feature, showFrom = 'warning', thresholds, prompt, title, body, snoozeFor = 3 * 864e5, messages, className, children }: LimitBannerProps) {
  const [context, format] = useFormat(messages, '<LimitBanner>', meterCopy, bannerCopy);
  const { kit, diagnostics } = context;
  const { t } = format;
  const featureId = prompt?.feature ?? feature ?? '';
  const usage = useUsage(featureId, thresholds);
  const menuId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  // A banner no trigger governs snoozes with the engine's governance state. A warning
  // snooze must not hide the banner that says the limit is reached.
  const key = `banner:${featureId}:${usage.state === 'exceeded' ? 'exceeded' : 'warning'}`;
  const { snoozed, hide } = useSnooze(context, prompt, key, snoozeFor);
  const visible = !snoozed && (prompt !== undefined || ORDER.indexOf(usage.state) >= ORDER.indexOf(showFrom));
  const state: BannerState = visible ? usage.state : 'hidden';
  const lifecycle = usePromptLifecycle(prompt, visible);

  const { name, unit } = featureText(kit.config, featureId);
  const values = {
    unit,
    feature: name,
    percent: format.percent(Math.min(usage.ratio, 1)),
    plan: planName(kit.config, prompt?.plan ?? usage.upgrade?.plan),
    limit: format.limit(usage.upgrade?.limit ?? usage.limit),
    date: usage.resetsAt === null ? '' : format.date(usage.resetsAt),
  };
  // A trigger's copy speaks of a limit coming closer; once it is reached, the banner says so in its own words.
  const configured = usage.state === 'exceeded' ? undefined : prompt;
  const heading = configured?.title ?? title ?? t(usage.state === 'exceeded' ? 'bannerExceeded' : 'bannerWarning', values);
  const text = configured?.body ?? body ?? (usage.upgrade ? t('bannerUpgrade', values) : usage.resetsAt !== null ? t('bannerResets', values) : '');

  const dismiss = (reason?: DismissReason, options: { forever?: boolean } = {}) => {
    // The control that had focus goes with the banner: focus stays near where it was, and the outcome is said.
    const focused = document.activeElement;
    const returnNearby = focused && focused !== document.body ? rememberPlace(focused) : undefined;
    setMenuOpen(false);
    const until = hide(lifecycle, reason, options);
    announce(document, until === Infinity ? t('dismissedForGood') : t('dismissedUntil', { date: format.date(until) }));
    if (returnNearby) setTimeout(returnNearby);
  };
  const live = visible ? `${heading} ${text}` : '';

  if (children) {
    return (
      <>
        <div role="status" className="uk-sr-only">
          {live}
        </div>
        {safely(diagnostics, '<LimitBanner> render prop', () => children({ state, title: heading, body: text, dismiss }), null)}
      </>
    );
  }
  return (
    <div ref={lifecycle.ref} className={cx('uk-banner', className)} data-state={state}>
      {/* Always mounted, so screen readers announce the message when it appears. */}
      <div role="status" className="uk-banner__message">
        {visible && (
          <>
            {usage.state !== 'ok' && <Icon path={usage.state === 'exceeded' ? EXCEEDED : WARNING} />}
            <strong className="uk-banner__title">{heading}</strong> {text}
          </>
        )}
      </div>
      {visible && (
        <div className="uk-banner__actions">
          <UpgradeButton feature={featureId || undefined} prompt={prompt} upgrade={prompt?.upgrade ?? usage.upgrade} messages={messages} />
          <button type="button" className="uk-button" data-cta="dismiss" aria-expanded={menuOpen} aria-controls={menuId} onClick={() => setMenuOpen(!menuOpen)}>
            {t('dismiss')}
          </button>
          <div id={menuId} role="group" aria-label={t('dismiss')} className="uk-banner__reasons" hidden={!menuOpen}>
            {REASONS.map(([reason, label, forever]) => (
              <button key={label} type="button" className="uk-button" data-reason={reason} onClick={() => dismiss(reason, forever ? { forever } : {})}>
                {t(label)}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}


/**
 * How a banner hides: a prompt's trigger snoozes it in the engine that governs it;
 * a banner no trigger governs snoozes under `key` (for this page only without an engine).
 */
function useSnooze({ kit, diagnostics }: UpgradeKitContextValue, prompt: ActivePrompt | undefined, key: string, snoozeFor: number) {
  const [dismissedUntil, setDismissedUntil] = useState(0);
  const subscribe = useCallback((listener: () => void) => kit.prompts?.subscribe(listener) ?? (() => {}), [kit]);
  // The server never knows about snoozes: hydrate as "not snoozed", then read the engine's.
  const storedUntil = useSyncExternalStore(subscribe, () => safely(diagnostics, 'snoozedUntil()', () => kit.prompts?.snoozedUntil(key) ?? 0, 0), () => 0);
  const snoozeEnds = Math.max(dismissedUntil, storedUntil);
  const snoozed = !prompt && snoozeEnds > kit.platform.now();
  // The banner comes back when the snooze ends, with nothing else changing.
  useRerenderAt(kit, snoozed ? snoozeEnds : null);
  /** Hides the banner; returns until when (`Infinity`: for good). */
  const hide = (lifecycle: PromptLifecycle, reason: DismissReason | undefined, options: { forever?: boolean }): number => {
    const until = options.forever ? Infinity : kit.platform.now() + snoozeFor;
    setDismissedUntil(until);
    if (!prompt) {
      safely(diagnostics, 'snooze()', () => kit.prompts?.snooze(key, until), undefined);
      return until;
    }
    lifecycle.dismiss(reason, options);
    return options.forever ? until : (kit.prompts?.getSnapshot().history[prompt.triggerId]?.snoozedUntil ?? until);
  };
  return { snoozed, hide };
}
