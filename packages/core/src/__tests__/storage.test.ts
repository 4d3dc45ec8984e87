import { describe, expect, it, vi } from 'vitest';
import { createUpgradeKit } from '../client/createUpgradeKit.js';
import type { CustomerInput } from '../entitlements/customer.js';
import { type KeyValueStorage } from '../platform.js';
import { createBrowserPlatform } from '../platform/browser.js';
import { createMemoryPlatform, createMemoryStorage } from '../platform/memory.js';
import { createSafeStorage, STORAGE_PREFIX } from '../storage.js';
import { createPromptEngine } from '../prompts/engine.js';
import { saasConfig } from './fixtures.js';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');

/** A memory storage whose writes fail as a full localStorage does. */
function fullStorage(initial?: Record<string, string>) {
  const storage = createMemoryStorage(initial);
  const setItem = vi.fn(() => {
    throw quotaError();
  });
  return Object.assign(storage, { setItem });
}

/** A storage that throws on every access, as a disabled one in a sandboxed iframe does. */
const disabledStorage: KeyValueStorage = {
  getItem: () => {
    throw securityError();
  },
  setItem: () => {
    throw securityError();
  },
  removeItem: () => {
    throw securityError();
  },
};

/** Lets the client's coalesced write (a microtask) run. */
const flushWrites = () => Promise.resolve();

