// The manager is bundled with the classic JSX transform, which needs React in scope.
import React from 'react';
import { Button } from 'storybook/internal/components';
import { addons, types, useGlobals } from 'storybook/manager-api';

addons.setConfig({
  toolbar: {
    // Storybook's own zoom tool opens its popover through PopoverProvider without an `ariaLabel` (storybook 10.6.7),
    // so its menu has no accessible name and every page load warns about it. The browser's zoom scales the canvas alike.
    zoom: { hidden: true },
  },
});

const HOUR = 36e5;
const DAY = 24 * HOUR;
const STEPS = [
  { label: '+1 h', name: 'Advance the story clock by one hour', ms: HOUR },
  { label: '+1 d', name: 'Advance the story clock by one day', ms: DAY },
  { label: '+7 d', name: 'Advance the story clock by seven days', ms: 7 * DAY },
];

/** `Clock +2 d 3 h`: how far the toolbar has moved the story's clock (a clock bar on the canvas may have moved it further). */
function label(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.round((ms % DAY) / HOUR);
  const moved = [days && `${days} d`, hours && `${hours} h`].filter(Boolean).join(' ');
  return moved ? `Clock +${moved}` : 'Clock';
}

/**
 * The story clock: the `clock` global is how far the toolbar has moved the story's
 * simulated time (ms); the kit decorator advances its memory platform by each change.
 * Reset starts the story over, since time only runs forward.
 */
function ClockTool() {
  const [globals, updateGlobals] = useGlobals();
  const clock = Number(globals.clock) || 0;
  return (
    <div role="group" aria-label="Story clock" style={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <span style={{ fontSize: 12, padding: '0 6px', whiteSpace: 'nowrap' }}>{label(clock)}</span>
      {STEPS.map((step) => (
        <Button key={step.label} variant="ghost" padding="small" ariaLabel={step.name} onClick={() => updateGlobals({ clock: clock + step.ms })}>
          {step.label}
        </Button>
      ))}
      <Button variant="ghost" padding="small" ariaLabel="Reset the story clock" disabled={!clock} onClick={() => updateGlobals({ clock: 0 })}>
        Reset
      </Button>
    </div>
  );
}

addons.register('upgradekit/clock', () => {
  addons.add('upgradekit/clock/tool', {
    type: types.TOOL,
    title: 'Story clock',
    match: ({ viewMode }) => viewMode === 'story',
    render: ClockTool,
  });
});
