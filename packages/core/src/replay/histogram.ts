/** Counts of small whole numbers (prompts a customer saw in a week), in memory bounded by the largest value. */
export interface Histogram {
  add(value: number): void;
  /** How many values were added. */
  size(): number;
  /** The value at quantile `q` (0–1) by the nearest-rank method; `null` when empty. */
  quantile(q: number): number | null;
  /** How many times each value was added, by value: plain data, to merge elsewhere. */
  counts(): number[];
  /** Adds another histogram's `counts()`. */
  merge(counts: readonly number[]): void;
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
    counts: () => Array.from(counts, (count) => count ?? 0),
    merge(other) {
      other.forEach((count, value) => {
        counts[value] = (counts[value] ?? 0) + count;
        total += count;
      });
    },
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
