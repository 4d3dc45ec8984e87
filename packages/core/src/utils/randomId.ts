/**
 * A random id of about 64 bits: from the platform's crypto where there is one
 * (browsers, Node), so ids made in different tabs or processes at the same moment
 * differ whatever seed a deterministic test platform was given; else from `random`.
 */
export function randomId(random: () => number): string {
  const words = randomWords(2, random);
  return Array.from(words, (word) => word.toString(36).padStart(7, '0')).join('');
}

function randomWords(count: number, random: () => number): Uint32Array {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint32Array) => Uint32Array } }).crypto;
  const words = new Uint32Array(count);
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(words);
  else for (let index = 0; index < count; index++) words[index] = Math.floor(random() * 2 ** 32);
  return words;
}

/** A number in [0, 1) from the platform's crypto where there is one, else from `random`: for ids, not for replayable jitter. */
export const unpredictable = (random: () => number) => () => randomWords(1, random)[0]! / 2 ** 32;
