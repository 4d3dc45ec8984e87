/** Whether a value is a JSON scalar: string, number, boolean or null. */
export const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
