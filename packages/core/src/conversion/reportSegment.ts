import type { Config } from '../config/schema.js';
import { CONTROL } from '../prompts/experiment.js';
import type { UpgradeKitEvent } from './events.js';
import { addVariant, createTrigger, emptyTotals, triggersOf, type CustomerAcc, type Exposure, type TriggerAcc, type VariantAcc } from './reportAccumulators.js';
import type { ConversionTotals } from './reportTypes.js';

/*
 * One set of report figures being counted: the whole window, or the events of one
 * config version. An event allocates nothing unless it introduces a new customer,
 * trigger, variant or exposure.
 */

// MRR is a sum of prices (and twelfths of yearly ones), so "was paying" is tested
// against a fraction of a cent rather than exact zero.
const PAID_EPSILON = 1e-6;

export interface Segment {
  triggers: Map<string, TriggerAcc>;
  customers: Map<string, CustomerAcc>;
  totals: ConversionTotals;
  /** Earliest and latest event counted, epoch ms. */
  firstAt: number;
  lastAt: number;
  /** Counts one event (already de-duplicated and inside the window). */
  count(event: UpgradeKitEvent): void;
  /** Counts a customer's presence at `at` with MRR `mrr`: all that an event of a type no funnel figure reads counts for. */
  touch(activity: CustomerActivity): CustomerAcc;
}

/** What an event tells of its customer alone: who, when, at what MRR, under which config version. */
export interface CustomerActivity {
  customerId: string;
  at: number;
  mrr: number;
  configVersion?: string | undefined;
}

/** The customer an event belongs to, keeping their earliest event's MRR as their starting MRR. */
function customerOf(customers: Map<string, CustomerAcc>, event: CustomerActivity): CustomerAcc {
  let customer = customers.get(event.customerId);
  if (!customer) {
    customer = { firstAt: event.at, startingMrr: event.mrr, exposures: null, conversions: null };
    customers.set(event.customerId, customer);
  } else if (event.at < customer.firstAt) {
    customer.firstAt = event.at;
    customer.startingMrr = event.mrr;
  }
  return customer;
}

function exposureOf(customer: CustomerAcc, acc: VariantAcc): Exposure {
  const exposures = (customer.exposures ??= new Map());
  let exposure = exposures.get(acc);
  if (!exposure) exposures.set(acc, (exposure = { shown: null, heldOut: null, clicked: null, dismissed: null }));
  return exposure;
}

function countDismissal(acc: VariantAcc, reason: string | undefined, forever: boolean | undefined): void {
  const dismissed = acc.dismissed;
  dismissed.total++;
  if (forever === true) dismissed.forever++;
  if (reason === undefined) dismissed.unspecified++;
  else if (reason === 'not_now' || reason === 'too_expensive' || reason === 'not_needed') dismissed[reason]++;
  else dismissed.other++;
}

type VariantOf = (triggerId: string, variant: string | undefined) => VariantAcc;

function countUpgrade(event: Extract<UpgradeKitEvent, { type: 'upgrade.completed' }>, customer: CustomerAcc, totals: ConversionTotals, variantOf: VariantOf): void {
  const delta = event.mrrDelta;
  if (delta < 0) {
    if (event.mrr + delta > PAID_EPSILON) totals.contractionMrr -= delta;
    else totals.churnedMrr -= delta;
    return;
  }
  if (!(delta > 0)) return;
  const existing = event.mrr > PAID_EPSILON;
  if (existing) totals.expansionMrr += delta;
  else totals.newMrr += delta;
  totals.conversions++;
  if (event.triggerId === undefined) {
    totals.unattributedConversions++;
    return;
  }
  totals.attributedConversions++;
  const acc = variantOf(event.triggerId, event.variant);
  acc.conversions++;
  if (existing) acc.expansionMrr += delta;
  else acc.newMrr += delta;
  (customer.conversions ??= []).push({ acc, at: event.at });
}

/** Counts one event into its trigger's variant (or only its customer, for types that move no funnel figure). */
function countEvent(event: UpgradeKitEvent, customer: CustomerAcc, totals: ConversionTotals, variantOf: VariantOf): void {
  switch (event.type) {
    case 'trigger.fired':
      variantOf(event.triggerId, event.variant).fired++;
      break;
    case 'prompt.shown':
    case 'prompt.held_out': {
      const acc = variantOf(event.triggerId, event.variant);
      const exposure = exposureOf(customer, acc);
      if (event.type === 'prompt.shown') {
        acc.shown++;
        (exposure.shown ??= []).push(event.at);
      } else {
        acc.heldOut++;
        (exposure.heldOut ??= []).push(event.at);
      }
      break;
    }
    case 'prompt.clicked': {
      const acc = variantOf(event.triggerId, event.variant);
      acc.clicked++;
      (exposureOf(customer, acc).clicked ??= []).push(event.at);
      break;
    }
    case 'prompt.dismissed': {
      const acc = variantOf(event.triggerId, event.variant);
      countDismissal(acc, event.reason, event.forever);
      (exposureOf(customer, acc).dismissed ??= []).push(event.at);
      break;
    }
    case 'trial.started':
      if (event.triggerId !== undefined) variantOf(event.triggerId, event.variant).trialsStarted++;
      break;
    case 'upgrade.completed':
      countUpgrade(event, customer, totals, variantOf);
      break;
    default:
      // usage.tracked, gate.hit, trial.ended and types newer than this version
      // only count towards customers and starting MRR.
      break;
  }
}

/** An empty segment over the config's triggers (in config order, each with its configured variants). */
export function createSegment(config: Config): Segment {
  const triggers = triggersOf(config);
  const customers = new Map<string, CustomerAcc>();
  const totals = emptyTotals();
  const variantOf: VariantOf = (triggerId, variant) => {
    let trigger = triggers.get(triggerId);
    if (!trigger) triggers.set(triggerId, (trigger = createTrigger(triggerId, false, 0)));
    const name = variant ?? CONTROL;
    return trigger.variants.get(name) ?? addVariant(trigger, name, false);
  };
  const segment: Segment = {
    triggers,
    customers,
    totals,
    firstAt: Infinity,
    lastAt: -Infinity,
    touch(activity) {
      if (activity.at < segment.firstAt) segment.firstAt = activity.at;
      if (activity.at > segment.lastAt) segment.lastAt = activity.at;
      return customerOf(customers, activity);
    },
    count(event) {
      countEvent(event, segment.touch(event), totals, variantOf);
    },
  };
  return segment;
}
