/**
 * A random id of about 64 bits: from the platform's crypto where there is one
 * (browsers, Node), so ids made in different tabs or processes at the same moment
 * differ whatever seed a deterministic test platform was given; else from `random`.
 */
export function randomId(random: () => number): string {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint32Array) => Uint32Array } }).crypto;
  const words = new Uint32Array(2);
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(words);
  else for (let index = 0; index < words.length; index++) words[index] = Math.floor(random() * 2 ** 32);
  return Array.from(words, (word) => word.toString(36).padStart(7, '0')).join('');
}
