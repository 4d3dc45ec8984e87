/** A plain object (not null, not an array): what stored, sent or host-supplied data must be before it is read. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
