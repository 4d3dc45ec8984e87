import type { EventScope } from './types.js';

/** `at >= $n AND at < $m AND app = $k` for the scope, with its parameters appended to `params`. */
export function scopeSql(scope: EventScope, params: unknown[], alias = ''): string {
  const parts = ['TRUE'];
  if (scope.from !== null) parts.push(`${alias}at >= $${params.push(scope.from)}`);
  if (scope.to !== null) parts.push(`${alias}at < $${params.push(scope.to)}`);
  if (scope.app !== null) parts.push(`${alias}app = $${params.push(scope.app)}`);
  return parts.join(' AND ');
}
