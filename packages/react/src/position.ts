export type Side = 'top' | 'bottom' | 'left' | 'right';
/** The side of its anchor a popover opens on, centred on it, or aligned with its start or end edge (`top-start`). */
export type Placement = Side | `${Side}-${'start' | 'end'}`;

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
 * centred on it or aligned with its start or end edge. It flips to the opposite side when it does not fit and that
 * side has more room, and shifts along the anchor's side to stay `padding` inside
 * the viewport (a popover wider than the viewport keeps its start in view).
 */
export function position(anchor: Box, size: Size, viewport: Size, placement: Placement, offset = 8, padding = 8): { top: number; left: number; placement: Placement } {
  const [preferred, align] = placement.split('-') as [Side, 'start' | 'end' | undefined];
  const room = {
    top: anchor.top,
    bottom: viewport.height - anchor.top - anchor.height,
    left: anchor.left,
    right: viewport.width - anchor.left - anchor.width,
  };
  const vertical = preferred === 'top' || preferred === 'bottom';
  const needed = (vertical ? size.height : size.width) + offset;
  const opposite = OPPOSITE[preferred];
  const side = room[preferred] < needed && room[opposite] > room[preferred] ? opposite : preferred;
  const clamp = (start: number, length: number, available: number) => Math.max(padding, Math.min(start, available - length - padding));
  // Along the anchor's side: its start edge, its end edge, or centred on it.
  const along = (start: number, anchorLength: number, length: number) =>
    align === 'start' ? start : align === 'end' ? start + anchorLength - length : start + (anchorLength - length) / 2;
  const box = vertical
    ? {
        top: side === 'top' ? anchor.top - offset - size.height : anchor.top + anchor.height + offset,
        left: clamp(along(anchor.left, anchor.width, size.width), size.width, viewport.width),
      }
    : {
        top: clamp(along(anchor.top, anchor.height, size.height), size.height, viewport.height),
        left: side === 'left' ? anchor.left - offset - size.width : anchor.left + anchor.width + offset,
      };
  return { ...box, placement: align ? `${side}-${align}` : side };
}
