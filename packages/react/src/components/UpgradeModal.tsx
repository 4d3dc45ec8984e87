'use client';
import type { ReactNode } from 'react';
import { findPromptEngine, monthly, type ActivePrompt, type Config, type DismissReason, type UpgradePath } from '@upgradekit/core';
import { useFormat } from '../context.js';
import { Guard } from '../Guard.js';
import { useControllableState } from '../hooks/useControllableState.js';
import { useShown } from '../hooks/useShown.js';
import { useKitValue } from '../hooks/useUpgradeKit.js';
import { modalCopy, type Messages } from '../messages.js';
import { safeCheck, safely } from '../safe.js';
import { featureText, planName } from '../utils.js';
import { Dialog } from './Dialog.js';
import { UpgradeButton } from './UpgradeButton.js';

export interface UpgradeModalProps {
  /** Controlled open state. */
  open?: boolean | undefined;
  /** Uncontrolled initial open state. Default: `false`. */
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** The feature being sold: gives the upgrade path and the copy. */
  feature?: string | undefined;
  /** The plan to offer. Default: the feature's cheapest upgrade path. */
  plan?: string | undefined;
  title?: string | undefined;
  body?: string | undefined;
  /** The prompt this modal shows (PromptOutlet passes it): impressions, clicks and dismissals are recorded. */
  prompt?: ActivePrompt | undefined;
  messages?: Messages | undefined;
  className?: string | undefined;
  /** Extra content under the body (a feature list, a screenshot). */
  children?: ReactNode;
}

/** A modal upgrade offer: what the plan unlocks, what it costs per month more, and one CTA. */
export function UpgradeModal(props: UpgradeModalProps) {
  return (
    <Guard name="UpgradeModal">
      <UpgradeModalView {...props} />
    </Guard>
  );
}

function UpgradeModalView({ open: openProp, defaultOpen = false, onOpenChange, feature: featureProp, plan, title, body, prompt, messages, className, children }: UpgradeModalProps) {
  const [{ kit }, format] = useFormat(messages, '<UpgradeModal>', modalCopy);
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const feature = prompt?.feature ?? featureProp;
  const result = useKitValue(kit, () => (feature ? safeCheck(kit, feature) : null));
  const shownRef = useShown(prompt?.triggerId);
  const upgrade = prompt?.upgrade ?? result?.upgrade ?? null;
  const planId = prompt?.plan ?? plan ?? upgrade?.plan;
  const values = { plan: planName(kit.config, planId), feature: featureText(kit.config, feature).name };
  const price = priceDelta(kit.config, kit.getSnapshot().customer.plan, planId, upgrade);

  const close = (reason?: DismissReason) => {
    if (prompt) safely('markDismissed()', () => findPromptEngine(kit)?.markDismissed(prompt.triggerId, reason), undefined);
    setOpen(false);
  };
  const text = prompt?.body ?? body ?? (feature ? format.t('modalBody', values) : '');
  return (
    <Dialog
      open={open}
      onClose={() => close()}
      title={prompt?.title ?? title ?? format.t('modalTitle', values)}
      closeLabel={format.t('close')}
      state="open"
      className={className}
      dialogRef={shownRef}
    >
      {text && <p className="uk-dialog__body">{text}</p>}
      {price && <p className="uk-dialog__price">{format.t('price', { price: format.currency(price.amount, price.currency) })}</p>}
      {children}
      <div className="uk-dialog__actions">
        <UpgradeButton feature={feature} prompt={prompt} plan={planId} upgrade={upgrade} messages={messages} onClick={() => setOpen(false)} />
        <button type="button" className="uk-button" data-cta="dismiss" onClick={() => close('not_now')}>
          {format.t('notNow')}
        </button>
      </div>
    </Dialog>
  );
}

/** What the offer adds per month: the upgrade path's delta, else the difference between plan prices. */
function priceDelta(config: Config, current: string, planId: string | undefined, upgrade: UpgradePath | null) {
  if (upgrade && upgrade.plan === planId) return upgrade.mrrDelta > 0 ? { amount: upgrade.mrrDelta, currency: upgrade.currency } : null;
  const from = config.plans.find((candidate) => candidate.id === current);
  const to = config.plans.find((candidate) => candidate.id === planId);
  const amount = to ? monthly(to.price) - (from ? monthly(from.price) : 0) : 0;
  return to && amount > 0 ? { amount, currency: to.price.currency } : null;
}
