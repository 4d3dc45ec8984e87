import type { UpgradeKitEvent } from '@upgradekit/core';
import { replayCustomerState } from '@upgradekit/core/replay';
import { json, notFound } from '../http/responses.js';
import type { Route } from './route.js';

/*
 * Why a trigger fires or not for one customer: their stored events replayed
 * through the live config with the SDK itself, and each trigger explained as the
 * browser would have at their last event; beside it, the prompts they were
 * actually shown and how they answered.
 */

/** What the customer saw and did with prompts, as recorded: `kind` on a shown prompt, `reason` on a dismissal. */
export interface PromptRecord {
  at: number;
  type: string;
  triggerId: string;
  /** `null` on an event that names no variant. */
  variant: string | null;
  kind?: string;
  reason?: string;
}

function promptRecords(events: readonly UpgradeKitEvent[]): PromptRecord[] {
  const records: PromptRecord[] = [];
  for (const event of events) {
    if (!event.type.startsWith('prompt.') || !('triggerId' in event)) continue;
    const record: PromptRecord = { at: event.at, type: event.type, triggerId: event.triggerId, variant: event.variant ?? null };
    if ('kind' in event && typeof event.kind === 'string') record.kind = event.kind;
    if ('reason' in event && typeof event.reason === 'string') record.reason = event.reason;
    records.push(record);
  }
  return records;
}

/** `GET /customers/:id?app` → `{ customerId, events, explanations, prompts }`; 404 `unknown_customer` when nothing is stored for them. */
export const customer: Route = {
  method: 'GET',
  path: '/customers/:id',
  access: 'admin',
  async handle({ params, url, server }) {
    const customerId = params.id!;
    const config = await server.live.require("A customer's explanation");
    const events = await server.options.store.customerEvents(customerId, { from: null, to: null, app: url.searchParams.get('app') || null });
    const state = replayCustomerState(config, events);
    if (!state) throw notFound('unknown_customer', `No events are stored for customer ${JSON.stringify(customerId)}; check the id as your app sends it.`);
    return json({ customerId, events: state.events, explanations: state.explanations, prompts: promptRecords(events) });
  },
};
