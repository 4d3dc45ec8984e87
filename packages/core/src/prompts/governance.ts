import * as z from 'zod/mini';
import { describeError } from '../utils/describeError.js';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, type PersistStorage } from 'zustand/middleware';
import type { KitCore } from '../client/kitCore.js';
import { formatPath } from '../config/messages.js';
import type { Touch } from '../conversion/attribution.js';
import { isRecord } from '../utils/isRecord.js';
import { randomId } from '../utils/randomId.js';
import { parseLeniently } from '../utils/lenient.js';
import { createDeferredWrites, type DeferredWrites } from '../storage.js';
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
  /**
   * Triggers whose firing was reported (`trigger.fired`) and that still held when
   * last evaluated: a trigger fires on a transition from not holding to holding,
   * and a reload or another tab is no new transition.
   */
  reported: readonly string[];
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
  reported: z.optional(z.array(z.string())),
});

/** One tab's change, told to the others. */
type TabMessage =
  | { kind: 'history'; triggerId: string; history: PromptHistory; interrupt?: number; tab: string }
  | { kind: 'snooze'; key: string; until: number }
  | { kind: 'touch'; touch: Touch }
  | { kind: 'reported'; reported: string[] };

const empty = (): Governance => ({ history: Object.create(null), interrupts: [], snoozes: Object.create(null), touch: null, reported: [] });
export const governanceKey = (customerId: string) => `prompts:${customerId}`;

/** `Infinity` (dismissed for good) does not survive JSON: it is stored as `null`. */
const untilFromJson = (value: number | null) => value ?? Infinity;

function persistStorage(kit: KitCore, writes: DeferredWrites): PersistStorage<Governance> {
  return {
    getItem(name) {
      writes.flush();
      const raw = kit.storage.read<unknown>(name);
      if (raw === undefined) return null;
      const state = parseLeniently(governanceSchema, raw, (path, message) =>
        kit.warn(`stored prompt history under "${name}" at ${formatPath(path)} ${message}; dropped it and kept the rest`),
      );
      const snoozes = Object.fromEntries(Object.entries(state.snoozes ?? {}).map(([key, until]) => [key, untilFromJson(until)]));
      return { state: { ...empty(), ...state, snoozes } as Governance };
    },
    // Held to the end of the task: showing one prompt records, touches and counts it.
    setItem: (name, value) => writes.write(name, value.state),
    removeItem(name) {
      writes.discard();
      kit.storage.remove(name);
    },
  };
}

/** Applies another tab's change, checked first: any script on the origin can post to the channel. */
function applyTabMessage(store: StoreApi<Governance>, message: unknown, onRemoteInterrupt: RemoteInterrupt): void {
  if (!isRecord(message)) return;
  const { history, interrupts, snoozes } = store.getState();
  const m = message as TabMessage;
  if (m.kind === 'history' && typeof m.triggerId === 'string' && isRecord(m.history)) {
    const interrupt = typeof m.interrupt === 'number' ? [...interrupts, m.interrupt] : interrupts;
    store.setState({ history: { ...history, [m.triggerId]: m.history }, interrupts: interrupt });
    if (typeof m.interrupt === 'number') onRemoteInterrupt(m.triggerId, m.interrupt, String(m.tab));
  } else if (m.kind === 'snooze' && typeof m.key === 'string' && typeof m.until === 'number') {
    store.setState({ snoozes: { ...snoozes, [m.key]: m.until } });
  } else if (m.kind === 'touch' && isRecord(m.touch) && typeof m.touch.at === 'number') {
    store.setState({ touch: m.touch as Touch });
  } else if (m.kind === 'reported' && Array.isArray(m.reported) && m.reported.every((id) => typeof id === 'string')) {
    store.setState({ reported: m.reported });
  }
}

/** Another tab showed an interrupting prompt at `at`: the engine decides which tab keeps it. */
export type RemoteInterrupt = (triggerId: string, at: number, tab: string) => void;

/** The governance store of the kit's customer, persisted and shared across their tabs. */
export function createGovernance(kit: KitCore, onRemoteInterrupt: RemoteInterrupt = () => {}) {
  let customerId = kit.getSnapshot().customer.id;
  /** This tab, for breaking ties between tabs that showed the same prompt at the same moment. */
  const tab = randomId(kit.platform.random);
  const writes = createDeferredWrites(kit.storage);
  const unsubscribeHide = kit.platform.onHide(writes.flush);
  const store = createStore<Governance>()(
    persist(empty, {
      name: governanceKey(customerId),
      storage: persistStorage(kit, writes),
      // Only ever the stored state: on a customer switch, the previous customer's must not leak in.
      merge: (stored) => ({ ...empty(), ...(stored as Partial<Governance>) }),
    }),
  );
  let channel = kit.platform.openChannel(`upgradekit:prompts:${customerId}`);
  const listen = () => channel?.subscribe((message) => applyTabMessage(store, message, onRemoteInterrupt));
  let unsubscribe = listen();
  const post = (message: TabMessage) => {
    try {
      channel?.post(message);
    } catch (error) {
      kit.warn(`could not reach other tabs: ${describeError(error)}`);
    }
  };
  const close = () => {
    unsubscribe?.();
    channel?.close();
  };

  return {
    store,
    tab,
    /** Records what happened to a trigger's prompt; `interrupt` is when an interrupting prompt was shown. */
    record(triggerId: string, history: PromptHistory, interrupt?: number) {
      const { history: all, interrupts } = store.getState();
      const recent = interrupt === undefined ? interrupts : [...interrupts.filter((at) => at > interrupt - WEEK), interrupt];
      store.setState({ history: { ...all, [triggerId]: history }, interrupts: recent });
      post({ kind: 'history', triggerId, history, tab, ...(interrupt !== undefined && { interrupt }) });
    },
    snooze(key: string, until: number) {
      store.setState({ snoozes: { ...store.getState().snoozes, [key]: until } });
      post({ kind: 'snooze', key, until });
    },
    /** Which triggers' firings are reported and still hold (see `Governance.reported`). */
    report(reported: string[]) {
      store.setState({ reported });
      post({ kind: 'reported', reported });
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
    destroy() {
      writes.flush();
      unsubscribeHide();
      close();
    },
  };
}

export type GovernanceStore = ReturnType<typeof createGovernance>;
