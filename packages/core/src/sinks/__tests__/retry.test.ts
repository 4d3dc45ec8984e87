import { describe, expect, it } from 'vitest';
import { backoffDelay, classifyResponse, parseRetryAfter } from '../retry.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('classifyResponse', () => {
  it.each([
    [200, 'ok'],
    [202, 'ok'],
    [204, 'ok'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [599, 'retry'],
    [301, 'drop'],
    [400, 'drop'],
    [401, 'drop'],
    [403, 'drop'],
    [404, 'drop'],
    [413, 'drop'],
    [422, 'drop'],
  ])('HTTP %i → %s', (status, kind) => {
    expect(classifyResponse(status, null, NOW).kind).toBe(kind);
  });

  it('reads Retry-After on 429 and 503 only', () => {
    expect(classifyResponse(429, '3', NOW)).toEqual({ kind: 'retry', reason: 'HTTP 429', retryAfter: 3000 });
    expect(classifyResponse(503, '0', NOW)).toEqual({ kind: 'retry', reason: 'HTTP 503', retryAfter: 0 });
    expect(classifyResponse(500, '3', NOW)).toEqual({ kind: 'retry', reason: 'HTTP 500' });
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 1 ', 1000],
    ['0', 0],
    ['Thu, 01 Jan 2026 12:00:30 GMT', 30_000],
    ['Thu, 01 Jan 2026 11:00:00 GMT', 0],
    ['3600', 3_600_000],
    // Absurd waits (a misconfigured server, a device clock a year behind) are left to back-off.
    ['3601', undefined],
    ['3000000', undefined],
    ['Fri, 01 Jan 2027 12:00:00 GMT', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});

describe('backoffDelay', () => {
  it('is a uniform fraction of min(maxDelay, base · 2^(attempt − 1))', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, 1000, 10_000, () => 0.999999))).toEqual([999, 1999, 3999, 7999, 9999]);
    expect(backoffDelay(3, 1000, 10_000, () => 0)).toBe(0);
  });

  it('stays finite after thousands of attempts', () => {
    expect(backoffDelay(5000, 1000, 60_000, () => 0.5)).toBe(30_000);
  });
});
