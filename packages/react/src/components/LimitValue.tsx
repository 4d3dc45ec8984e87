import type { FeatureType, Limit } from '@upgradekit/core';
import type { Format } from '../messages.js';

/** A limit in words, for sentences and screen readers: "20", "unlimited", "included", "not included". */
export function limitWords(format: Format, type: FeatureType, limit: Limit): string {
  if (limit === 0) return format.t('notIncluded');
  if (type === 'boolean') return format.t('included');
  return limit === 'unlimited' ? format.t('unlimited') : format.number(limit);
}

/**
 * A limit as a comparison shows it: the number, "Unlimited", or ✓ and — for what
 * is and is not included, with the words beside the sign for screen readers.
 */
export function LimitValue({ format, type, limit }: { format: Format; type: FeatureType; limit: Limit }) {
  if (type !== 'boolean' && limit !== 0) return <>{limit === 'unlimited' ? format.t('planUnlimited') : format.number(limit)}</>;
  return (
    <>
      <span aria-hidden="true">{limit === 0 ? '—' : '✓'}</span>
      <span className="uk-sr-only">{limitWords(format, type, limit)}</span>
    </>
  );
}
