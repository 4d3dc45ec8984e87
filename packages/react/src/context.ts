'use client';
import { createContext, useContext, useMemo, useRef } from 'react';
import type { CheckResult, UpgradeKit, UpgradePath } from '@upgradekit/core';
import type { Diagnostics } from './diagnostics.js';
import { createFormat, type Format, type Messages } from './messages.js';

/** What `onUpgrade` and `onContactSales` receive besides the plan. */
export interface UpgradeContext {
  /** The feature the customer wanted, when the CTA was about one. */
  feature?: string;
  /** The trigger whose prompt was clicked, when it came from a prompt. */
  triggerId?: string;
  /** The cheapest path core found (plan, add-ons, price difference), when known. */
  upgrade: UpgradePath | null;
  /** The billing period the customer chose (a PlanPicker's toggle), when they chose one. */
  billing?: 'month' | 'year';
  /**
   * Put this in your checkout's return URL and pass it back to the client after
   * checkout, so the upgrade is credited to the prompt across the redirect.
   */
  checkoutContext: string;
}

export interface UpgradeKitContextValue {
  kit: UpgradeKit;
  /** This provider's own diagnostics (said once per provider). */
  diagnostics: Diagnostics;
  /** Fallback check answers of a failing client, kept stable per feature. */
  fallbacks: Map<string, CheckResult>;
  locale: string | undefined;
  timeZone: string | undefined;
  messages: Messages | undefined;
  /** Latest host callbacks, read at call time so a new inline function does not re-render every component. */
  handlers: {
    onUpgrade?: ((plan: string, context: UpgradeContext) => void) | undefined;
    onContactSales?: ((context: UpgradeContext) => void) | undefined;
  };
}

export const UpgradeKitContext = createContext<UpgradeKitContextValue | null>(null);

const outside = (caller: string) =>
  `${caller} must be used inside <UpgradeKitProvider>. Wrap your app (or the part that shows plans and prompts) in <UpgradeKitProvider config={...} customer={...}>.`;

/** The provider's context; throws a precise error outside `<UpgradeKitProvider>` (what hooks do: their caller can fix it). */
export function useKitContext(caller = 'useUpgradeKit()'): UpgradeKitContextValue {
  const value = useContext(UpgradeKitContext);
  if (!value) throw new Error(`[upgradekit] ${outside(caller)}`);
  return value;
}

/**
 * The provider's context, or `null` outside one, with a development warning: what
 * components use, because error boundaries do not run during server rendering and a
 * throw there would fail the host's whole page. Outside a provider they render nothing.
 */
export function useOptionalKitContext(caller: string): UpgradeKitContextValue | null {
  const value = useContext(UpgradeKitContext);
  const warned = useRef(false);
  if (!value && !warned.current && process.env.NODE_ENV !== 'production') {
    warned.current = true;
    console.warn(`[upgradekit] ${outside(caller)} It renders nothing until then.`);
  }
  return value;
}

/**
 * Formatting in the provider's locale, and copy: the component's default groups,
 * under the provider's `messages`, under the component's own.
 */
export function useFormat(messages: Messages | undefined, caller: string, ...copies: Messages[]): [UpgradeKitContextValue, Format] {
  const context = useKitContext(caller);
  const format = useMemo(
    () => createFormat(Object.assign({}, ...copies, context.messages, messages), context.locale, context.timeZone),
    // `copies` are module constants.
    [context, messages],
  );
  return [context, format];
}
