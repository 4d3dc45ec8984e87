'use client';
import { useState, type MouseEvent } from 'react';
import { offerFor, type ActivePrompt, type DismissReason } from '@upgradekit/core';
import { useFormat } from '../context.js';
import { Guarded } from '../Guard.js';
import { useControllableState } from '../hooks/useControllableState.js';
import { usePromptLifecycle } from '../hooks/usePromptLifecycle.js';
import { useTrial } from '../hooks/useTrial.js';
import { ctaCopy, modalCopy, trialCopy, type MessageKey, type Messages } from '../messages.js';
import { announce, rememberPlace } from '../focus.js';
import { safely } from '../safe.js';
import { featureText, planName, trialDays } from '../utils.js';
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
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Days left from which an active trial counts as `ending`. Default: 3. */
  endingDays?: number | undefined;
  /** The prompt this modal shows (PromptOutlet passes it): impressions, clicks and dismissals are recorded. */
  prompt?: ActivePrompt | undefined;
  title?: string | undefined;
  body?: string | undefined;
  messages?: Messages | undefined;
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

function TrialModalView({ feature: featureProp, plan: planProp, open: openProp, defaultOpen = false, onOpenChange, endingDays = 3, prompt, title, body, messages, className }: TrialModalProps) {
  const [{ kit, diagnostics }, format] = useFormat(messages, '<TrialModal>', ctaCopy, modalCopy, trialCopy);
  const { t } = format;
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const feature = prompt?.feature ?? featureProp;
  const plan = feature ? undefined : (prompt?.plan ?? planProp ?? '');
  // A prompt whose trigger is about a trial (an `ending` or `expired` one) speaks for that trial.
  const target = prompt?.trial ?? (plan === undefined ? { feature: feature! } : { plan });
  const trial = useTrial(target);
  const lifecycle = usePromptLifecycle(prompt);
  const [failed, setFailed] = useState(false);
  if (trial.state === 'unavailable') return null;

  // The state the trigger's copy is written for: its trial leaf's, else the offer.
  const written = prompt?.trial?.state ?? 'eligible';
  const ending = trial.state === 'active' && ((trial.daysLeft !== null && trial.daysLeft <= endingDays) || written === 'ending');
  const state: TrialModalState = ending ? 'ending' : trial.state;
  // What keeps the feature after the trial: offerFor ignores the trial that makes checks allow it now.
  const upgradePlan =
    plan ?? prompt?.plan ?? (feature ? safely(diagnostics, 'offerFor()', () => offerFor(kit.config, kit.getSnapshot().customer, { feature })?.plan, undefined) : undefined);
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
  // Config copy is written for the state its trigger fires in (the offer, unless it names a trial state).
  const own = state === written;
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

