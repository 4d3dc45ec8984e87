'use client';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import {
  createUpgradeKit,
  type CheckResult,
  type ConfigInput,
  type CustomerInput,
  type UpgradeKit,
  type UpgradeKitOptions,
} from '@upgradekit/core';
import { createDiagnostics, type Diagnostics } from './diagnostics.js';
import { UpgradeKitContext, type UpgradeContext, type UpgradeKitContextValue } from './context.js';
import type { Messages } from './messages.js';

interface CommonProps {
  /** The host's checkout: called with the plan to buy when a customer clicks an upgrade CTA. */
  onUpgrade?: (plan: string, context: UpgradeContext) => void;
  /** Called by `contact_sales` CTAs that have no URL. */
  onContactSales?: (context: UpgradeContext) => void;
  /** BCP 47 locale for numbers, currency and dates. Default: `en-US` (fixed, so server and browser agree). */
  locale?: string;
  /** IANA time zone for dates. Default: `UTC`, the zone usage periods are computed in. */
  timeZone?: string;
  /** Copy overrides for every component under this provider; keep the object stable (a new one re-renders every component). Default: English. */
  messages?: Messages;
  children?: ReactNode;
}

/** Options for the client the provider creates: everything `createUpgradeKit` takes (`platform`, `sinks`, `onEvent`, ...). */
type ClientOptions = Omit<UpgradeKitOptions, 'config' | 'customer'> & {
  /** The entitlement model. Read once on mount: to swap configs, remount the provider with a new `key`. */
  config: ConfigInput;
  /** The bootstrap customer (render the server with the same one). A new object later is applied with `setCustomer`. */
  customer: CustomerInput;
  client?: undefined;
};

export type UpgradeKitProviderProps = CommonProps &
  (
    | ClientOptions
    | {
        /** A client the host created (and destroys) itself. */
        client: UpgradeKit;
        customer?: CustomerInput;
      }
  );

/**
 * Holds one UpgradeKit client for the components and hooks below it. The client
 * is created once, from the bootstrap customer, and destroyed on unmount. An
 * invalid config never breaks the host: the errors are logged once and every
 * check answers from its feature's fail mode.
 */
export function UpgradeKitProvider(props: UpgradeKitProviderProps) {
  const { onUpgrade, onContactSales, locale, timeZone, messages, children, customer } = props;
  // Refs rather than state: React keeps them across Strict Mode's double render, so one of each is made.
  const diagnosticsRef = useRef<Diagnostics | null>(null);
  const diagnostics = (diagnosticsRef.current ??= createDiagnostics());
  const fallbacks = useRef(new Map<string, CheckResult>()).current;
  const owned = useRef<UpgradeKit | null>(null);
  if (!props.client && !owned.current) owned.current = createClient(props, diagnostics);
  const kit = props.client ?? owned.current!;

  const handlers = useRef<UpgradeKitContextValue['handlers']>({}).current;
  handlers.onUpgrade = onUpgrade;
  handlers.onContactSales = onContactSales;

  // Server truth arriving later (a refetch) is applied; the first customer is the bootstrap one.
  const first = useRef(customer);
  useEffect(() => {
    if (customer && customer !== first.current) kit.setCustomer(customer);
    first.current = customer;
  }, [kit, customer]);

  const mounted = useRef(0);
  useEffect(() => {
    if (kit !== owned.current) return;
    mounted.current++;
    return () => {
      mounted.current--;
      // Strict Mode unmounts and remounts synchronously: destroy only if nobody remounted.
      queueMicrotask(() => {
        if (mounted.current) return;
        // Its prompt engine stops with it.
        kit.destroy();
        if (owned.current === kit) owned.current = null;
      });
    };
  }, [kit]);

  const value = useMemo<UpgradeKitContextValue>(
    () => ({ kit, diagnostics, fallbacks, locale, timeZone, messages, handlers }),
    [kit, diagnostics, fallbacks, locale, timeZone, messages, handlers],
  );
  return <UpgradeKitContext.Provider value={value}>{children}</UpgradeKitContext.Provider>;
}

function createClient(props: UpgradeKitProviderProps, diagnostics: Diagnostics): UpgradeKit {
  const { onUpgrade, onContactSales, locale, timeZone, messages, children, client, ...options } = props as CommonProps & ClientOptions;
  try {
    return createUpgradeKit(options);
  } catch (error) {
    diagnostics.report(
      `${error instanceof Error ? error.message.replace('[upgradekit] ', '') : String(error)}\nUpgradeKit is off until this is fixed: every check answers from its feature's fail mode and no prompts are shown.`,
    );
    return createUpgradeKit({
      config: degradedConfig(options.config),
      customer: { id: 'anonymous', plan: '' },
      ...(options.platform && { platform: options.platform }),
      onWarning: () => {},
    });
  }
}

const failMode = (value: unknown): { failMode?: 'open' | 'closed' } => (value === 'open' || value === 'closed' ? { failMode: value } : {});

/**
 * A config that keeps only each feature's fail mode, with a plan no customer is
 * on: every check then answers `fallback` from that fail mode.
 */
function degradedConfig(input: unknown): ConfigInput {
  const raw = (typeof input === 'object' && input) || {};
  const { features, policy } = raw as { features?: unknown; policy?: { failMode?: unknown } };
  const kept: Record<string, { type: 'boolean'; failMode?: 'open' | 'closed' }> = {};
  if (typeof features === 'object' && features) {
    for (const [id, feature] of Object.entries(features)) {
      if (/^[\w.:-]+$/.test(id)) kept[id] = { type: 'boolean', ...failMode((feature as { failMode?: unknown } | null)?.failMode) };
    }
  }
  return {
    features: kept,
    plans: [{ id: 'upgradekit-unavailable', price: { amount: 0, currency: 'USD', interval: 'month' } }],
    policy: failMode(typeof policy === 'object' ? policy?.failMode : undefined),
  };
}
