'use client';
import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { position, type Placement } from '../position.js';
import { listen } from '../utils.js';

// A layout effect places the popover before it is painted; the server has nothing to place (and React 18 warns there).
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Keeps `floating` (`position: fixed`) beside `anchor` while `active`: placed
 * before the first paint, then again on any scroll (of the page or a container),
 * on resizes of the window and of either element.
 */
export function usePosition(anchor: RefObject<HTMLElement | null>, floating: RefObject<HTMLElement | null>, placement: Placement, active: boolean): void {
  useBrowserLayoutEffect(() => {
    const reference = anchor.current;
    const element = floating.current;
    if (!active || !reference || !element) return;
    const update = () => {
      const { clientWidth, clientHeight } = document.documentElement;
      // Layout sizes: a transform on the popover (an entry animation) must not move it.
      const size = { width: element.offsetWidth, height: element.offsetHeight };
      const { top, left } = position(reference.getBoundingClientRect(), size, { width: clientWidth, height: clientHeight }, placement);
      element.style.top = `${top}px`;
      element.style.left = `${left}px`;
    };
    update();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : undefined;
    observer?.observe(reference);
    observer?.observe(element);
    const removals = [listen(window, 'scroll', update, { capture: true, passive: true }), listen(window, 'resize', update)];
    return () => {
      observer?.disconnect();
      removals.forEach((remove) => remove());
    };
  }, [anchor, floating, placement, active]);
}
