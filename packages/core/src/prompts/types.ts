import type { Attribution } from '../client/kitCore.js';
import type { Cta } from '../config/schema.js';
import type { Touch } from '../conversion/attribution.js';
import type { DismissReason } from '../conversion/events.js';
import type { Evaluation } from '../triggers/evaluate.js';
import type { ActivePrompt } from './activePrompt.js';
import type { Hold } from './arbiter.js';
import type { Governance } from './governance.js';

/** The engine's state. Immutable, like the client's. */
export interface PromptState extends Governance {
  /** Triggers whose condition holds now. */
  fired: ReadonlySet<string>;
  /** Prompts on screen in this tab: they stay until clicked or dismissed. */
  open: ReadonlySet<string>;
  /** Whether interrupting prompts may show (see `policy.activation`). */
  activated: boolean;
}

/** A trigger's condition, leaf by leaf, and what governance does with it now. */
export interface TriggerExplanation extends Evaluation {
  triggerId: string;
  variant: string;
  /** `shown`: offered by `getPrompts()` now; `held_out` and `suppressed`: fired, and `heldBack` says why not. */
  status: 'shown' | 'not_fired' | 'held_out' | 'suppressed' | 'unknown_trigger';
  /** The governance rule keeping a fired trigger's prompt back, until when, and in a sentence; `null` otherwise. */
  heldBack: (Hold & { text: string }) | null;
  /** The verdict in one sentence: `Fired, but held back: cooling down until 2026-03-04 12:00 UTC (3d between impressions).` */
  summary: string;
}

export interface PromptEngine {
  /** The prompts to show now, for a placement or anywhere; the same array while unchanged. */
  getPrompts(placement?: string): ActivePrompt[];
  /** Call once per display, when the prompt is actually visible. */
  markShown(triggerId: string): void;
  /** Call when a shown prompt leaves the screen without an answer (unmounted); its next display counts again. */
  markHidden(triggerId: string): void;
  markClicked(triggerId: string, cta?: Cta): void;
  /** Snoozes the prompt (the trigger's `snooze`, else `policy.snooze`, else 3 days), or hides it for good. */
  markDismissed(triggerId: string, reason?: DismissReason, options?: { forever?: boolean }): void;
  /** Hides a prompt no trigger governs (a banner of a feature), by a key of yours, until `until` (`Infinity`: for good). */
  snooze(key: string, until: number): void;
  /** Until when `snooze(key)` hides it; 0 when it does not. */
  snoozedUntil(key: string): number;
  /** Why a trigger fires or not: each leaf's value against its threshold, and the arbiter's verdict. */
  explain(triggerId: string): TriggerExplanation;
  /** The trigger a conversion now is credited to: the last prompt seen within the attribution window. */
  attribution(): Attribution | null;
  /** The last prompt seen or clicked, for a checkout token. */
  lastTouch(): Touch | null;
  /** Restores the last prompt seen from a checkout token (the newer of it and this tab's). */
  restoreTouch(touch: Touch): void;
  /** Called by the client after it credited a conversion: the next one needs a new impression. */
  converted(): void;
  getSnapshot(): PromptState;
  subscribe(listener: (state: PromptState, previous: PromptState) => void): () => void;
  destroy(): void;
}

export interface PromptEngineOptions {
  /** Called each time a trigger's condition is evaluated; for tools and tests. Default: none. */
  onEvaluate?: (triggerId: string) => void;
  /**
   * Re-evaluate only the triggers that read what changed. Default: `true`;
   * `false` re-evaluates every trigger on every change (a baseline for benchmarks).
   */
  incremental?: boolean;
}
