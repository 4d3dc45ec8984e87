import type { Path } from '../config/messages.js';

/** A problem found before validation: what would crash or mislead a parser. */
export interface Hazard {
  path: Path;
  message: string;
}

/**
 * Walks untrusted data (iteratively, so its depth cannot exhaust the stack) for
 * what no schema can safely parse: nesting deeper than `maxDepth` (a hostile or
 * cyclic tree) and `__proto__` keys, which a plain object turns into a prototype
 * change instead of data. Returns them in document order; empty when safe.
 */
export function findHazards(input: unknown, maxDepth: number): Hazard[] {
  const hazards: Hazard[] = [];
  const stack: Array<[unknown, Path]> = [[input, []]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= maxDepth) {
      hazards.push({ path, message: `nests deeper than ${maxDepth} levels` });
      continue;
    }
    const children: Array<[unknown, Path]> = [];
    if (Array.isArray(value)) {
      value.forEach((item, index) => children.push([item, [...path, index]]));
    } else {
      for (const key of Object.keys(value)) {
        if (key === '__proto__') hazards.push({ path: [...path, key], message: '"__proto__" is not allowed as a key' });
        else children.push([(value as Record<string, unknown>)[key], [...path, key]]);
      }
    }
    // Reversed onto the stack, so children are visited (and reported) in document order.
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return hazards;
}
