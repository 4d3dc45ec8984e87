'use client';
import { useState, type MouseEvent } from 'react';
import type { ActivePrompt, DismissReason } from '@upgradekit/core';
import { useFormat } from '../context.js';
import { Guarded } from '../Guard.js';
import { useControllableState } from '../hooks/useControllableState.js';
import { usePromptLifecycle } from '../hooks/usePromptLifecycle.js';
import { useRecommendation } from '../hooks/useRecommendation.js';
import { useTrial, type Trial } from '../hooks/useTrial.js';
import { compareCopy, ctaCopy, modalCopy, trialCopy, type MessageKey, type Messages } from '../messages.js';
import { announce, rememberPlace } from '../focus.js';
import { featureText, planName, trialDays } from '../utils.js';
import { PlanDifference } from './ComparisonList.js';
import { Dialog } from './Dialog.js';
import { UpgradeButton } from './UpgradeButton.js';

/** `ending`: an active trial with `endingDays` or fewer days left. */
export type TrialModalState = 'eligible' | 'active' | 'ending' | 'expired';

export interface TrialModalProps {
  /** The feature to trial... */
  feature?: string | undefined;
  /** ...or the plan. */
  plan?: string | undefined;
  /** Controlled open state. */
  open?: boolean | undefined;
  /** Uncontrolled initial open state. Default: `false`. */
  defaultOpen?: boolean | undefined;
  /** Called when the modal opens or closes (Escape, the backdrop, Close, Not now, the CTA). */
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Days left from which an active trial counts as `ending`. Default: 3. */
  endingDays?: number | undefined;
  /** The prompt this modal shows (PromptOutlet passes it): impressions, clicks and dismissals are recorded. */
  prompt?: ActivePrompt | undefined;
  /** The offer's title (the later states have their own). Default: the prompt's title, else "Try {feature} free for {days}". */
  title?: string | undefined;
  /** The offer's text. Default: the prompt's body, else "Nothing changes on your plan unless you upgrade." */
  body?: string | undefined;
  /**
   * Whether to list what changes with the plan the customer would upgrade to
   * ("Projects 3 → 20") and what it adds per month: in the offer of a plan trial,
   * and once the trial is ending or has ended. Default: `true`.
   */
  comparison?: boolean | undefined;
  /** Copy overrides for this component, over the provider's `messages`. Default: the provider's (English unless it says otherwise). */
  messages?: Messages | undefined;
  /** Extra class on the `<dialog>`, beside `uk-dialog`. */
  className?: string | undefined;
}

const COPY: Record<TrialModalState, [MessageKey, MessageKey]> = {
  eligible: ['trialEligibleTitle', 'trialEligibleBody'],
  active: ['trialActiveTitle', 'trialActiveBody'],
  ending: ['trialEndingTitle', 'trialEndingBody'],
  expired: ['trialExpiredTitle', 'trialExpiredBody'],
};

/**
 * The trial lifecycle in one modal: the offer (start in place), the trial
 * running, ending soon and ended (both with the upgrade CTA). Renders nothing
 * when no trial is available.
 */
export function TrialModal(props: TrialModalProps) {
  return (
    <Guarded name="TrialModal">
      <TrialModalView {...props} />
    </Guarded>
  );
}

/**
 * The state the modal shows, and whether the prompt's copy is written for it:
 * config copy speaks for the state its trigger fires in (its trial leaf's, else the offer).
 */
function shownState(trial: Pick<Trial, 'daysLeft'> & { state: Exclude<Trial['state'], 'unavailable'> }, prompt: ActivePrompt | undefined, endingDays: number): { state: TrialModalState; own: boolean } {
  const written = prompt?.trial?.state ?? 'eligible';
  const ending = trial.state === 'active' && ((trial.daysLeft !== null && trial.daysLeft <= endingDays) || written === 'ending');
  const state: TrialModalState = ending ? 'ending' : trial.state;
  return { state, own: state === written };
}

