import * as z from 'zod/mini';
import { createStore } from 'zustand/vanilla';
import { persist, type PersistStorage } from 'zustand/middleware';
import type { KitCore } from '../client/kitCore.js';
import { formatPath } from '../config/messages.js';
import type { Touch } from '../conversion/attribution.js';
import { isRecord } from '../utils/isRecord.js';
import { parseLeniently } from '../utils/lenient.js';
import { WEEK } from '../utils/time.js';
import type { PromptHistory } from './arbiter.js';

/*
 * Governance state: what happened to each prompt (impressions, snoozes, "don't
 * show again"), when interrupting prompts were shown, snoozes of prompts no
 * trigger governs, and the last prompt seen (what a conversion is credited to).
 * It survives reloads (zustand's `persist`, validated when read back) and is
 * shared by the customer's tabs, so a cap or a snooze holds in all of them.
 */

export interface Governance {
  /** Impressions, snoozes and dismissals per trigger. */
  history: Readonly<Record<string, PromptHistory>>;
  /** When interrupting prompts were shown in the last week. */
  interrupts: readonly number[];
  /** Prompts no trigger governs (a banner of a feature), by key: hidden until then. */
  snoozes: Readonly<Record<string, number>>;
  /** The last prompt seen or clicked. */
  touch: Touch | null;
}

const finite = z.number();
const governanceSchema = z.object({
  history: z.optional(
    z.record(
      z.string(),
      z.object({ impressions: finite, lastShownAt: z.optional(finite), snoozedUntil: z.optional(finite), dismissedForever: z.optional(z.boolean()) }),
    ),
  ),
  interrupts: z.optional(z.array(finite)),
  snoozes: z.optional(z.record(z.string(), z.union([finite, z.null()]))),
  touch: z.optional(z.nullable(z.object({ triggerId: z.string(), variant: z.string(), at: finite }))),
});

/** One tab's change, told to the others. */
type TabMessage =
  | { kind: 'history'; triggerId: string; history: PromptHistory; interrupt?: number }
  | { kind: 'snooze'; key: string; until: number }
  | { kind: 'touch'; touch: Touch };

const empty = (): Governance => ({ history: Object.create(null), interrupts: [], snoozes: Object.create(null), touch: null });
export const governanceKey = (customerId: string) => `prompts:${customerId}`;

/** `Infinity` (dismissed for good) does not survive JSON: it is stored as `null`. */
const untilFromJson = (value: number | null) => value ?? Infinity;

function persistStorage(kit: KitCore): PersistStorage<Governance> {
  return {
    getItem(name) {
      const raw = kit.storage.read<unknown>(name);
      if (raw === undefined) return null;
      const state = parseLeniently(governanceSchema, raw, (path, message) =>
        kit.warn(`stored prompt history under "${name}" at ${formatPath(path)} ${message}; dropped it and kept the rest`),
      );
      const snoozes = Object.fromEntries(Object.entries(state.snoozes ?? {}).map(([key, until]) => [key, untilFromJson(until)]));
      return { state: { ...empty(), ...state, snoozes } as Governance };
    },
    setItem: (name, value) => kit.storage.write(name, value.state),
    removeItem: (name) => kit.storage.remove(name),
  };
}

/** The governance store of the kit's customer, persisted and shared across their tabs. */
export function createGovernance(kit: KitCore) {
  let customerId = kit.getSnapshot().customer.id;
  const store = createStore<Governance>()(
    persist(empty, {
      name: governanceKey(customerId),
      storage: persistStorage(kit),
      // Only ever the stored state: on a customer switch, the previous customer's must not leak in.
      merge: (stored) => ({ ...empty(), ...(stored as Partial<Governance>) }),
    }),
  );
  let channel = kit.platform.openChannel(`upgradekit:prompts:${customerId}`);
  const listen = () =>
    channel?.subscribe((message) => {
      if (!isRecord(message)) return;
      const { history, interrupts, snoozes } = store.getState();
      const m = message as TabMessage;
      if (m.kind === 'history' && typeof m.triggerId === 'string' && isRecord(m.history)) {
        const interrupt = typeof m.interrupt === 'number' ? [...interrupts, m.interrupt] : interrupts;
        store.setState({ history: { ...history, [m.triggerId]: m.history }, interrupts: interrupt });
      } else if (m.kind === 'snooze' && typeof m.key === 'string' && typeof m.until === 'number') {
        store.setState({ snoozes: { ...snoozes, [m.key]: m.until } });
      } else if (m.kind === 'touch' && isRecord(m.touch) && typeof m.touch.at === 'number') {
        store.setState({ touch: m.touch as Touch });
      }
    });
  let unsubscribe = listen();
  const post = (message: TabMessage) => {
    try {
      channel?.post(message);
    } catch (error) {
      kit.warn(`could not reach other tabs: ${String(error)}`);
    }
  };
  const close = () => {
    unsubscribe?.();
    channel?.close();
  };

  return {
    store,
    /** Records what happened to a trigger's prompt; `interrupt` is when an interrupting prompt was shown. */
    record(triggerId: string, history: PromptHistory, interrupt?: number) {
      const { history: all, interrupts } = store.getState();
      const recent = interrupt === undefined ? interrupts : [...interrupts.filter((at) => at > interrupt - WEEK), interrupt];
      store.setState({ history: { ...all, [triggerId]: history }, interrupts: recent });
      post({ kind: 'history', triggerId, history, ...(interrupt !== undefined && { interrupt }) });
    },
    snooze(key: string, until: number) {
      store.setState({ snoozes: { ...store.getState().snoozes, [key]: until } });
      post({ kind: 'snooze', key, until });
    },
    touch(touch: Touch | null) {
      store.setState({ touch });
      if (touch) post({ kind: 'touch', touch });
    },
    /** Follows the kit to another customer: their own history, storage key and tabs. */
    follow() {
      const next = kit.getSnapshot().customer.id;
      if (next === customerId) return false;
      customerId = next;
      close();
      store.persist.setOptions({ name: governanceKey(next) });
      void store.persist.rehydrate();
      channel = kit.platform.openChannel(`upgradekit:prompts:${next}`);
      unsubscribe = listen();
      return true;
    },
    destroy: close,
  };
}

export type GovernanceStore = ReturnType<typeof createGovernance>;
