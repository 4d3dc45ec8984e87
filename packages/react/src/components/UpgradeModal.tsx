'use client';
import type { ReactNode } from 'react';
import { offerFor, type ActivePrompt, type DismissReason } from '@upgradekit/core';
import { useFormat } from '../context.js';
import { Guarded } from '../Guard.js';
import { useControllableState } from '../hooks/useControllableState.js';
import { usePromptLifecycle } from '../hooks/usePromptLifecycle.js';
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
  /** Called when the modal opens or closes (Escape, the backdrop, Close, Not now, the CTA). */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** The feature being sold: gives the upgrade path and the copy. */
  feature?: string | undefined;
  /** The plan to offer. Default: the feature's cheapest upgrade path. */
  plan?: string | undefined;
  /** The dialog's title, which names it. Default: the prompt's title, else "Upgrade to {plan}". */
  title?: string | undefined;
  /** Default: the prompt's body, else "{feature} is included in {plan}." */
  body?: string | undefined;
  /** The prompt this modal shows (PromptOutlet passes it): impressions, clicks and dismissals are recorded. */
  prompt?: ActivePrompt | undefined;
  /** Copy overrides for this component, over the provider's `messages`. Default: the provider's (English unless it says otherwise). */
  messages?: Messages | undefined;
  /** Extra class on the `<dialog>`, beside `uk-dialog`. */
  className?: string | undefined;
  /** Extra content under the body (a feature list, a screenshot). */
  children?: ReactNode;
}

/** A modal upgrade offer: what the plan unlocks, what it costs per month more, and one CTA. */
export function UpgradeModal(props: UpgradeModalProps) {
  return (
    <Guarded name="UpgradeModal">
      <UpgradeModalView {...props} />
    </Guarded>
  );
}

function UpgradeModalView({ open: openProp, defaultOpen = false, onOpenChange, feature: featureProp, plan, title, body, prompt, messages, className, children }: UpgradeModalProps) {
  const [context, format] = useFormat(messages, '<UpgradeModal>', modalCopy);
  const { kit, diagnostics } = context;
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const feature = prompt?.feature ?? featureProp;
  const result = useKitValue(kit, () => (feature ? safeCheck(context, feature) : null));
  const lifecycle = usePromptLifecycle(prompt);
  const requested = prompt?.plan ?? plan;
  // The prompt's offer, else the feature's path, else what offerFor picks for the plan asked for.
  const upgrade =
    prompt?.upgrade ??
    (requested === undefined ? result?.upgrade : undefined) ??
    safely(diagnostics, 'offerFor()', () => offerFor(kit.config, kit.getSnapshot().customer, { feature, plan: requested }), null);
  const planId = requested ?? upgrade?.plan;
  const values = { plan: planName(kit.config, planId), feature: featureText(kit.config, feature).name };
  const price = upgrade && upgrade.plan === planId && upgrade.mrrDelta > 0 ? { amount: upgrade.mrrDelta, currency: upgrade.currency } : null;

  const close = (reason?: DismissReason) => {
    lifecycle.dismiss(reason);
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
      dialogRef={lifecycle.ref}
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
