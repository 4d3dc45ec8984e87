import type { Price } from '../config/schema.js';

/** Monthly recurring revenue of a price: yearly prices count a twelfth a month. */
export function monthly(price: Price): number {
  return price.interval === 'year' ? price.amount / 12 : price.amount;
}
