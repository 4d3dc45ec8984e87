import { useId, useState } from 'react';
import { comparePlans, type PlanComparison } from '@upgradekit/core';
import type { UpgradeKitContextValue } from '../context.js';
import type { Format, Messages } from '../messages.js';
import { safely } from '../safe.js';
import { ComparisonList } from './ComparisonList.js';
import { QuantityStepper } from './QuantityStepper.js';
import { UpgradeButton } from './UpgradeButton.js';

export interface AddOnOfferProps {
  context: UpgradeKitContextValue;
  format: Format;
  /** The add-on path: the plan to be on and the add-on, in the smallest quantity that unlocks the feature. */
  offer: PlanComparison;
  /** How many the customer can buy at most; from 2 on, a stepper chooses. */
  maxQuantity: number;
  feature: string | undefined;
  triggerId: string | undefined;
  /** Whether a plan is offered beside it ("Or add …"). */
  alternative: boolean;
  messages: Messages | undefined;
  /** The CTA was chosen. */
  onChosen(): void;
}

/**
 * An add-on as the cheaper path to a higher seats or metered limit: how many to
 * buy, what changes with them, what they add per month, and the CTA, which hands
 * the chosen quantity to `onUpgrade` in its upgrade path.
 */
export function AddOnOffer({ context, format, offer, maxQuantity, feature, triggerId, alternative, messages, onChosen }: AddOnOfferProps) {
  const { kit, diagnostics } = context;
  const titleId = useId();
  const [{ id, quantity: needed }] = offer.path.addOns as [{ id: string; quantity: number }];
  const [quantity, setQuantity] = useState(needed);
  const chosen =
    quantity === needed
      ? offer
      : (safely(diagnostics, 'comparePlans()', () => comparePlans(kit.config, kit.getSnapshot().customer, { plan: offer.path.plan, addOns: [{ id, quantity }] }, feature), null) ?? offer);
  const addOn = kit.config.addOns.find((candidate) => candidate.id === id)?.name ?? id;
  const { t } = format;
  const stepper = maxQuantity > 1 && feature !== undefined && kit.config.features[feature]?.type !== 'boolean';
  const isAddOnOnly = chosen.path.plan === chosen.from;
  const target = quantity > 1 ? `${format.number(quantity)} × ${addOn}` : addOn;
  return (
    <section className="uk-addon" aria-labelledby={titleId}>
      <h3 id={titleId} className="uk-addon__title">
        {t(alternative ? 'addOnOr' : 'ctaAddOn', { addOn })}
      </h3>
      {stepper && <QuantityStepper value={quantity} max={maxQuantity} onChange={setQuantity} format={format} />}
      <ComparisonList comparison={chosen} config={kit.config} format={format} target={target} feature={feature} />
      {chosen.monthlyDelta > 0 && <p className="uk-dialog__price">{t('price', { price: format.currency(chosen.monthlyDelta, chosen.currency) })}</p>}
      <UpgradeButton
        feature={feature}
        plan={chosen.path.plan}
        upgrade={chosen.path}
        triggerId={triggerId}
        messages={messages}
        onClick={onChosen}
      >
        {isAddOnOnly ? (quantity > 1 ? t('ctaAddOnQuantity', { addOn, quantity: format.number(quantity) }) : t('ctaAddOn', { addOn })) : undefined}
      </UpgradeButton>
    </section>
  );
}
