'use client';
import { useId, type ReactNode } from 'react';
import type { ActivePrompt } from '@upgradekit/core';
import { useFormat } from '../context.js';
import { Guarded } from '../Guard.js';
import { usePromptLifecycle } from '../hooks/usePromptLifecycle.js';
import { useUsage, type Thresholds, type Usage } from '../hooks/useUsage.js';
import { meterCopy, type Messages } from '../messages.js';
import { safely } from '../safe.js';
import { cx, featureText } from '../utils.js';
import { EXCEEDED, Icon, WARNING } from './Icon.js';
import { UpgradeButton } from './UpgradeButton.js';

/** `unlimited` when there is no limit to measure against. */
export type MeterState = Usage['state'] | 'unlimited';

/** What a custom meter (the render-prop path) receives. */
export type MeterData = Omit<Usage, 'state'> & {
  state: MeterState;
  /** The feature's display name. */
  name: string;
  /** "1,234 of 2,000 API calls · resets Dec 1", in the provider's locale. */
  text: string;
  /** "Limit reached" and the like; `null` while `ok`. */
  status: string | null;
  /** Share of the limit used, 0–100 (capped). */
  percent: number;
};

export interface UsageMeterProps {
  /** A metered or seats feature. */
  feature: string;
  /** The heading. Default: the prompt's title, else the feature's name. */
  label?: ReactNode | undefined;
  /** When the meter turns `warning` / `critical`. Default: the config's `policy.thresholds`. */
  thresholds?: Thresholds | undefined;
  /** Show an upgrade CTA from `warning` on. Default: `true`. */
  showUpgrade?: boolean | undefined;
  /** The prompt this meter shows (PromptOutlet passes it): its impressions and clicks are counted. */
  prompt?: ActivePrompt | undefined;
  /** Copy overrides for this component, over the provider's `messages`. Default: the provider's (English unless it says otherwise). */
  messages?: Messages | undefined;
  /** Extra class on the root element, beside `uk-*`. */
  className?: string | undefined;
  /** Unstyled path: render your own markup from the meter's data. */
  children?: ((meter: MeterData) => ReactNode) | undefined;
}

/**
 * Usage against a limit: a `role="meter"` bar with its numbers as text, a state
 * in words and an icon from `warning` on (colour is never the only cue), and an
 * inline upgrade CTA when the customer is close to or at the limit.
 */
export function UsageMeter(props: UsageMeterProps) {
  return (
    <Guarded name="UsageMeter">
      <UsageMeterView {...props} />
    </Guarded>
  );
}

const STATUS = { warning: 'stateWarning', critical: 'stateCritical', exceeded: 'stateExceeded' } as const;

function UsageMeterView({ feature, label, thresholds, showUpgrade = true, prompt, messages, className, children }: UsageMeterProps) {
  const [{ kit, diagnostics }, format] = useFormat(messages, '<UsageMeter>', meterCopy);
  const usage = useUsage(feature, thresholds);
  const labelId = useId();
  const lifecycle = usePromptLifecycle(prompt);
  // No data to measure (unknown feature, broken config): a meter would only mislead.
  if (usage.reason === 'fallback' || usage.reason === 'unknown_feature') return null;

  const { t } = format;
  const { name, unit } = featureText(kit.config, feature);
  const limited = usage.limit !== 'unlimited';
  const state: MeterState = limited ? usage.state : 'unlimited';
  const values = { usage: format.number(usage.usage), limit: format.limit(usage.limit), unit };
  const text = limited
    ? t('meterUsage', values) + (usage.resetsAt === null ? '' : ` · ${t('meterResets', { date: format.date(usage.resetsAt) })}`)
    : t('meterUnlimited', values);
  const status = state === 'ok' || state === 'unlimited' ? null : t(STATUS[state]);
  const percent = limited ? Math.min(100, Math.round(usage.ratio * 100)) : 0;
  // A render prop that throws renders nothing, also on the server, where no error boundary runs.
  if (children) return <>{safely(diagnostics, '<UsageMeter> render prop', () => children({ ...usage, state, name, text, status, percent }), null)}</>;

  return (
    <div ref={lifecycle.ref} className={cx('uk-meter', className)} data-state={state}>
      <div className="uk-meter__header">
        <span id={labelId} className="uk-meter__label">
          {label || prompt?.title || name}
        </span>
        <span className="uk-meter__text">{text}</span>
      </div>
      {limited && (
        <div
          role="meter"
          className="uk-meter__bar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={usage.limit as number}
          // Over the limit the bar is full; the text carries the real number.
          aria-valuenow={Math.min(usage.usage, usage.limit as number)}
          aria-valuetext={status ? `${text}. ${status}` : text}
        >
          <div className="uk-meter__fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      {(status || prompt?.body) && (
        <p className="uk-meter__status">
          {status && <Icon path={state === 'exceeded' ? EXCEEDED : WARNING} />}
          {status} {prompt?.body}
        </p>
      )}
      {showUpgrade && (status || prompt) && (
        <UpgradeButton feature={feature} prompt={prompt} upgrade={prompt?.upgrade ?? usage.upgrade} messages={messages} />
      )}
    </div>
  );
}
