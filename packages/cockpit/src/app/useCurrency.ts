import { useEffect, useState } from 'react';
import type { Api } from '../api/createApi.js';

/**
 * The live config's currency (its first plan's), for MRR figures; `USD` until it
 * is known or when there is no config. A failure here is shown by the screens
 * that load the config themselves, not twice.
 */
export function useCurrency(api: Api): string {
  const [currency, setCurrency] = useState('USD');
  useEffect(() => {
    let current = true;
    api.liveConfig().then(
      (config) => {
        const plans = (config as { plans?: Array<{ price?: { currency?: unknown } }> }).plans;
        const found = plans?.[0]?.price?.currency;
        if (current && typeof found === 'string' && /^[A-Z]{3}$/.test(found)) setCurrency(found);
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [api]);
  return currency;
}
