import { useRef, type ReactNode } from 'react';
import type { ArgTypes, Decorator } from '@storybook/react-vite';
import { fn, mocked } from 'storybook/test';
import type { ConfigInput, CustomerInput, UpgradeKitEvent } from '@upgradekit/core';
import type { UpgradeContext } from '../context.js';
import { DAY, NOW, storyConfig } from './config.js';
import { KitClient, type StoryHistory } from './KitClient.js';

export { DAY, NOW, promptConfig, storyConfig } from './config.js';
export { currentKit, useStoryClock, type StoryHistory } from './KitClient.js';

/*
 * What every story renders in: `<UpgradeKitProvider>` with a client on a memory
 * platform whose clock moves only when the toolbar (or a play function) moves it. The
 * customer comes from the story's args, so a designer can drag usage or switch the
 * plan in the Controls panel and watch each state.
 */

export type Plan = 'free' | 'pro' | 'team';
export type TrialArg = 'none' | 'active' | 'ending' | 'expired';

/** The args every story has besides its component's props: who the customer is, and spies on the host callbacks. */
export interface KitArgs {
  /** The customer's plan. */
  customerPlan: Plan;
  /** API calls used this month (Free: 2,000, Pro: 10,000, Team: unlimited). */
  apiCalls: number;
  /** Projects in use (Free: 3, Pro: 20, Team: unlimited). */
  projects: number;
  /** Members (Free: 2, Pro: 5, Team: 20). */
  seats: number;
  /** The customer's trial of what the story is about: its `feature` if that has a trial, else its `plan`. */
  trial: TrialArg;
  onUpgrade: (plan: string, context: UpgradeContext) => void;
  onContactSales: (context: UpgradeContext) => void;
  /** Every event the client emits (impressions, clicks, dismissals, trials): see the Actions panel. */
  onEvent: (event: UpgradeKitEvent) => void;
}

export const kitArgs: KitArgs = {
  customerPlan: 'free',
  apiCalls: 1234,
  projects: 1,
  seats: 1,
  trial: 'none',
  onUpgrade: fn().mockName('onUpgrade'),
  onContactSales: fn().mockName('onContactSales'),
  onEvent: fn().mockName('onEvent'),
};

const customerArg = { table: { category: 'Customer' } };
export const kitArgTypes: Partial<ArgTypes<KitArgs>> = {
  customerPlan: { ...customerArg, control: 'inline-radio', options: ['free', 'pro', 'team'] },
  apiCalls: { ...customerArg, control: { type: 'range', min: 0, max: 12000, step: 50 } },
  projects: { ...customerArg, control: { type: 'range', min: 0, max: 25, step: 1 } },
  seats: { ...customerArg, control: { type: 'range', min: 0, max: 25, step: 1 } },
  trial: { ...customerArg, control: 'select', options: ['none', 'active', 'ending', 'expired'] },
  onUpgrade: { table: { category: 'Host callbacks' } },
  onContactSales: { table: { category: 'Host callbacks' } },
  onEvent: { table: { category: 'Host callbacks' } },
};

/** The events of one type the story's client has emitted so far, from its `onEvent` spy. */
export function eventsOf<T extends UpgradeKitEvent['type']>(onEvent: KitArgs['onEvent'], type: T): Array<Extract<UpgradeKitEvent, { type: T }>> {
  return mocked(onEvent)
    .mock.calls.map(([event]) => event)
    .filter((event): event is Extract<UpgradeKitEvent, { type: T }> => event.type === type);
}

/** Optional string props read as `string | undefined` unions by react-docgen: give them a text box. */
export const textControls = (...names: string[]) => Object.fromEntries(names.map((name) => [name, { control: 'text' }]));

const KIT_KEYS = Object.keys(kitArgs) as Array<keyof KitArgs>;

/** A story's args without the kit's: what its component receives. */
export function componentProps<T extends object>(args: T): Omit<T, keyof KitArgs> {
  const props = { ...args } as Record<string, unknown>;
  for (const key of KIT_KEYS) delete props[key];
  return props as Omit<T, keyof KitArgs>;
}

