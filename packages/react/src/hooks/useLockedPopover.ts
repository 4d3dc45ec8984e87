'use client';
import {
  autoUpdate,
  flip,
  offset,
  safePolygon,
  shift,
  useClick,
  useDismiss,
  useFloating,
  useFocus,
  useHover,
  useInteractions,
  useRole,
  type Placement,
} from '@floating-ui/react';
import { useState } from 'react';

/** The popover's distance from the control, and the least it keeps from the viewport's edges (px). */
const GAP = 8;
const EDGE = 8;
/** How long the popover stays after the pointer leaves both it and the control. */
const HOVER_CLOSE_MS = 120;

/**
 * The popover of a locked control, with Floating UI: placed beside the control
 * (flipping and shifting to stay in view, following scrolls and resizes), opened
 * by hover (with a safe path into it), keyboard focus, click or tap, and closed by
 * Escape, an outside press or the pointer leaving. Only while `locked`.
 */
export function useLockedPopover(locked: boolean, placement: Placement) {
  // Only ever opened by the user, so never on the server or while hydrating: the portal is safe.
  const [open, setOpen] = useState(false);
  const shown = locked && open;
  const { refs, floatingStyles, context } = useFloating({
    open: shown,
    onOpenChange: setOpen,
    placement,
    middleware: [offset(GAP), flip({ padding: EDGE }), shift({ padding: EDGE })],
    // Follows the control through scrolling (of the page or any container) and resizes.
    whileElementsMounted: autoUpdate,
  });
  const { getReferenceProps, getFloatingProps } = useInteractions([
    // The pointer may cross from the control into the popover, and leaving both closes it after a moment.
    useHover(context, { enabled: locked, handleClose: safePolygon(), delay: { close: HOVER_CLOSE_MS } }),
    // Keyboard focus asks what the control is; focus a click or a script gave (a modal returning it) does not.
    useFocus(context, { enabled: locked, visibleOnly: true }),
    // Click and tap toggle it, and what a click opened stays when the pointer leaves.
    useClick(context, { enabled: locked }),
    useDismiss(context, { enabled: locked }),
    useRole(context, { enabled: locked, role: 'dialog' }),
  ]);
  return { shown, refs, floatingStyles, context, getReferenceProps, getFloatingProps };
}
