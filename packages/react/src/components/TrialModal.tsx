'use client';
import { useState } from 'react';
import { findPromptEngine, findUpgradePath, type ActivePrompt, type DismissReason, type UpgradeKit } from '@upgradekit/core';
import { useFormat } from '../context.js';
import { Guard } from '../Guard.js';
import { useControllableState } from '../hooks/useControllableState.js';
import { useShown } from '../hooks/useShown.js';
import { useTrial } from '../hooks/useTrial.js';
import { ctaCopy, modalCopy, trialCopy, type MessageKey, type Messages } from '../messages.js';
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
    <Guard name="TrialModal">
      <TrialModalView {...props} />
    </Guard>
  );
}

function TrialModalView({ feature: featureProp, plan: planProp, open: openProp, defaultOpen = false, onOpenChange, endingDays = 3, prompt, title, body, messages, className }: TrialModalProps) {
  const [{ kit }, format] = useFormat(messages, '<TrialModal>', ctaCopy, modalCopy, trialCopy);
  const { t } = format;
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const feature = prompt?.feature ?? featureProp;
  const plan = feature ? undefined : (prompt?.plan ?? planProp ?? '');
  const trial = useTrial(plan === undefined ? { feature: feature! } : { plan });
  const shownRef = useShown(prompt?.triggerId);
  const [failed, setFailed] = useState(false);
  if (trial.state === 'unavailable') return null;

  const state: TrialModalState = trial.state === 'active' && trial.daysLeft !== null && trial.daysLeft <= endingDays ? 'ending' : trial.state;
  const upgradePlan = plan ?? prompt?.plan ?? (feature ? planUnlocking(kit, feature) : undefined);
  const days = state === 'eligible' ? trialDays(kit.config, plan === undefined ? { feature: feature! } : { plan }) : trial.daysLeft;
  const values = {
    feature: feature ? featureText(kit.config, feature).name : planName(kit.config, plan),
    plan: planName(kit.config, upgradePlan),
    days: format.days(days ?? 0),
    date: trial.endsAt === null ? '' : format.date(trial.endsAt),
  };
  const close = (reason?: DismissReason) => {
    if (prompt) safely('markDismissed()', () => findPromptEngine(kit)?.markDismissed(prompt.triggerId, reason), undefined);
    setOpen(false);
  };
  const start = () => {
    if (prompt) safely('markClicked()', () => findPromptEngine(kit)?.markClicked(prompt.triggerId, 'trial'), undefined);
    setFailed(!trial.start().ok);
  };
  const [titleKey, bodyKey] = COPY[state];
  // Config copy is written for the offer; the later states speak for themselves.
  const offer = state === 'eligible';
  return (
    <Dialog
      open={open}
      onClose={() => close()}
      title={(offer && (prompt?.title ?? title)) || t(titleKey, values)}
      closeLabel={t('close')}
      state={state}
      className={className}
      dialogRef={shownRef}
    >
      <p className="uk-dialog__body">{(offer && (prompt?.body ?? body)) || t(bodyKey, values)}</p>
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

/** The plan that would keep a feature after its trial (a trial makes `check` allow it, so its upgrade path is empty). */
function planUnlocking(kit: UpgradeKit, feature: string): string | undefined {
  return safely('findUpgradePath()', () => {
    const { customer } = kit.getSnapshot();
    const current = kit.config.plans.find((candidate) => candidate.id === customer.plan);
    return current ? findUpgradePath(kit.config, customer, current, feature, 1)?.plan : undefined;
  }, undefined);
}
