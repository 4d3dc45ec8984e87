'use client';
import type { ReactNode } from 'react';
import type { ActivePrompt, DismissReason } from '@upgradekit/core';
import { useFormat } from '../context.js';
import { Guarded } from '../Guard.js';
import { useControllableState } from '../hooks/useControllableState.js';
import { usePromptLifecycle } from '../hooks/usePromptLifecycle.js';
import { useRecommendation } from '../hooks/useRecommendation.js';
import { compareCopy, ctaCopy, modalCopy, type Messages } from '../messages.js';
import { featureText, planName } from '../utils.js';
import { AddOnOffer } from './AddOnOffer.js';
import { PlanDifference } from './ComparisonList.js';
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
  /** The plan to offer. Default: the prompt's offer, else the cheapest plan that unlocks `feature`, else the next plan up. */
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
  /** Whether to list what changes with the plan ("Projects 3 → 20", "PDF export — → ✓"). Default: `true`. */
  comparison?: boolean | undefined;
  /** Extra content under the comparison (a screenshot, a quote). */
  children?: ReactNode;
}

/**
 * A modal upgrade offer: the recommended plan against the customer's (the limits
 * that change and what it adds per month) and its CTA; for a seats or metered
 * limit, also an add-on with a quantity stepper when that is the cheaper path.
 */
export function UpgradeModal(props: UpgradeModalProps) {
  return (
    <Guarded name="UpgradeModal">
      <UpgradeModalView {...props} />
    </Guarded>
  );
}

function UpgradeModalView(props: UpgradeModalProps) {
  const { open: openProp, defaultOpen = false, onOpenChange, plan, title, body, prompt, messages, className, children, comparison: showComparison = true } = props;
  const [context, format] = useFormat(messages, '<UpgradeModal>', ctaCopy, modalCopy, compareCopy);
  const { kit } = context;
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const feature = prompt?.feature ?? props.feature;
  const lifecycle = usePromptLifecycle(prompt);
  // The prompt's offer or the plan asked for, else the cheapest plan that unlocks the feature; beside it a cheaper add-on.
  const recommendation = useRecommendation(context, { feature, plan, prompt });
  const compared = recommendation.plan;
  const planId = (compared ?? recommendation.addOn)?.path.plan ?? prompt?.plan ?? plan;
  const values = { plan: planName(kit.config, planId), feature: featureText(kit.config, feature).name };

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
      {compared && <PlanDifference comparison={compared} config={kit.config} format={format} target={values.plan} feature={feature} rows={showComparison} />}
      {children}
      {recommendation.addOn && (
        <AddOnOffer
          context={context}
          format={format}
          offer={recommendation.addOn}
          maxQuantity={recommendation.maxQuantity}
          feature={feature}
          triggerId={prompt?.triggerId}
          alternative={compared !== null}
          messages={messages}
          onChosen={() => setOpen(false)}
        />
      )}
      <div className="uk-dialog__actions">
        {(compared || !recommendation.addOn) && (
          <UpgradeButton feature={feature} prompt={prompt} plan={planId} upgrade={compared?.path ?? null} messages={messages} onClick={() => setOpen(false)} />
        )}
        <button type="button" className="uk-button" data-cta="dismiss" onClick={() => close('not_now')}>
          {format.t('notNow')}
        </button>
      </div>
    </Dialog>
  );
}
