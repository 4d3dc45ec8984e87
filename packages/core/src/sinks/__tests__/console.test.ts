import { describe, expect, it, vi } from 'vitest';
import type { UpgradeKitEvent } from '../../conversion/events.js';
import { createConsoleSink } from '../console.js';
import { trial, upgrade, usage } from './helpers.js';

const common = { v: 1 as const, id: 'evt1', at: 0, customerId: 'cus_1', mrr: 29, sdkVersion: '0.1.0' };
const trigger = { triggerId: 'power-user-pdf', variant: 'b' };

const lines: Array<[UpgradeKitEvent, string]> = [
  [usage(3), '[upgradekit] usage.tracked feature=apiCalls +1 (usage 3) customer=cus_1 id=evt000003'],
  [{ ...common, type: 'gate.hit', feature: 'pdfExport' }, '[upgradekit] gate.hit feature=pdfExport customer=cus_1 id=evt1'],
  [
    { ...common, type: 'event.recorded', name: 'admin.invited', props: { role: 'editor', seats: 3 } },
    '[upgradekit] event.recorded name=admin.invited role=editor seats=3 customer=cus_1 id=evt1',
  ],
  [{ ...common, type: 'trigger.fired', ...trigger }, '[upgradekit] trigger.fired trigger=power-user-pdf variant=b customer=cus_1 id=evt1'],
  [{ ...common, type: 'prompt.held_out', ...trigger }, '[upgradekit] prompt.held_out trigger=power-user-pdf variant=b customer=cus_1 id=evt1'],
  [
    { ...common, type: 'prompt.shown', kind: 'modal', placement: 'editor', ...trigger },
    '[upgradekit] prompt.shown trigger=power-user-pdf variant=b kind=modal placement=editor customer=cus_1 id=evt1',
  ],
  [{ ...common, type: 'prompt.clicked', cta: 'upgrade', ...trigger }, '[upgradekit] prompt.clicked trigger=power-user-pdf variant=b cta=upgrade customer=cus_1 id=evt1'],
  [
    { ...common, type: 'prompt.dismissed', reason: 'too_expensive', forever: true, ...trigger },
    '[upgradekit] prompt.dismissed trigger=power-user-pdf variant=b reason=too_expensive forever customer=cus_1 id=evt1',
  ],
  [trial(4), '[upgradekit] trial.started plan=team ends=2026-01-08T00:00:00.000Z customer=cus_1 id=evt000004'],
  [{ ...common, type: 'trial.ended', feature: 'pdfExport' }, '[upgradekit] trial.ended feature=pdfExport customer=cus_1 id=evt1'],
  [upgrade(5), '[upgradekit] upgrade.completed trigger=power-user-pdf variant=control free → pro mrrDelta=+29 customer=cus_1 id=evt000005'],
];

describe('createConsoleSink', () => {
  it.each(lines)('one line for %o', (event, line) => {
    const log = vi.fn();
    createConsoleSink({ log }).send(event);
    expect(log).toHaveBeenCalledExactlyOnceWith(line);
    expect(line).not.toContain('\n');
  });

  it('logs with console.log by default', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    createConsoleSink().send(usage(1));
    expect(log).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/^\[upgradekit\] usage\.tracked /));
    log.mockRestore();
  });
});
