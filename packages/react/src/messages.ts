/**
 * All copy and all number, currency and date formatting in one place. Copy is
 * plain text with `{placeholders}`, rendered as React text, never as HTML. The
 * English defaults are grouped per component so a page ships only the copy of
 * the components it uses (no spreads between groups: bundlers keep those).
 */

/** Usage meters. `{usage}` and `{limit}` are formatted numbers. */
export const meterCopy = {
  meterUsage: '{usage} of {limit} {unit}',
  meterUnlimited: '{usage} {unit} · unlimited',
  meterResets: 'resets {date}',
  stateWarning: 'Nearing your limit',
  stateCritical: 'Almost at your limit',
  stateExceeded: 'Limit reached',
  unlimited: 'unlimited',
};

/** CTAs. `{plan}` is the plan's name; `{addOn}` an add-on's, when only an add-on is needed. */
export const ctaCopy = {
  ctaUpgrade: 'Upgrade to {plan}',
  ctaAddOn: 'Add {addOn}',
  ctaTrial: 'Start free trial',
  ctaContactSales: 'Contact sales',
  ctaLearnMore: 'Learn more',
};

export const bannerCopy = {
  bannerWarning: "You've used {percent} of your {unit}.",
  bannerExceeded: "You've reached your {unit} limit.",
  bannerUpgrade: 'Upgrade to {plan} for {limit} {unit}.',
  bannerResets: 'Your usage resets {date}.',
  dismiss: 'Dismiss',
  dismissNotNow: 'Remind me later',
  dismissTooExpensive: 'Too expensive',
  dismissNotNeeded: "I don't need this",
  dismissForever: "Don't show again",
  /** Said once a dismissed banner is hidden; `{date}` is when it may come back. */
  dismissedUntil: 'Hidden until {date}.',
  dismissedForGood: "Hidden. It won't be shown again.",
};

/** Both modals. `{price}` is the monthly price difference in the plan's currency. */
export const modalCopy = {
  notNow: 'Not now',
  close: 'Close',
  price: '+{price} per month',
  modalTitle: 'Upgrade to {plan}',
  modalBody: '{feature} is included in {plan}.',
};

/** `{days}` is a count of days with its unit ("14 days", "1 day"). */
export const trialCopy = {
  trialEligibleTitle: 'Try {feature} free for {days}',
  trialEligibleBody: 'Nothing changes on your plan unless you upgrade.',
  trialActiveTitle: 'Your {feature} trial is active',
  trialActiveBody: '{days} left. Your trial ends {date}.',
  trialEndingTitle: 'Your {feature} trial ends in {days}',
  trialEndingBody: 'Upgrade to {plan} to keep it.',
  trialExpiredTitle: 'Your {feature} trial has ended',
  trialExpiredBody: 'Upgrade to {plan} to keep using it.',
  trialFailed: "This trial can't be started for your account.",
  /** Said once a trial started in place. */
  trialStarted: 'Your {feature} trial has started: {days} left.',
  daysOne: '{count} day',
  daysOther: '{count} days',
};

export const lockedCopy = {
  lockedTitle: '{feature} is a {plan} feature',
  lockedBody: 'Upgrade to unlock it.',
  lockedUnavailable: '{feature} is not available on your plan.',
};

/**
 * What an upgrade changes, in the modals and the plan picker. `{from}` and `{to}` are
 * limits as words (a number, `unlimited`, `included`, `not included`); `{quantity}` a number.
 */
export const compareCopy = {
  compareLabel: 'What changes with {plan}',
  compareRow: '{feature}: {from} now, {to} with {plan}',
  unlimited: 'unlimited',
  planUnlimited: 'Unlimited',
  included: 'included',
  notIncluded: 'not included',
  addOnOr: 'Or add {addOn}',
  quantity: 'Quantity',
  quantityLess: 'One fewer',
  quantityMore: 'One more',
  ctaAddOnQuantity: 'Add {quantity} × {addOn}',
  trialThen: 'After the trial: +{price} per month, only if you upgrade',
};

/** PlanPicker. `{price}` is formatted in the plan's currency. */
export const planCopy = {
  plansCaption: 'Compare plans',
  billingLabel: 'Billing',
  billingMonthly: 'Monthly',
  billingYearly: 'Yearly',
  planCurrent: 'Current plan',
  planRecommended: 'Recommended',
  planPrice: 'Price',
  planAddOns: 'Add-ons',
  planChoose: 'Choose a plan',
  pricePerMonth: '{price} per month',
  pricePerYear: '{price} per year',
  priceBilledYearly: '{price} billed yearly',
  yearlySaving: 'Save {price} a year',
  addOnPrice: '{addOn}: +{price} per month',
};

type Copy = typeof meterCopy &
  typeof ctaCopy &
  typeof bannerCopy &
  typeof modalCopy &
  typeof trialCopy &
  typeof lockedCopy &
  typeof compareCopy &
  typeof planCopy;
export type MessageKey = keyof Copy;
/** Copy overrides: any subset of the message keys (see the README for each key's English default). */
export type Messages = Partial<Record<MessageKey, string>>;

export interface Format {
  locale: string;
  number(value: number): string;
  percent(ratio: number): string;
  currency(amount: number, currency: string): string;
  date(epochMs: number): string;
  /** "14 days" / "1 day", by the locale's plural rules. */
  days(count: number): string;
  /** A limit: a formatted number, or the `unlimited` message. */
  limit(value: number | 'unlimited'): string;
  /** The message `key` with its `{placeholders}` filled in. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
}

type Intl_ = Pick<Format, 'locale' | 'number' | 'percent' | 'currency' | 'date'> & { plural(count: number): string };

// Intl formatters are costly to build; components render far more often than locales change.
const formats = new Map<string, Intl_>();

function intlFor(locale: string, timeZone: string): Intl_ {
  const key = `${locale}|${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    let tag = locale;
    try {
      tag = Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
      new Intl.DateTimeFormat(tag, { timeZone });
    } catch {
      // An invalid locale or zone must not break rendering.
      tag = 'en-US';
      timeZone = 'UTC';
    }
    const numbers = new Intl.NumberFormat(tag);
    const percents = new Intl.NumberFormat(tag, { style: 'percent' });
    const dates = new Intl.DateTimeFormat(tag, { month: 'short', day: 'numeric', timeZone });
    const plurals = new Intl.PluralRules(tag);
    found = {
      locale: tag,
      number: (value) => numbers.format(value),
      percent: (ratio) => percents.format(ratio),
      currency: (amount, currency) =>
        new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount),
      date: (epochMs) => dates.format(epochMs),
      plural: (count) => plurals.select(count),
    };
    formats.set(key, found);
  }
  return found;
}

/**
 * Formatting and copy for one locale and time zone. Dates default to UTC
 * because usage periods are computed in UTC, and because a server and a
 * browser in different zones must print the same text for hydration to match.
 * The locale defaults to `en-US` for the same reason (not the runtime's).
 */
export function createFormat(copy: Messages, locale = 'en-US', timeZone = 'UTC'): Format {
  const intl = intlFor(locale, timeZone);
  const t: Format['t'] = (key, values = {}) =>
    (copy[key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
  return {
    ...intl,
    days: (count) => t(intl.plural(count) === 'one' ? 'daysOne' : 'daysOther', { count: intl.number(count) }),
    limit: (value) => (value === 'unlimited' ? t('unlimited') : intl.number(value)),
    t,
  };
}
