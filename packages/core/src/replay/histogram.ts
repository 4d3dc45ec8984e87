/** Counts of small whole numbers (prompts a customer saw in a week), in memory bounded by the largest value. */
export interface Histogram {
  add(value: number): void;
  /** How many values were added. */
  size(): number;
  /** The value at quantile `q` (0–1) by the nearest-rank method; `null` when empty. */
  quantile(q: number): number | null;
}

/** An empty histogram. */
export function createHistogram(): Histogram {
  const counts: number[] = [];
  let total = 0;
  return {
    add(value) {
      counts[value] = (counts[value] ?? 0) + 1;
      total++;
    },
    size: () => total,
    quantile(q) {
      if (total === 0) return null;
      const rank = Math.max(1, Math.ceil(q * total));
      let seen = 0;
      for (let value = 0; value < counts.length; value++) {
        seen += counts[value] ?? 0;
        if (seen >= rank) return value;
      }
      return counts.length - 1;
    },
  };
}
