'use client';
import { findPromptEngine } from '@upgradekit/core';
import { useEffect, useRef, useState } from 'react';
import { useKitContext } from '../context.js';

/**
 * Counts a prompt as shown once per display, when its element is actually
 * visible (`platform.observeVisible`), not merely mounted. Returns a callback
 * ref for the prompt's root element.
 */
export function useShown(triggerId: string | undefined): (element: Element | null) => void {
  const { kit } = useKitContext();
  const [element, setElement] = useState<Element | null>(null);
  // Strict Mode detaches and reattaches the same element: that is still one display.
  const counted = useRef<Element | null>(null);
  useEffect(() => {
    if (!triggerId || !element || counted.current === element) return;
    return kit.platform.observeVisible(element, () => {
      counted.current = element;
      findPromptEngine(kit)?.markShown(triggerId);
    });
  }, [kit, triggerId, element]);
  // Leaving the screen unanswered ends this display, so the next one counts again. Strict
  // Mode unmounts and remounts at once: only a cleanup nobody follows up is a real unmount.
  const mounted = useRef(false);
  useEffect(() => {
    if (!triggerId) return;
    mounted.current = true;
    return () => {
      mounted.current = false;
      queueMicrotask(() => {
        if (!mounted.current && counted.current) findPromptEngine(kit)?.markHidden(triggerId);
      });
    };
  }, [kit, triggerId]);
  return setElement;
}
