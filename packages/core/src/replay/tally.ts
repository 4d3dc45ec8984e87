import type { Config } from '../config/schema.js';
import { assignVariant, HOLDOUT } from '../prompts/experiment.js';
import { createHistogram, type Histogram } from './histogram.js';

const WEEK = 7 * 864e5;

/** Per trigger: what the replays saw. */
export interface TriggerTally {
  triggerId: string;
  /** Times the condition started holding (`trigger.fired`). */
  fired: number;
  /** Customers it fired for at least once. */
  firedCustomers: number;
  /** Of those, customers in its holdout (they see nothing). */
  heldOutCustomers: number;
  /** Impressions the arbiter allowed. */
  shown: number;
  shownCustomers: number;
  /** Impressions per active customer-week. */
  weekly: Histogram;
}

/** Counts one customer's replay into the tally. */
export interface CustomerCounter {
  fired(triggerId: string): void;
  shown(triggerId: string): void;
  /** The replay reached `at`: a new week closes the last one. */
  at(at: number): void;
  /** The history is over: closes the last week. */
  done(): void;
}

/** What the customer replays of one config count into. */
export interface Tally {
  triggers: TriggerTally[];
  /** Impressions of every trigger per active customer-week. */
  weekly: Histogram;
  customers: number;
  /** Customers any trigger fired for, and customers shown any prompt. */
  customersFired: number;
  customersShown: number;
  customer(customerId: string, firstAt: number): CustomerCounter;
}

/** A tally as plain data (histograms as their counts): what a replay in another thread hands back. */
export interface TallyPart {
  triggers: Array<Omit<TriggerTally, 'weekly'> & { weekly: number[] }>;
  weekly: number[];
  customers: number;
  customersFired: number;
  customersShown: number;
}

export function tallyPart(tally: Tally): TallyPart {
  const { customers, customersFired, customersShown } = tally;
  return { triggers: tally.triggers.map((trigger) => ({ ...trigger, weekly: trigger.weekly.counts() })), weekly: tally.weekly.counts(), customers, customersFired, customersShown };
}

/** Adds a part's counts (of other customers, over the same config) into `tally`. */
export function mergeTallyPart(tally: Tally, part: TallyPart): void {
  tally.customers += part.customers;
  tally.customersFired += part.customersFired;
  tally.customersShown += part.customersShown;
  tally.weekly.merge(part.weekly);
  part.triggers.forEach((from, position) => {
    const into = tally.triggers[position]!;
    into.fired += from.fired;
    into.firedCustomers += from.firedCustomers;
    into.heldOutCustomers += from.heldOutCustomers;
    into.shown += from.shown;
    into.shownCustomers += from.shownCustomers;
    into.weekly.merge(from.weekly);
  });
}

/**
 * An empty tally over the config's triggers. Weeks are counted from `origin`
 * (epoch ms); a customer-week counts when the customer had an event in it.
 */
export function createTally(config: Config, origin: number): Tally {
  const index = new Map(config.triggers.map((trigger, position) => [trigger.id, position]));
  const triggers: TriggerTally[] = config.triggers.map((trigger) => ({
    triggerId: trigger.id,
    fired: 0,
    firedCustomers: 0,
    heldOutCustomers: 0,
    shown: 0,
    shownCustomers: 0,
    weekly: createHistogram(),
  }));
  const weekOf = (at: number) => Math.floor((at - origin) / WEEK);
  const tally: Tally = {
    triggers,
    weekly: createHistogram(),
    customers: 0,
    customersFired: 0,
    customersShown: 0,
    customer(customerId, firstAt) {
      tally.customers++;
      const fired = new Uint8Array(triggers.length);
      const shown = new Uint8Array(triggers.length);
      const week = new Uint16Array(triggers.length);
      let current = weekOf(firstAt);
      const closeWeek = () => {
        let total = 0;
        for (let position = 0; position < triggers.length; position++) {
          triggers[position]!.weekly.add(week[position]!);
          total += week[position]!;
        }
        tally.weekly.add(total);
        week.fill(0);
      };
      return {
        fired(triggerId) {
          const position = index.get(triggerId)!;
          const trigger = triggers[position]!;
          trigger.fired++;
          if (fired[position]) return;
          if (!fired.includes(1)) tally.customersFired++;
          fired[position] = 1;
          trigger.firedCustomers++;
          if (assignVariant(config.triggers[position]!, customerId) === HOLDOUT) trigger.heldOutCustomers++;
        },
        shown(triggerId) {
          const position = index.get(triggerId)!;
          triggers[position]!.shown++;
          week[position]!++;
          if (shown[position]) return;
          if (!shown.includes(1)) tally.customersShown++;
          shown[position] = 1;
          triggers[position]!.shownCustomers++;
        },
        at(at) {
          const next = weekOf(at);
          if (next === current) return;
          closeWeek();
          current = next;
        },
        done: closeWeek,
      };
    },
  };
  return tally;
}
