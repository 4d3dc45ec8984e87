/**
 * mulberry32: a tiny, fast generator of numbers in [0, 1), the same sequence for
 * the same seed on every machine. Good enough for jitter, sampling and simulated
 * behaviour; not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
