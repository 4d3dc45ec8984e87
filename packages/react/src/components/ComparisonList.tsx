import type { Config, PlanComparison } from '@upgradekit/core';
import type { Format, MessageKey } from '../messages.js';
import { featureText } from '../utils.js';
import { LimitValue, limitWords } from './LimitValue.js';

export interface ComparisonListProps {
  comparison: PlanComparison;
  config: Config;
  format: Format;
  /** What the customer would have: the plan's name, or the add-ons'. */
  target: string;
  /** The feature the offer is about: its row comes first. */
  feature?: string | undefined;
}

/**
 * What an upgrade changes, one row a feature: "Projects 3 → 20", "PDF export — → ✓".
 * The signs are for the eye; each row says the same in words to screen readers.
 */
export function ComparisonList({ comparison, config, format, target, feature }: ComparisonListProps) {
  const rows = [...comparison.rows].sort((a, b) => Number(b.feature === feature) - Number(a.feature === feature));
  if (!rows.length) return null;
  return (
    <ul className="uk-compare" aria-label={format.t('compareLabel', { plan: target })}>
      {rows.map(({ feature: id, from, to }) => {
        const name = featureText(config, id).name;
        const type = config.features[id]?.type ?? 'boolean';
        return (
          <li key={id} className="uk-compare__row" data-feature={id}>
            <span className="uk-compare__feature" aria-hidden="true">
              {name}
            </span>
            <span className="uk-compare__from" aria-hidden="true">
              <LimitValue format={format} type={type} limit={from} />
            </span>
            <span className="uk-compare__arrow" aria-hidden="true">
              →
            </span>
            <span className="uk-compare__to" aria-hidden="true">
              <LimitValue format={format} type={type} limit={to} />
            </span>
            <span className="uk-sr-only">
              {format.t('compareRow', { feature: name, from: limitWords(format, type, from), to: limitWords(format, type, to), plan: target })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export interface PlanDifferenceProps extends ComparisonListProps {
  /** Whether to list the rows; the price line shows either way. Default: `true`. */
  rows?: boolean | undefined;
  /** The copy of the price line, given `{price}`: `price` ("+$29 per month"), or `trialThen` after a trial. Default: `'price'`. */
  priceKey?: MessageKey | undefined;
}

/** What an upgrade changes (`ComparisonList`) and what it adds per month, as the modals show it. */
export function PlanDifference({ rows = true, priceKey = 'price', ...list }: PlanDifferenceProps) {
  const { comparison, format } = list;
  return (
    <>
      {rows && <ComparisonList {...list} />}
      {comparison.monthlyDelta > 0 && <p className="uk-dialog__price">{format.t(priceKey, { price: format.currency(comparison.monthlyDelta, comparison.currency) })}</p>}
    </>
  );
}
