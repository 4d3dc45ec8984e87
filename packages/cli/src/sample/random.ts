import { hashToUnit } from '@upgradekit/core/internal';
import { seededRandom } from '@upgradekit/core/testing';

/** A seeded random source: the same seed gives the same draws, on every machine. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** A number in [low, high). */
  between(low: number, high: number): number;
  /** A whole number in [low, high]. */
  int(low: number, high: number): number;
  /** A count with mean `mean` (Poisson, by Knuth's method: means here are small). */
  poisson(mean: number): number;
  /** Log-normally spread around `median`: most near it, a long tail above. */
  spread(median: number, sigma: number): number;
  /** One of `items` with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
}

/** A 32-bit seed from a seed and labels, so every customer and purpose draws from a stream of its own. */
export const seedOf = (seed: number, ...labels: Array<string | number>) => Math.floor(hashToUnit(`${seed}:${labels.join(':')}`) * 2 ** 32);

/** mulberry32, the generator the SDK's memory platform uses: tiny, fast, and plenty for behaviour. */
export function createRandom(seed: number): Random {
  const next = seededRandom(seed | 0);
  const random: Random = {
    next,
    chance: (p) => next() < p,
    between: (low, high) => low + (high - low) * next(),
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    poisson(mean) {
      const limit = Math.exp(-Math.min(mean, 50));
      let k = 0;
      for (let product = next(); product > limit; product *= next()) k++;
      return k;
    },
    spread(median, sigma) {
      // Box–Muller: a standard normal draw from two uniform ones.
      const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(sigma * normal);
    },
    weighted(items) {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let point = next() * total;
      for (const [item, weight] of items) if ((point -= weight) < 0) return item;
      return items[items.length - 1]![0];
    },
  };
  return random;
}
