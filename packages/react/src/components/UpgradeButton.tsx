'use client';
import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { findPromptEngine, type ActivePrompt, type Cta, type UpgradePath } from '@upgradekit/core';
import { useFormat, type UpgradeContext } from '../context.js';
import { Guard } from '../Guard.js';
import { useKitValue } from '../hooks/useUpgradeKit.js';
import { ctaCopy, type Messages } from '../messages.js';
import { reportOnce, safeCheck, safely } from '../safe.js';
import { cx, planName, safeUrl, warnOnce } from '../utils.js';

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
  /**
   * The prompt this CTA answers: gives the CTA kind, plan, URL, label and trigger
   * (so the click is credited to it). The other props override it.
   */
  prompt?: ActivePrompt | null | undefined;
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
    <Guard name="UpgradeButton">
      <UpgradeButtonView {...props} />
    </Guard>
  );
}

function UpgradeButtonView({ prompt, feature, messages, className, onClick, ...props }: UpgradeButtonProps) {
  const {
    cta = prompt?.cta ?? 'upgrade',
    plan = prompt?.plan,
    url = prompt?.url,
    triggerId = prompt?.triggerId,
    upgrade = prompt?.upgrade,
    children = prompt?.ctaLabel,
    ...rest
  } = props;
  const [{ kit, handlers }, { t }] = useFormat(messages, '<UpgradeButton>', ctaCopy);
  const result = useKitValue(kit, () => (feature && upgrade === undefined ? safeCheck(kit, feature) : null));
  const path = upgrade ?? result?.upgrade ?? null;
  // Far from any limit there is no path yet (a pricing table, a header button): offer the next plan up.
  const target = plan ?? path?.plan ?? nextPlan(kit);
  const link = cta === 'learn_more' || cta === 'contact_sales' ? safeUrl(url) : undefined;
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
    try {
      if (triggerId) findPromptEngine(kit)?.markClicked(triggerId, cta);
      if (link) return; // the browser follows the link
      const context = (): UpgradeContext => ({
        ...(feature !== undefined && { feature }),
        ...(triggerId !== undefined && { triggerId }),
        upgrade: path,
        checkoutContext: safely('checkoutContext()', () => kit.checkoutContext(), ''),
      });
      if (cta === 'upgrade') {
        if (handlers.onUpgrade) handlers.onUpgrade(target!, context());
        else warnOnce('an upgrade CTA was clicked, but <UpgradeKitProvider> has no onUpgrade: pass your checkout as onUpgrade(plan, context)');
      } else if (cta === 'trial') {
        // A prompt names both its feature and the plan it recommends: start the trial the config offers.
        const ofFeature = feature !== undefined && (!plan || kit.config.trials.some((trial) => trial.feature === feature));
        const started = kit.startTrial(ofFeature ? { feature } : { plan: plan ?? '' });
        if (!started.ok) warnOnce(`trial of ${ofFeature ? `feature "${feature}"` : `plan "${plan}"`} not started: ${started.reason}`);
      } else if (handlers.onContactSales) {
        handlers.onContactSales(context());
      } else {
        warnOnce('a contact-sales CTA without a URL was clicked, but <UpgradeKitProvider> has no onContactSales');
      }
    } catch (error) {
      reportOnce(`the ${cta} CTA failed`, error);
    }
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

/** The plan after the customer's in the config's order, if any. */
function nextPlan(kit: { config: { plans: ReadonlyArray<{ id: string }> }; getSnapshot(): { customer: { plan: string } } }): string | undefined {
  const { plans } = kit.config;
  const index = plans.findIndex((candidate) => candidate.id === kit.getSnapshot().customer.plan);
  return plans[index + 1]?.id;
}