const TRIAL_WINDOWS: Record<Exclude<TrialArg, 'none'>, { startedAt: number; endsAt: number }> = {
  active: { startedAt: NOW - 2 * DAY, endsAt: NOW + 12 * DAY },
  ending: { startedAt: NOW - 12 * DAY, endsAt: NOW + 2 * DAY },
  expired: { startedAt: NOW - 20 * DAY, endsAt: NOW - 6 * DAY },
};

/** The customer the args describe; `about` is the story's `feature` or `plan`, the target of `trial`. */
export function storyCustomer(args: Partial<KitArgs>, config: ConfigInput, about: { feature?: string; plan?: string } = {}, asOf = NOW): CustomerInput {
  const trials = config.trials ?? [];
  const target =
    about.feature !== undefined && trials.some((trial) => trial.feature === about.feature)
      ? { feature: about.feature }
      : about.plan !== undefined
        ? { plan: about.plan }
        : undefined;
  const trial = args.trial ?? 'none';
  return {
    id: 'story-customer',
    plan: args.customerPlan ?? kitArgs.customerPlan,
    usage: { apiCalls: args.apiCalls ?? kitArgs.apiCalls, projects: args.projects ?? kitArgs.projects, seats: args.seats ?? kitArgs.seats },
    usageAsOf: asOf,
    trials: target && trial !== 'none' ? [{ ...target, ...TRIAL_WINDOWS[trial] }] : [],
  };
}

export interface StoryKitProps extends Partial<KitArgs> {
  /** Default: `storyConfig`. */
  config?: ConfigInput | undefined;
  /** BCP 47 locale; `de-*` also switches the copy to German. Default: `en-US`. */
  locale?: string | undefined;
  /** What the story is about, for `trial`. */
  about?: { feature?: string; plan?: string } | undefined;
  /** How far the toolbar has moved the clock (the `clock` global), in ms. Default: 0. */
  elapsed?: number | undefined;
  /** What happened before the story opens (see `StoryHistory`). Default: nothing. */
  history?: StoryHistory | undefined;
  children?: ReactNode;
}

/**
 * A provider over a fresh client for these args. A change to the customer makes
 * a new client (as a page load would), so every state starts from its args alone;
 * so does moving the toolbar's clock back, since time only runs forward.
 */
export function StoryKit({ config = storyConfig, locale, about, elapsed = 0, history, children, ...args }: StoryKitProps) {
  const customer = storyCustomer(args, config, about, history?.from);
  const restarts = useRestarts(elapsed);
  return (
    <KitClient
      key={`${restarts}:${JSON.stringify(customer)}:${config === storyConfig ? '' : JSON.stringify(config.triggers)}`}
      config={config}
      customer={customer}
      locale={locale}
      callbacks={args}
      elapsed={elapsed}
      history={history}
    >
      {children}
    </KitClient>
  );
}

/** Counts the times `elapsed` went down (the toolbar's Reset), to start the story over each time. */
function useRestarts(elapsed: number): number {
  const seen = useRef({ elapsed, restarts: 0 });
  if (elapsed < seen.current.elapsed) seen.current.restarts++;
  seen.current.elapsed = elapsed;
  return seen.current.restarts;
}

/** A story's `parameters.upgradekit`: the config its client runs, and what happened before it opens. */
export interface KitParameters {
  /** The config, or the config for the story's args (a trigger chosen in Controls). Default: `storyConfig`. */
  config?: ConfigInput | ((args: Record<string, unknown>) => ConfigInput);
  /** What the `trial` control is about when the story has no `feature` or `plan` arg. */
  about?: { feature?: string; plan?: string };
  history?: StoryHistory;
}

/** Wraps a story in `<StoryKit>` built from its args, its `upgradekit` parameters, and the locale and clock toolbars. */
export const withKit: Decorator = (Story, { args, parameters, globals }) => {
  const { feature, plan } = args as { feature?: unknown; plan?: unknown };
  const { config, about, history } = (parameters.upgradekit ?? {}) as KitParameters;
  const own = { ...(typeof feature === 'string' && { feature }), ...(typeof plan === 'string' && { plan }) };
  return (
    <StoryKit
      {...(args as Partial<KitArgs>)}
      config={typeof config === 'function' ? config(args) : config}
      history={history}
      elapsed={Number(globals.clock) || 0}
      locale={globals.locale as string | undefined}
      about={Object.keys(own).length ? own : about}
    >
      <Story />
    </StoryKit>
  );
};
