import type { UpgradeKit } from '../client/types.js';
import type { Config } from '../config/schema.js';
import type { UpgradeKitEvent } from '../conversion/events.js';
import type { TriggerExplanation } from '../prompts/engine.js';
import { readsOf } from './applyEvent.js';
import { replayCustomer } from './customerReplay.js';
import { createTally, mergeTallyPart, tallyPart, type Tally, type TallyPart } from './tally.js';

const DAY = 864e5;
const WEEK = 7 * DAY;

/** Prompts per active customer-week: how pushy the config feels to one customer. */
export interface WeeklyLoad {
  median: number | null;
  p95: number | null;
}

export interface TriggerSimulation {
  triggerId: string;
  /** Customers the trigger fired for (its condition held at some point). */
  firedCustomers: number;
  /** Times it fired (a customer fires again after the condition stopped holding). */
  fired: number;
  /** Customers it fired for who are in its holdout, and so see nothing. */
  heldOutCustomers: number;
  /** Prompts shown after governance (priorities, caps, cool-downs, max impressions, snoozes). */
  shown: number;
  shownCustomers: number;
  shownPerWeek: number;
  perCustomerWeek: WeeklyLoad;
}

export interface SimulationResult {
  configVersion: string | null;
  customers: number;
  /** Events replayed (in the window, repeated ids once). */
  events: number;
  /** The simulated span, epoch ms: `--from`/`--to`, else the first and last event. */
  from: number | null;
  to: number | null;
  weeks: number;
  triggers: TriggerSimulation[];
  total: { firedCustomers: number; shown: number; shownCustomers: number; shownPerWeek: number; perCustomerWeek: WeeklyLoad };
}

/** The span a simulation covers, epoch ms; `null` when there were no events to bound it. */
export interface SimulationSpan {
  from: number | null;
  to: number | null;
}

const loadOf = (histogram: Tally['weekly']): WeeklyLoad => ({ median: histogram.quantile(0.5), p95: histogram.quantile(0.95) });

/** A customer's history in time order (equal times keep the stream's order), each event id once. */
function historyOf(events: UpgradeKitEvent[]): UpgradeKitEvent[] {
  const ids = new Set<string>();
  return events.sort((a, b) => a.at - b.at).filter((event) => ids.size < ids.add(event.id).size);
}

function resultOf(config: Config, tally: Tally, events: number, from: number | null, to: number | null): SimulationResult {
  const weeks = from === null || to === null ? 0 : Math.max(to - from, DAY) / WEEK;
  const perWeek = (shown: number) => (weeks > 0 ? shown / weeks : 0);
  const triggers = tally.triggers.map(({ weekly, ...trigger }) => ({ ...trigger, shownPerWeek: perWeek(trigger.shown), perCustomerWeek: loadOf(weekly) }));
  const shown = triggers.reduce((sum, trigger) => sum + trigger.shown, 0);
  return {
    configVersion: config.version ?? null,
    customers: tally.customers,
    events,
    from,
    to,
    weeks,
    triggers,
    total: { firedCustomers: tally.customersFired, shown, shownCustomers: tally.customersShown, shownPerWeek: perWeek(shown), perCustomerWeek: loadOf(tally.weekly) },
  };
}

/** What a replay over some of the customers counted, per config: plain data, to merge with other parts by `simulationResults`. */
export interface SimulationPart {
  /** Events replayed (in the window, repeated ids once). */
  events: number;
  tallies: TallyPart[];
}

/**
 * Replays each customer's history (one group of events per customer, any order;
 * a repeated id counts once) through every config, with the client and prompt
 * engine a browser runs, and counts what each config would fire and show. Groups
 * may come from an async source (a database cursor, files spilled to disk), so
 * only one customer's history is held at a time. `onProgress` counts the events
 * replayed so far. `span.from` starts the weeks counted.
 */
export async function replayHistories(
  configs: readonly Config[],
  customers: AsyncIterable<UpgradeKitEvent[]> | Iterable<UpgradeKitEvent[]>,
  span: SimulationSpan,
  onProgress?: (events: number) => void,
): Promise<SimulationPart> {
  const tallies = configs.map((config) => createTally(config, span.from ?? 0));
  const reads = configs.map(readsOf);
  let events = 0;
  let replayed = 0;
  for await (const group of customers) {
    replayed += group.length;
    const history = historyOf(group);
    events += history.length;
    configs.forEach((config, index) => replayCustomer(config, reads[index]!, history, tallies[index]!));
    onProgress?.(replayed);
  }
  return { events, tallies: tallies.map(tallyPart) };
}

/**
 * The simulation of every config from the parts of a replay split by customer
 * (each customer's whole history in one part; see `replayHistories`), over the
 * same `span`.
 */
export function simulationResults(configs: readonly Config[], parts: readonly SimulationPart[], span: SimulationSpan): SimulationResult[] {
  const events = parts.reduce((sum, part) => sum + part.events, 0);
  return configs.map((config, index) => {
    const tally = createTally(config, span.from ?? 0);
    for (const part of parts) mergeTallyPart(tally, part.tallies[index]!);
    return resultOf(config, tally, events, span.from, span.to);
  });
}

/** `replayHistories` and `simulationResults` in one: the simulation of every config over all the customers given. */
export async function simulateHistories(
  configs: readonly Config[],
  customers: AsyncIterable<UpgradeKitEvent[]> | Iterable<UpgradeKitEvent[]>,
  span: SimulationSpan,
  onProgress?: (events: number) => void,
): Promise<SimulationResult[]> {
  return simulationResults(configs, [await replayHistories(configs, customers, span, onProgress)], span);
}

/** One customer's state at the end of their history, replayed through a config. */
export interface CustomerReplayState {
  /** Events replayed (each id once). */
  events: number;
  /** Every trigger's explanation at the end: each condition's value against its threshold, and governance. */
  explanations: TriggerExplanation[];
}

/**
 * Replays one customer's history through `config` and explains every trigger as
 * the browser would have at the customer's last event. `null` for no events.
 */
export function replayCustomerState(config: Config, events: UpgradeKitEvent[]): CustomerReplayState | null {
  const history = historyOf(events);
  if (!history.length) return null;
  let explanations: TriggerExplanation[] = [];
  const inspect = (kit: UpgradeKit) => {
    const engine = kit.prompts;
    if (engine) explanations = config.triggers.map((trigger) => engine.explain(trigger.id));
  };
  replayCustomer(config, readsOf(config), history, createTally(config, history[0]!.at), inspect);
  return { events: history.length, explanations };
}
