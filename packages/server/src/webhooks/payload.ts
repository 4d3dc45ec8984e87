import type { Config, EventOf, FiringExplanation, Trigger, TriggerRoute, UpgradeKitEvent } from '@upgradekit/core';
import { HOLDOUT } from '@upgradekit/core/internal';
import type { FiringInput } from '../store/types.js';
import type { ResolvedEndpoint } from './options.js';

/** What a webhook receives when a routed trigger fires for a customer. */
export interface WebhookBody {
  type: 'trigger.fired';
  /** The firing's id (its `trigger.fired` event's): the same on every retry, so a receiver can de-duplicate. */
  id: string;
  app: string;
  route: TriggerRoute;
  customer: { id: string; plan: string | null; mrr: number };
  trigger: { id: string; variant: string; description: string | null; title: string | null };
  /** Epoch ms. */
  firedAt: number;
  /** Each condition leaf's value against its threshold when it fired; `null` from SDKs that do not send it. */
  explanation: FiringExplanation['leaves'] | null;
  /** The upgrade path the prompt offers, with the MRR it would add. */
  upgrade: FiringExplanation['upgrade'];
  /** One readable message (Slack incoming webhooks show it as is). */
  text: string;
}

const ROUTE_WORDS: Record<TriggerRoute, string> = {
  self_serve: 'is ready to upgrade on their own',
  email: 'is ready for an upgrade email',
  sales: 'is ready for a sales conversation',
  csm: 'is ready for a CSM conversation',
};

/** Slack reads `&`, `<` and `>` as markup: customer data must not become links or mentions. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function describeUpgrade(upgrade: FiringExplanation['upgrade']): string {
  if (!upgrade) return 'No upgrade path above their plan.';
  const addOns = upgrade.addOns.map((addOn) => `${addOn.quantity} × ${addOn.id}`).join(', ');
  const target = addOns ? (upgrade.plan ? `${upgrade.plan} with ${addOns}` : addOns) : upgrade.plan;
  return `Upgrade path: ${escape(target)} (+${upgrade.mrrDelta} ${escape(upgrade.currency)} MRR).`;
}

function slackText(body: Omit<WebhookBody, 'text'>): string {
  const plan = body.customer.plan ? ` (on ${escape(body.customer.plan)})` : '';
  const lines = [`*${escape(body.customer.id)}*${plan} ${ROUTE_WORDS[body.route]}: trigger *${escape(body.trigger.id)}* fired.`];
  for (const leaf of body.explanation ?? []) lines.push(`• ${leaf.held !== leaf.negated ? '✓' : '✗'} ${escape(leaf.text)}`);
  lines.push(describeUpgrade(body.upgrade));
  return lines.join('\n');
}

export function webhookBody(app: string, event: EventOf<'trigger.fired'>, trigger: Trigger & { route: TriggerRoute }): WebhookBody {
  const explanation = event.explanation ?? null;
  const body: Omit<WebhookBody, 'text'> = {
    type: 'trigger.fired',
    id: event.id,
    app,
    route: trigger.route,
    customer: { id: event.customerId, plan: explanation?.plan ?? null, mrr: event.mrr },
    trigger: { id: trigger.id, variant: event.variant, description: trigger.description ?? null, title: trigger.prompt.title ?? null },
    firedAt: event.at,
    explanation: explanation?.leaves ?? null,
    upgrade: explanation?.upgrade ?? null,
  };
  return { ...body, text: slackText(body) };
}

/**
 * The routed firings among a batch's events: `trigger.fired` of a trigger with a
 * `route` some endpoint receives. The holdout is left alone by people too, or the
 * lift it measures would measure the calls.
 */
export function routedFirings(app: string, events: readonly UpgradeKitEvent[], config: Config | null, endpoints: readonly ResolvedEndpoint[]): FiringInput[] {
  if (!config || !endpoints.length) return [];
  const firings: FiringInput[] = [];
  for (const event of events) {
    if (event.type !== 'trigger.fired' || event.variant === HOLDOUT) continue;
    const trigger = config.triggers.find((candidate) => candidate.id === event.triggerId);
    const route = trigger?.route;
    if (!trigger || !route) continue;
    const receivers = endpoints.filter((endpoint) => !endpoint.routes || endpoint.routes.includes(route));
    if (!receivers.length) continue;
    firings.push({
      eventId: event.id,
      customerId: event.customerId,
      triggerId: trigger.id,
      route,
      firedAt: event.at,
      body: webhookBody(app, event, { ...trigger, route }),
      endpoints: receivers.map((endpoint) => endpoint.name),
    });
  }
  return firings;
}
