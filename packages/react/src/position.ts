/** The side of its anchor a popover opens on. */
export type Placement = 'top' | 'bottom' | 'left' | 'right';

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

const OPPOSITE = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' } as const;

/**
 * Where a popover of `size` goes next to `anchor`, in viewport coordinates (for
 * `position: fixed`): `offset` away from the anchor on the `placement` side,
 * centred on it. It flips to the opposite side when it does not fit and that
 * side has more room, and shifts along the anchor's side to stay `padding` inside
 * the viewport (a popover wider than the viewport keeps its start in view).
 */
export function position(anchor: Box, size: Size, viewport: Size, placement: Placement, offset = 8, padding = 8): { top: number; left: number; placement: Placement } {
  const room = {
    top: anchor.top,
    bottom: viewport.height - anchor.top - anchor.height,
    left: anchor.left,
    right: viewport.width - anchor.left - anchor.width,
  };
  const vertical = placement === 'top' || placement === 'bottom';
  const needed = (vertical ? size.height : size.width) + offset;
  const opposite = OPPOSITE[placement];
  const side = room[placement] < needed && room[opposite] > room[placement] ? opposite : placement;
  const clamp = (start: number, length: number, available: number) => Math.max(padding, Math.min(start, available - length - padding));
  const box = vertical
    ? {
        top: side === 'top' ? anchor.top - offset - size.height : anchor.top + anchor.height + offset,
        left: clamp(anchor.left + (anchor.width - size.width) / 2, size.width, viewport.width),
      }
    : {
        top: clamp(anchor.top + (anchor.height - size.height) / 2, size.height, viewport.height),
        left: side === 'left' ? anchor.left - offset - size.width : anchor.left + anchor.width + offset,
      };
  return { ...box, placement: side };
}
