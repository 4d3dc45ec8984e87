/** The last prompt a customer saw or clicked: what a conversion is credited to. */
export interface Touch {
  triggerId: string;
  variant: string;
  at: number;
}

/**
 * A token carrying the attribution through a redirect to checkout and back:
 * put it in the return URL, pass it to `resume()` on return. It holds no
 * secret, only which prompt was seen and when.
 */
export function encodeCheckoutToken(customerId: string, touch: Touch | null): string {
  return encodeURIComponent(JSON.stringify([customerId, touch?.triggerId ?? null, touch?.variant ?? null, touch?.at ?? null]));
}

export function decodeCheckoutToken(token: string): { customerId: string; touch: Touch | null } | null {
  try {
    const value: unknown = JSON.parse(decodeURIComponent(token));
    if (!Array.isArray(value) || typeof value[0] !== 'string') return null;
    const [customerId, triggerId, variant, at] = value as [string, unknown, unknown, unknown];
    const touch = typeof triggerId === 'string' && typeof variant === 'string' && typeof at === 'number' ? { triggerId, variant, at } : null;
    return { customerId, touch };
  } catch {
    return null;
  }
}
