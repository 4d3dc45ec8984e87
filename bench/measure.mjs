// Timing helpers shared by the *.bench.mjs files.

/**
 * Median nanoseconds per operation over `runs` timed passes of `body(iterations)`,
 * after one warm-up pass (so the JIT has compiled what is measured).
 */
export function nsPerOp(body, iterations, runs = 7) {
  body(Math.min(iterations, 200_000));
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    body(iterations);
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Heap in use after two full collections (exact only under `node --expose-gc`). */
export function heapAfterGc() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}