function TrialModalView(props: TrialModalProps) {
  const { feature: featureProp, plan: planProp, open: openProp, defaultOpen = false, onOpenChange, endingDays = 3, prompt, title, body, messages, className } = props;
  const [context, format] = useFormat(messages, '<TrialModal>', ctaCopy, modalCopy, trialCopy, compareCopy);
  const { kit } = context;
  const { t } = format;
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const feature = prompt?.feature ?? featureProp;
  const plan = feature ? undefined : (prompt?.plan ?? planProp ?? '');
  // A prompt whose trigger is about a trial (an `ending` or `expired` one) speaks for that trial.
  const target = prompt?.trial ?? (plan === undefined ? { feature: feature! } : { plan });
  const trial = useTrial(target);
  const lifecycle = usePromptLifecycle(prompt);
  const [failed, setFailed] = useState(false);
  // What keeps the feature after the trial (trials aside, as offers are), or the plan on trial.
  const compared = useRecommendation(context, { feature, plan: plan ?? prompt?.plan }).plan;
  if (trial.state === 'unavailable') return null;

  const { state, own } = shownState({ state: trial.state, daysLeft: trial.daysLeft }, prompt, endingDays);
  const upgradePlan = plan ?? prompt?.plan ?? compared?.path.plan;
  const days = state === 'eligible' ? trialDays(kit.config, target) : trial.daysLeft;
  const values = {
    feature: feature ? featureText(kit.config, feature).name : planName(kit.config, plan),
    plan: planName(kit.config, upgradePlan),
    days: format.days(days ?? 0),
    date: trial.endsAt === null ? '' : format.date(trial.endsAt),
  };
  const close = (reason?: DismissReason) => {
    lifecycle.dismiss(reason);
    setOpen(false);
  };
  const start = (event: MouseEvent<HTMLElement>) => {
    lifecycle.click('trial');
    const returnNearby = rememberPlace(event.currentTarget);
    const started = trial.start();
    setFailed(!started.ok);
    if (!started.ok) return;
    // The offer's button goes (and with a prompt, the whole dialog): focus stays near, and the trial is said to run.
    announce(document, t('trialStarted', values));
    setTimeout(returnNearby);
  };
  const [titleKey, bodyKey] = COPY[state];
  const offer = state === 'eligible';
  // A plan trial's offer shows what the trial unlocks; a feature trial's names its one feature. Later, what upgrading keeps.
  const showComparison = props.comparison !== false && (offer ? plan !== undefined : state !== 'active');
  return (
    <Dialog
      open={open}
      onClose={() => close()}
      title={(own && (prompt?.title ?? title)) || t(titleKey, values)}
      closeLabel={t('close')}
      state={state}
      className={className}
      dialogRef={lifecycle.ref}
    >
      <p className="uk-dialog__body">{(own && (prompt?.body ?? body)) || t(bodyKey, values)}</p>
      {showComparison && compared && (
        <PlanDifference comparison={compared} config={kit.config} format={format} target={planName(kit.config, compared.path.plan)} feature={feature} priceKey={offer ? 'trialThen' : 'price'} />
      )}
      {failed && (
        <p role="alert" className="uk-dialog__error">
          {t('trialFailed')}
        </p>
      )}
      <div className="uk-dialog__actions">
        {offer ? (
          <button type="button" className="uk-button" data-cta="trial" onClick={start}>
            {prompt?.ctaLabel ?? t('ctaTrial')}
          </button>
        ) : (
          state !== 'active' && (
            <UpgradeButton feature={feature} plan={upgradePlan} triggerId={prompt?.triggerId} messages={messages} onClick={() => setOpen(false)} />
          )
        )}
        <button type="button" className="uk-button" data-cta="dismiss" onClick={() => close(state === 'active' ? undefined : 'not_now')}>
          {t(state === 'active' ? 'close' : 'notNow')}
        </button>
      </div>
    </Dialog>
  );
}

