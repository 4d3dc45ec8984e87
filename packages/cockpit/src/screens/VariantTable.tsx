import type { FunnelStats, TriggerReport } from '@upgradekit/core/report';
import { useCockpit } from '../app/CockpitContext.js';
import { ScrollTable } from '../components/ScrollTable.js';
import { count, money, percent, points } from '../format.js';

const ROWS: Array<{ label: string; value: (funnel: FunnelStats, currency: string) => string }> = [
  { label: 'Shown', value: (f) => count(f.shown) },
  { label: 'Clicked', value: (f) => count(f.clicked) },
  { label: 'Click-through rate', value: (f) => percent(f.clickThroughRate) },
  { label: 'Dismissed', value: (f) => count(f.dismissed.total) },
  { label: 'Trials started', value: (f) => count(f.trialsStarted) },
  { label: 'Conversions', value: (f) => count(f.conversions) },
  { label: 'Conversion rate', value: (f) => percent(f.conversionRate) },
  { label: 'Expansion MRR', value: (f, currency) => money(f.expansionMrr, currency) },
  { label: 'Customers shown, converted', value: (f) => `${count(f.shownCustomersConverted)} of ${count(f.shownCustomers)}` },
  { label: 'Lift over holdout', value: (f) => points(f.liftInterval.difference) },
  {
    label: '95% interval',
    value: (f) => (f.liftInterval.low === null ? (f.liftInterval.insufficient === 'no_conversions' ? 'no conversions yet' : 'too few customers') : `${points(f.liftInterval.low)} to ${points(f.liftInterval.high)}`),
  },
];

/** Each variant in a column, every figure in a row, so variants read side by side. */
export function VariantTable({ trigger }: { trigger: TriggerReport }) {
  const { currency } = useCockpit();
  // Held-out customers see nothing: the caption gives their figures, a column of zeros would not.
  const variants = trigger.variants.filter((variant) => variant.inConfig || variant.variant !== 'holdout');
  return (
    <ScrollTable label={`Variants of ${trigger.triggerId}`}>
      <caption>
        Held out: {count(trigger.heldOutCustomers)} customers, {count(trigger.heldOutConversions)} converted ({percent(trigger.holdoutConversionRate)})
      </caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          {variants.map((variant) => (
            <th scope="col" key={variant.variant} data-variant={variant.variant}>
              {variant.variant}
              {!variant.inConfig && <span className="badge badge--muted">not in config</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {variants.map((variant) => (
              <td key={variant.variant}>{row.value(variant, currency)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
