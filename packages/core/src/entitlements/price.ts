import type { Price } from '../config/schema.js';

/** Monthly recurring revenue of a price: yearly prices count a twelfth a month. */
export function monthly(price: Price): number {
  return price.interval === 'year' ? price.amount / 12 : price.amount;
}

/** What a year of a price costs: billed yearly where the config offers it, else twelve months. */
export function yearly(price: Price): number {
  return price.interval === 'year' ? price.amount : (price.yearly ?? price.amount * 12);
}

/** How a price can be billed: per month, per year, or both (a free price is free either way). */
export interface BilledPrices {
  currency: string;
  /** What a month costs billed monthly; `null` when it is billed yearly only. */
  month: number | null;
  /** What a year costs billed yearly; `null` when it is billed monthly only. */
  year: number | null;
  /** What billing yearly saves over twelve monthly payments; 0 unless it can be billed both ways. */
  yearlySaving: number;
}

export function billedPrices(price: Price): BilledPrices {
  const { amount, currency } = price;
  if (amount === 0) return { currency, month: 0, year: 0, yearlySaving: 0 };
  const month = price.interval === 'month' ? amount : null;
  const year = price.interval === 'year' ? amount : (price.yearly ?? null);
  return { currency, month, year, yearlySaving: month !== null && year !== null ? Math.max(0, month * 12 - year) : 0 };
}
