import { useId } from 'react';
import type { Billing } from '../hooks/usePlans.js';
import type { Format } from '../messages.js';

const PERIODS: Array<[Billing, 'billingMonthly' | 'billingYearly']> = [
  ['month', 'billingMonthly'],
  ['year', 'billingYearly'],
];

/** Monthly or yearly prices: two native radio buttons in a named group, so arrow keys switch and screen readers say which is on. */
export function BillingToggle({ value, onChange, format }: { value: Billing; onChange(value: Billing): void; format: Format }) {
  const name = useId();
  return (
    <fieldset className="uk-plans__billing">
      <legend className="uk-sr-only">{format.t('billingLabel')}</legend>
      {PERIODS.map(([period, label]) => (
        <label key={period} className="uk-plans__period" data-state={period === value ? 'checked' : 'unchecked'}>
          <input type="radio" name={name} value={period} checked={period === value} onChange={() => onChange(period)} />
          {format.t(label)}
        </label>
      ))}
    </fieldset>
  );
}
