/** The screens, by path: what the address bar says is what the cockpit shows. */
export type Route =
  | { screen: 'overview' }
  | { screen: 'triggers' }
  | { screen: 'trigger'; triggerId: string }
  | { screen: 'customers'; customerId: string | null }
  | { screen: 'config' }
  | { screen: 'not_found'; path: string };

/** Reporting ranges a PM picks from, as the `range` query parameter. */
export const RANGES = [
  { id: 'all', label: 'All time', days: null },
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '28d', label: 'Last 28 days', days: 28 },
  { id: '90d', label: 'Last 90 days', days: 90 },
] as const;
export type RangeId = (typeof RANGES)[number]['id'];

const segment = (value: string | undefined) => (value ? decodeURIComponent(value) : null);

export function routeOf(pathname: string): Route {
  const [first, second, ...rest] = pathname.split('/').filter(Boolean);
  if (rest.length) return { screen: 'not_found', path: pathname };
  if (first === undefined) return { screen: 'overview' };
  if (first === 'triggers') return second ? { screen: 'trigger', triggerId: segment(second)! } : { screen: 'triggers' };
  if (first === 'customers') return { screen: 'customers', customerId: segment(second) };
  if (first === 'config' && !second) return { screen: 'config' };
  return { screen: 'not_found', path: pathname };
}

export function pathOf(route: Route): string {
  switch (route.screen) {
    case 'overview':
      return '/';
    case 'triggers':
      return '/triggers';
    case 'trigger':
      return `/triggers/${encodeURIComponent(route.triggerId)}`;
    case 'customers':
      return route.customerId ? `/customers/${encodeURIComponent(route.customerId)}` : '/customers';
    case 'config':
      return '/config';
    case 'not_found':
      return route.path;
  }
}

export const rangeOf = (search: string): RangeId => {
  const id = new URLSearchParams(search).get('range');
  return RANGES.find((range) => range.id === id)?.id ?? 'all';
};

/** The window of a range ending now; `all` is unbounded. */
export function windowOf(range: RangeId, now: number): { from?: number } {
  const days = RANGES.find((candidate) => candidate.id === range)?.days ?? null;
  return days === null ? {} : { from: now - days * 864e5 };
}
