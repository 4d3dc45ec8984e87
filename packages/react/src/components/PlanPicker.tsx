'use client';
import { useId, type CSSProperties, type ReactNode } from 'react';
import { monthly } from '@upgradekit/core';
import { useFormat } from '../context.js';
import { Guarded } from '../Guard.js';
import { useControllableState } from '../hooks/useControllableState.js';
import { usePlans, type Billing, type PlanPrice, type PlansFor, type PlanView } from '../hooks/usePlans.js';
import { usePromptLifecycle } from '../hooks/usePromptLifecycle.js';
import { compareCopy, ctaCopy, planCopy, type Format, type Messages } from '../messages.js';
import { cx } from '../utils.js';
import { BillingToggle } from './BillingToggle.js';
import { LimitValue } from './LimitValue.js';
import { UpgradeButton } from './UpgradeButton.js';

export interface PlanPickerProps extends PlansFor {
  /** Controlled billing period. */
  billing?: Billing | undefined;
  /** Uncontrolled initial billing period. Default: `month`. */
  defaultBilling?: Billing | undefined;
  /** Called when the customer switches between monthly and yearly prices. */
  onBillingChange?: ((billing: Billing) => void) | undefined;
  /** The table's caption. Default: the `plansCaption` message ("Compare plans"). */
  caption?: ReactNode | undefined;
  messages?: Messages | undefined;
  className?: string | undefined;
}

/** A column's state, as `data-state` on its cells. */
export type PlanColumnState = 'current' | 'recommended' | 'upgrade' | 'downgrade';

const columnState = (plan: PlanView): PlanColumnState =>
  plan.position === 'current' ? 'current' : plan.recommended ? 'recommended' : plan.position === 'above' ? 'upgrade' : 'downgrade';

/**
 * The config's plans side by side, stacked one under the other in a narrow
 * container: a table with a column a plan (named by its header, the current and
 * the recommended plan marked) and a row each for the price, every feature (limits,
 * "Unlimited", ✓ and —) and the add-ons, then each plan's CTA, which goes through
 * `onUpgrade` or `onContactSales` with the prompt's trigger, so a conversion is
 * credited to it. A monthly / yearly toggle shows when a plan can be billed both ways.
 */
export function PlanPicker(props: PlanPickerProps) {
  return (
    <Guarded name="PlanPicker">
      <PlanPickerView {...props} />
    </Guarded>
  );
}

function PlanPickerView({ billing: billingProp, defaultBilling = 'month', onBillingChange, caption, messages, className, ...options }: PlanPickerProps) {
  const [, format] = useFormat(messages, '<PlanPicker>', ctaCopy, compareCopy, planCopy);
  const [billing, setBilling] = useControllableState(billingProp, defaultBilling, onBillingChange);
  const { plans, features, yearly } = usePlans({ ...options, billing });
  const lifecycle = usePromptLifecycle(options.prompt);
  const id = useId();
  if (!plans.length) return null;
  const { t } = format;
  const headerId = (plan: PlanView) => `${id}-${plan.id}`;
  const row = (index: number, label: string, cell: (plan: PlanView) => ReactNode, labelled = true) => (
    <tr key={index} style={{ '--uk-row': index } as CSSProperties}>
      <th scope="row" className="uk-plans__feature">
        {label}
      </th>
      {plans.map((plan, column) => (
        <td key={plan.id} className="uk-plans__cell" data-state={columnState(plan)} style={{ '--uk-plan': column } as CSSProperties}>
          {labelled && (
            <span className="uk-plans__label" aria-hidden="true">
              {label}
            </span>
          )}
          {cell(plan)}
        </td>
      ))}
    </tr>
  );
  return (
    <div ref={lifecycle.ref} className={cx('uk-plans', className)} data-state={billing}>
      {yearly && <BillingToggle value={billing} onChange={setBilling} format={format} />}
      <table className="uk-plans__table">
        <caption className="uk-plans__caption">{caption ?? t('plansCaption')}</caption>
        <thead>
          <tr style={{ '--uk-row': 0 } as CSSProperties}>
            <td className="uk-plans__corner" />
            {plans.map((plan, column) => (
              <th key={plan.id} scope="col" id={headerId(plan)} className="uk-plans__plan" data-state={columnState(plan)} style={{ '--uk-plan': column } as CSSProperties}>
                <span className="uk-plans__name">{plan.name}</span>
                {(plan.position === 'current' || plan.recommended) && (
                  <> <span className="uk-plans__badge">{t(plan.position === 'current' ? 'planCurrent' : 'planRecommended')}</span></>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row(1, t('planPrice'), (plan) => <Price price={plan.price} billing={billing} description={plan.description} format={format} />, false)}
          {features.map((feature, index) =>
            row(index + 2, feature.name, (plan) => <LimitValue format={format} type={feature.type} limit={plan.grants[index]!} />),
          )}
          {plans.some((plan) => plan.addOns.length > 0) &&
            row(features.length + 2, t('planAddOns'), (plan) =>
              plan.addOns.length ? (
                <ul className="uk-plans__addons">
                  {plan.addOns.map((addOn) => (
                    <li key={addOn.id}>{t('addOnPrice', { addOn: addOn.name, price: format.currency(monthly(addOn.price), addOn.price.currency) })}</li>
                  ))}
                </ul>
              ) : (
                <LimitValue format={format} type="boolean" limit={0} />
              ),
            )}
          {row(
            features.length + 3,
            t('planChoose'),
            (plan) => plan.cta && <UpgradeButton {...plan.cta} messages={messages} aria-describedby={headerId(plan)} />,
            false,
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A plan's price for the billing period, with what billing yearly saves and the plan's own line. */
function Price({ price, billing, description, format }: { price: PlanPrice; billing: Billing; description: string | undefined; format: Format }) {
  const { t, currency } = format;
  // In monthly view a plan billed yearly only shows its monthly share, and what is billed.
  const perMonth = billing === 'month' && price.interval === 'year';
  const amount = perMonth ? price.perMonth : price.amount;
  return (
    <>
      <span className="uk-plans__amount">
        {price.label ?? t(price.interval === 'year' && !perMonth ? 'pricePerYear' : 'pricePerMonth', { price: currency(amount, price.currency) })}
      </span>
      {/* Spaces between the lines, so screen readers do not run them together. */}
      {!price.label && perMonth && <> <span className="uk-plans__note">{t('priceBilledYearly', { price: currency(price.amount, price.currency) })}</span></>}
      {!price.label && price.saving > 0 && <> <span className="uk-plans__saving">{t('yearlySaving', { price: currency(price.saving, price.currency) })}</span></>}
      {description && <> <span className="uk-plans__description">{description}</span></>}
    </>
  );
}