describe('createSafeStorage', () => {
  it('stores JSON under the versioned prefix', () => {
    const backend = createMemoryStorage();
    const warn = vi.fn();
    const storage = createSafeStorage(backend, warn);
    storage.write('prefs', { theme: 'dark' });
    expect(STORAGE_PREFIX).toBe('upgradekit:v1:');
    expect([...backend.data]).toEqual([['upgradekit:v1:prefs', '{"theme":"dark"}']]);
    expect(storage.read('prefs')).toEqual({ theme: 'dark' });
    storage.remove('prefs');
    expect(backend.data.size).toBe(0);
    expect(storage.read('prefs')).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads corrupt JSON as nothing, with a warning, and touches nothing else', () => {
    const initial = { 'upgradekit:v1:prefs': '{"theme":', 'app:session': 'abc', 'upgradekit:v1:other': '{"a":1}' };
    const backend = createMemoryStorage(initial);
    const warn = vi.fn();
    const storage = createSafeStorage(backend, warn);
    expect(storage.read('prefs')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('stored data under "upgradekit:v1:prefs" is not valid JSON; starting from the server\'s data');
    expect(Object.fromEntries(backend.data)).toEqual(initial);
    storage.write('prefs', { theme: 'light' });
    expect(Object.fromEntries(backend.data)).toEqual({ ...initial, 'upgradekit:v1:prefs': '{"theme":"light"}' });
  });

  it('keeps values in memory when storage is full, with one warning', () => {
    const backend = fullStorage();
    const warn = vi.fn();
    const storage = createSafeStorage(backend, warn);
    storage.write('queue', [1, 2]);
    storage.write('queue', [1, 2, 3]);
    expect(storage.read('queue')).toEqual([1, 2, 3]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      'storage write failed (QuotaExceededError: The quota has been exceeded.); keeping state in memory for this page',
    );
    expect(backend.setItem).toHaveBeenCalledTimes(1);
  });

  it('keeps values in memory when storage is disabled', () => {
    const warn = vi.fn();
    const storage = createSafeStorage(disabledStorage, warn);
    expect(storage.read('queue')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('storage read failed (SecurityError: The operation is insecure.); keeping state in memory for this page');
    storage.write('queue', ['a']);
    expect(storage.read('queue')).toEqual(['a']);
    expect(() => storage.remove('queue')).not.toThrow();
    expect(storage.read('queue')).toBeUndefined();
  });

  it('keeps values in memory when there is no storage (SSR), silently', () => {
    const warn = vi.fn();
    const storage = createSafeStorage(null, warn);
    storage.write('queue', ['a']);
    expect(storage.read('queue')).toEqual(['a']);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('createBrowserPlatform storage', () => {
  it('reports storage that is disabled in the browser instead of dropping it silently', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw securityError();
      },
    });
    try {
      const platform = createBrowserPlatform();
      expect(platform.storage).not.toBeNull();
      const warn = vi.fn();
      const storage = createSafeStorage(platform.storage, warn);
      expect(storage.read('queue')).toBeUndefined();
      storage.write('queue', ['a']);
      expect(storage.read('queue')).toEqual(['a']);
      expect(warn.mock.calls).toEqual([['storage read failed (SecurityError: The operation is insecure.); keeping state in memory for this page']]);
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });

  it('has no storage where there is no localStorage (Node, SSR)', () => {
    expect(typeof localStorage).toBe('undefined');
    expect(createBrowserPlatform().storage).toBeNull();
  });
});

describe('client persistence', () => {
  const T0 = Date.parse('2028-03-10T09:00:00Z');
  const customer = { id: 'acme', plan: 'free', usage: { apiCalls: 100 }, usageAsOf: T0 };
  const KEY = 'upgradekit:v1:client:acme';

  function start(storage: KeyValueStorage | null, at: number, input: CustomerInput = customer) {
    const warnings: string[] = [];
    const platform = createMemoryPlatform({ storage, now: () => at });
    const kit = createUpgradeKit({ config: saasConfig, customer: input, platform, onWarning: (message) => warnings.push(message) });
    return { kit, warnings };
  }

  it('writes under the versioned key prefix', async () => {
    const storage = createMemoryStorage({ 'app:theme': 'dark' });
    const { kit } = start(storage, T0 + 1000);
    kit.track('apiCalls', 5);
    await flushWrites();
    expect([...storage.data.keys()].sort()).toEqual(['app:theme', KEY]);
    expect(JSON.parse(storage.data.get(KEY)!).usage.apiCalls).toEqual({ value: 105, asOf: T0 + 1000, basis: T0 });
    kit.destroy();
  });

  it('starts from the server\'s data when its stored state is corrupt, and touches nothing else', async () => {
    const initial = { [KEY]: '{"usage": {"apiCalls": {"value": 9', 'app:theme': 'dark', 'upgradekit:v1:client:other': '{"usage":{}}' };
    const storage = createMemoryStorage(initial);
    const { kit, warnings } = start(storage, T0 + 1000);
    expect(warnings).toEqual([`[upgradekit] stored data under "${KEY}" is not valid JSON; starting from the server's data`]);
    expect(kit.check('apiCalls').usage).toBe(100);
    expect(Object.fromEntries(storage.data)).toEqual(initial);
    kit.track('apiCalls', 1);
    await flushWrites();
    expect(JSON.parse(storage.data.get(KEY)!).usage.apiCalls.value).toBe(101);
    expect(storage.data.get('app:theme')).toBe('dark');
    expect(storage.data.get('upgradekit:v1:client:other')).toBe('{"usage":{}}');
    kit.destroy();
  });

  it('keeps tracking in memory when storage is full', async () => {
    const storage = fullStorage();
    const { kit, warnings } = start(storage, T0 + 1000);
    kit.track('apiCalls', 5);
    await flushWrites();
    kit.track('apiCalls', 5);
    await flushWrites();
    expect(warnings).toEqual([
      '[upgradekit] storage write failed (QuotaExceededError: The quota has been exceeded.); keeping state in memory for this page',
    ]);
    expect(kit.check('apiCalls')).toMatchObject({ usage: 110, remaining: 890 });
    expect(kit.getSnapshot().customer.usage.apiCalls?.value).toBe(110);
    kit.destroy();
  });

  it.each([
    ['throws SecurityError on access', disabledStorage, ['[upgradekit] storage read failed (SecurityError: The operation is insecure.); keeping state in memory for this page']],
    ['is null', null, []],
  ])('works without persistence when storage %s', async (_name, storage, expected) => {
    const { kit, warnings } = start(storage, T0 + 1000);
    expect(() => kit.track('apiCalls', 5)).not.toThrow();
    await flushWrites();
    expect(warnings).toEqual(expected);
    expect(kit.check('apiCalls').usage).toBe(105);
    expect(() => kit.destroy()).not.toThrow();
  });

  it('usage tracked on this device survives a reload until the server has measured it', async () => {
    const storage = createMemoryStorage();
    const first = start(storage, T0 + 1000);
    first.kit.track('apiCalls', 5);
    await flushWrites();
    first.kit.destroy();

    // Reload: the server still reports what it measured before the tracking.
    const reloaded = start(storage, T0 + 2000);
    expect(reloaded.kit.check('apiCalls').usage).toBe(105);
    expect(reloaded.warnings).toEqual([]);
    reloaded.kit.destroy();

    // Reload after the server measured again: its number wins, even if lower.
    const measured = start(storage, T0 + 3000, { ...customer, usage: { apiCalls: 103 }, usageAsOf: T0 + 2500 });
    expect(measured.kit.check('apiCalls').usage).toBe(103);
    measured.kit.destroy();
  });

  it('setCustomer reconciles with server truth and persists it', async () => {
    const storage = createMemoryStorage();
    const { kit } = start(storage, T0 + 1000);
    kit.track('apiCalls', 50);
    kit.setCustomer({ ...customer, usage: { apiCalls: 120 }, usageAsOf: T0 + 500 });
    expect(kit.check('apiCalls').usage).toBe(120);
    await flushWrites();
    kit.destroy();
    const reloaded = start(storage, T0 + 2000);
    expect(reloaded.kit.check('apiCalls').usage).toBe(120);
    reloaded.kit.destroy();
  });
});

describe('prompt governance in storage', () => {
  const governanceKey = `${STORAGE_PREFIX}prompts:c1`;
  const create = (platform = createMemoryPlatform({ storage: createMemoryStorage() })) => {
    const storage = platform.storage as ReturnType<typeof createMemoryStorage>;
    const writes = vi.spyOn(storage, 'setItem');
    const kit = createUpgradeKit({ config: saasConfig, customer: { id: 'c1', plan: 'free' }, platform, prompts: createPromptEngine });
    const governanceWrites = () => writes.mock.calls.filter(([key]) => key === governanceKey).length;
    return { kit, engine: kit.prompts!, storage, platform, governanceWrites };
  };

  it('writes what showing and answering prompts records once per task, not once per change', async () => {
    const { kit, engine, storage, governanceWrites } = create();
    await flushWrites();
    const before = governanceWrites();
    engine.markShown('power-user-pdf');
    engine.markDismissed('power-user-pdf', 'not_now');
    engine.markShown('power-user-pdf');
    expect(governanceWrites()).toBe(before);
    await flushWrites();
    expect(governanceWrites()).toBe(before + 1);
    expect(JSON.parse(storage.data.get(governanceKey)!).history['power-user-pdf'].impressions).toBe(2);
    kit.destroy();
  });

  it('writes at once when the page is hidden or the client destroyed, so a reload finds it', () => {
    const platform = createMemoryPlatform({ storage: createMemoryStorage() });
    const { kit, engine, storage, governanceWrites } = create(platform);
    engine.markShown('power-user-pdf');
    platform.hide();
    expect(JSON.parse(storage.data.get(governanceKey)!).history['power-user-pdf'].impressions).toBe(1);
    engine.markShown('power-user-pdf');
    const hidden = governanceWrites();
    engine.markDismissed('power-user-pdf', 'too_expensive', { forever: true });
    kit.destroy();
    expect(governanceWrites()).toBe(hidden + 1);
    const reloaded = createUpgradeKit({ config: saasConfig, customer: { id: 'c1', plan: 'free' }, platform: createMemoryPlatform({ storage }), prompts: createPromptEngine });
    expect(reloaded.prompts!.getSnapshot().history['power-user-pdf']).toMatchObject({ dismissedForever: true });
    reloaded.destroy();
  });
});

