'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActivePrompt, Cta, DismissReason } from '@upgradekit/core';
import { useKitContext } from '../context.js';
import { safely } from '../safe.js';

export interface PromptLifecycle {
  /** The callback ref of the prompt's root element: an impression counts once it is visible. */
  ref: (element: Element | null) => void;
  /** The customer answered with a CTA. */
  click(cta?: Cta): void;
  /** The customer dismissed it: snoozed, or hidden for good with `forever`. */
  dismiss(reason?: DismissReason, options?: { forever?: boolean }): void;
}

/**
 * What happens to one prompt on screen, for every component that shows one: an
 * impression counts once per display, when the element is visible (not merely
 * mounted); leaving the screen unanswered ends the display, so the next one
 * counts again; `click` and `dismiss` record the answer with the prompt engine.
 * Without a prompt (a component used on its own) nothing is recorded; with
 * `shown: false` (a CTA inside a prompt that counts its own impressions) only answers are.
 */
export function usePromptLifecycle(prompt: Pick<ActivePrompt, 'triggerId'> | null | undefined, shown = true): PromptLifecycle {
  const { kit, diagnostics } = useKitContext('usePromptLifecycle()');
  const triggerId = shown ? prompt?.triggerId : undefined;
  const [element, setElement] = useState<Element | null>(null);
  // Strict Mode detaches and reattaches the same element: that is still one display.
  const counted = useRef<Element | null>(null);
  useEffect(() => {
    if (!triggerId || !element || counted.current === element || !kit.prompts) return;
    return kit.platform.observeVisible(element, () => {
      counted.current = element;
      safely(diagnostics, 'markShown()', () => kit.prompts?.markShown(triggerId), undefined);
    });
  }, [kit, diagnostics, triggerId, element]);
  // Strict Mode unmounts and remounts at once: only a cleanup nobody follows up is a real unmount.
  const mounted = useRef(false);
  useEffect(() => {
    if (!triggerId) return;
    mounted.current = true;
    return () => {
      mounted.current = false;
      queueMicrotask(() => {
        if (!mounted.current && counted.current) safely(diagnostics, 'markHidden()', () => kit.prompts?.markHidden(triggerId), undefined);
      });
    };
  }, [kit, diagnostics, triggerId]);
  const id = prompt?.triggerId;
  const click = useCallback(
    (cta?: Cta) => id !== undefined && safely(diagnostics, 'markClicked()', () => kit.prompts?.markClicked(id, cta), undefined),
    [kit, diagnostics, id],
  );
  const dismiss = useCallback(
    (reason?: DismissReason, options?: { forever?: boolean }) =>
      id !== undefined && safely(diagnostics, 'markDismissed()', () => kit.prompts?.markDismissed(id, reason, options), undefined),
    [kit, diagnostics, id],
  );
  return { ref: setElement, click, dismiss };
}
