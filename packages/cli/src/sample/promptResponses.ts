import type { ActivePrompt, DismissReason, TrialTarget } from '@upgradekit/core';
import type { Customer } from './customerContext.js';

const SECOND = 1e3;
const MINUTE = 6e4;
const DAY = 864e5;

/** Chance of a click: interrupting prompts ask for an answer, prompts in the page are easier to pass by. */
const CLICK = { interrupting: 0.15, inPage: 0.05 };
/** Chance a prompt in the page is dismissed rather than left alone. */
const DISMISS_IN_PAGE = 0.3;
const REASONS: ReadonlyArray<readonly [DismissReason, number]> = [
  ['not_now', 0.5],
  ['too_expensive', 0.2],
  ['not_needed', 0.2],
  ['other', 0.1],
];
/** After a click: checkout completed, a trial converted, a sales call closed. */
const BUY = { checkout: 0.2, afterTrial: 0.35, afterSales: 0.2 };

/**
 * A customer's answer to a prompt they see: a click (and what follows from its
 * CTA), a dismissal with a reason, or, for a prompt in the page, nothing.
 */
export function respondToPrompt(customer: Customer, prompt: ActivePrompt): void {
  const { kit, random, profile } = customer;
  const engine = kit.prompts!;
  customer.advance(random.between(3, 60) * SECOND);
  const interrupting = prompt.kind === 'modal' || prompt.kind === 'trial';
  if (random.chance((interrupting ? CLICK.interrupting : CLICK.inPage) * profile.responsiveness)) {
    engine.markClicked(prompt.triggerId);
    followCta(customer, prompt);
  } else if (interrupting || random.chance(DISMISS_IN_PAGE)) {
    engine.markDismissed(prompt.triggerId, random.weighted(REASONS), { forever: random.chance(0.03) });
  }
}

/** What a click leads to: a checkout, a trial (that may convert when it ends), or a talk with sales. */
function followCta(customer: Customer, prompt: ActivePrompt): void {
  const { kit, random, profile, config } = customer;
  const willing = (chance: number) => random.chance(chance * profile.willingness);
  if (prompt.cta === 'upgrade') {
    if (!willing(BUY.checkout)) return;
    customer.advance(random.between(1, 6) * MINUTE);
    customer.buy(prompt.upgrade);
  } else if (prompt.cta === 'trial') {
    const target: TrialTarget = config.trials.some((trial) => trial.plan !== undefined && trial.plan === prompt.plan) ? { plan: prompt.plan } : { feature: prompt.feature };
    const started = kit.startTrial(target);
    if (started.ok && willing(BUY.afterTrial)) customer.later(started.endsAt + random.between(0, 2) * DAY, () => customer.buy(prompt.upgrade));
  } else if (prompt.cta === 'contact_sales') {
    if (willing(BUY.afterSales)) customer.later(kit.platform.now() + random.between(1, 5) * DAY, () => customer.buy(prompt.upgrade));
  }
}
