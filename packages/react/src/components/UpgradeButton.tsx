'use client';
import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { offerFor, type ActivePrompt, type Cta, type UpgradePath } from '@upgradekit/core';
import { useFormat, type UpgradeContext, type UpgradeKitContextValue } from '../context.js';
import { Guarded } from '../Guard.js';
import { usePromptLifecycle } from '../hooks/usePromptLifecycle.js';
import { useKitValue } from '../hooks/useUpgradeKit.js';
import { ctaCopy, type Messages } from '../messages.js';
import { safeCheck, safely } from '../safe.js';
import { cx, planName, safeUrl } from '../utils.js';

export interface UpgradeButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** What the CTA does: open checkout (`upgrade`), start a trial, or link out. Default: `upgrade`. */
  cta?: Cta | undefined;
  /** The feature the customer wants: gives the upgrade path and the trial target. */
  feature?: string | undefined;
  /** The plan to buy or trial. Default: the feature's cheapest upgrade path, else the next plan up. */
  plan?: string | undefined;
  /** Where `learn_more` and `contact_sales` lead. Only http(s) URLs are rendered as links. */
  url?: string | undefined;
  /** The prompt this CTA belongs to, so its click is credited to the trigger. */
  triggerId?: string | undefined;
  /** The upgrade path, when the caller has it already. Default: the prompt's, else from `feature`'s check. */
  upgrade?: UpgradePath | null | undefined;
  /** The billing period chosen, passed on to `onUpgrade` and `onContactSales` in their context. Default: none. */
  billing?: 'month' | 'year' | undefined;
  /**
   * The prompt this CTA answers: gives the CTA kind, plan, URL, label and trigger
   * (so the click is credited to it). The other props override it.
   */
  prompt?: ActivePrompt | null | undefined;
  /** Copy overrides for this component, over the provider's `messages`. Default: the provider's (English unless it says otherwise). */
  messages?: Messages | undefined;
  /** The label. Default: from `messages` (`Upgrade to {plan}`, `Start free trial`, ...). */
  children?: ReactNode | undefined;
}

/**
 * The one CTA every prompt uses: `upgrade` calls the provider's `onUpgrade(plan,
 * context)` (your checkout), `trial` starts a trial in place, `contact_sales`
 * and `learn_more` link out (or call `onContactSales`). Renders nothing when
 * there is nothing to offer (no higher plan, no safe URL to learn more at).
 */
export function UpgradeButton(props: UpgradeButtonProps) {
  return (
    <Guarded name="UpgradeButton">
      <UpgradeButtonView {...props} />
    </Guarded>
  );
}

function UpgradeButtonView({ prompt, feature, billing, messages, className, onClick, ...props }: UpgradeButtonProps) {
  const {
    cta = prompt?.cta ?? 'upgrade',
    plan = prompt?.plan,
    url = prompt?.url,
    triggerId = prompt?.triggerId,
    upgrade = prompt?.upgrade,
    children = prompt?.ctaLabel,
    ...rest
  } = props;
  const [context, { t }] = useFormat(messages, '<UpgradeButton>', ctaCopy);
  const { kit, diagnostics } = context;
  const lifecycle = usePromptLifecycle(triggerId === undefined ? null : { triggerId }, false);
  const result = useKitValue(kit, () => (feature && upgrade === undefined ? safeCheck(context, feature) : null));
  // Far from any limit there is no path yet (a pricing table, a header button): offer what offerFor picks.
  const path = upgrade ?? result?.upgrade ?? safely(diagnostics, 'offerFor()', () => offerFor(kit.config, kit.getSnapshot().customer, { feature, plan, now: kit.platform.now() }), null);
  const target = plan ?? path?.plan;
  const link = cta === 'learn_more' || cta === 'contact_sales' ? safeUrl(url, diagnostics) : undefined;
  if ((cta === 'learn_more' && !link) || (cta === 'upgrade' && !target)) return null;

  // Only add-ons are needed when the path keeps the current plan.
  const addOn = path && path.plan === kit.getSnapshot().customer.plan ? path.addOns[0] : undefined;
  const label =
    children ??
    (cta === 'upgrade'
      ? addOn
        ? t('ctaAddOn', { addOn: kit.config.addOns.find((candidate) => candidate.id === addOn.id)?.name ?? addOn.id })
        : t('ctaUpgrade', { plan: planName(kit.config, target) })
      : t(cta === 'trial' ? 'ctaTrial' : cta === 'contact_sales' ? 'ctaContactSales' : 'ctaLearnMore'));

  const handleClick = (event: MouseEvent<HTMLElement>) => {
    onClick?.(event as MouseEvent<HTMLButtonElement>);
    if (event.defaultPrevented) return;
    lifecycle.click(cta);
    // The browser follows the link.
    if (link) return;
    const upgradeContext = (): UpgradeContext => ({
      ...(feature !== undefined && { feature }),
      ...(triggerId !== undefined && { triggerId }),
      upgrade: path,
      ...(billing !== undefined && { billing }),
      checkoutContext: safely(diagnostics, 'checkoutContext()', () => kit.checkoutContext(), ''),
    });
    safely(diagnostics, `the ${cta} CTA`, () => act(context, cta, { feature, plan, target, upgradeContext }), undefined);
  };

  const shared = { className: cx('uk-button', className), 'data-cta': cta, onClick: handleClick };
  return link ? (
    <a {...(rest as object)} {...shared} href={link}>
      {label}
    </a>
  ) : (
    <button type="button" {...rest} {...shared}>
      {label}
    </button>
  );
}

interface Intent {
  feature: string | undefined;
  plan: string | undefined;
  target: string | undefined;
  upgradeContext(): UpgradeContext;
}

/** What a CTA does once clicked: the host's checkout, a trial started in place, or the host's sales contact. */
function act({ kit, handlers, diagnostics }: UpgradeKitContextValue, cta: Cta, { feature, plan, target, upgradeContext }: Intent): void {
  if (cta === 'upgrade') {
    if (handlers.onUpgrade) handlers.onUpgrade(target!, upgradeContext());
    else diagnostics.warn('an upgrade CTA was clicked, but <UpgradeKitProvider> has no onUpgrade: pass your checkout as onUpgrade(plan, context)');
  } else if (cta === 'trial') {
    // A prompt names both its feature and the plan it recommends: start the trial the config offers.
    const ofFeature = feature !== undefined && (!plan || kit.config.trials.some((trial) => trial.feature === feature));
    const started = kit.startTrial(ofFeature ? { feature } : { plan: plan ?? '' });
    if (!started.ok) diagnostics.warn(`trial of ${ofFeature ? `feature "${feature}"` : `plan "${plan}"`} not started: ${started.reason}`);
  } else if (handlers.onContactSales) {
    handlers.onContactSales(upgradeContext());
  } else {
    diagnostics.warn('a contact-sales CTA without a URL was clicked, but <UpgradeKitProvider> has no onContactSales');
  }
}
