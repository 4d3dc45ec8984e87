import { describe, expect, it } from 'vitest';
import { position, type Box, type Placement } from '../position.js';

const viewport = { width: 800, height: 600 };
const size = { width: 200, height: 100 };
/** A 100×40 control at (left, top). */
const at = (left: number, top: number) => ({ left, top, width: 100, height: 40 });

describe('position', () => {
  it.each<[string, Placement, Box, { top: number; left: number; placement: Placement }]>([
    ['above, centred, 8px off', 'top', at(350, 300), { top: 192, left: 300, placement: 'top' }],
    ['below', 'bottom', at(350, 300), { top: 348, left: 300, placement: 'bottom' }],
    ['left of it, centred vertically', 'left', at(350, 300), { top: 270, left: 142, placement: 'left' }],
    ['right of it', 'right', at(350, 300), { top: 270, left: 458, placement: 'right' }],
    ['below when there is no room above', 'top', at(350, 50), { top: 98, left: 300, placement: 'bottom' }],
    ['above when there is no room below', 'bottom', at(350, 520), { top: 412, left: 300, placement: 'top' }],
    ['right when there is no room on the left', 'left', at(100, 300), { top: 270, left: 208, placement: 'right' }],
    ['left when there is no room on the right', 'right', at(650, 300), { top: 270, left: 442, placement: 'left' }],
    ['shifted right to keep 8px from the left edge', 'top', at(0, 300), { top: 192, left: 8, placement: 'top' }],
    ['shifted left to keep 8px from the right edge', 'bottom', at(720, 300), { top: 348, left: 592, placement: 'bottom' }],
    ['shifted down to keep 8px from the top edge', 'right', at(100, 0), { top: 8, left: 208, placement: 'right' }],
    ['above, aligned with its start edge', 'top-start', at(350, 300), { top: 192, left: 350, placement: 'top-start' }],
    ['below, aligned with its end edge', 'bottom-end', at(350, 300), { top: 348, left: 250, placement: 'bottom-end' }],
    ['right, aligned with its top edge', 'right-start', at(350, 300), { top: 300, left: 458, placement: 'right-start' }],
    ['flipped below, keeping the alignment', 'top-end', at(350, 50), { top: 98, left: 250, placement: 'bottom-end' }],
    ['aligned with the start, still shifted into view', 'bottom-start', at(700, 300), { top: 348, left: 592, placement: 'bottom-start' }],
  ])('%s', (_case, placement, anchor, expected) => {
    expect(position(anchor, size, viewport, placement)).toEqual(expected);
  });

  it('keeps the preferred side when neither side fits and it has more room', () => {
    // 60px above and 40px below the control (in a 140px viewport): neither fits 108px, above has more room.
    expect(position({ left: 350, top: 60, width: 100, height: 40 }, size, { width: 800, height: 140 }, 'top').placement).toBe('top');
    expect(position({ left: 350, top: 60, width: 100, height: 40 }, size, { width: 800, height: 140 }, 'bottom').placement).toBe('top');
  });

  it('keeps the start of a popover wider than the viewport in view', () => {
    expect(position(at(100, 300), { width: 400, height: 100 }, { width: 300, height: 600 }, 'top').left).toBe(8);
  });
});
