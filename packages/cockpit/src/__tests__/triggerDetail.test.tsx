import { buildReport } from '@upgradekit/core/report';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { percent } from '../format.js';
import { promptsPerWeek } from './fakeApi/reports.js';
import { axeProblems, history, liveConfig, renderCockpit, rowText, screenLoaded, serverDown } from './harness.js';

const report = buildReport(history, liveConfig, { byConfigVersion: true });
const trigger = report.triggers.find((candidate) => candidate.triggerId === 'power-user-pdf')!;
const section = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('section')!;

describe('Trigger detail', () => {
  it('puts the variants side by side, each with its own figures', async () => {
    renderCockpit({ at: '/triggers/power-user-pdf' });
    await screenLoaded('power-user-pdf');
    const table = within(section('Variants side by side')).getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Figure', 'control', 'short-copy']);
    const [control, short] = ['control', 'short-copy'].map((id) => trigger.variants.find((variant) => variant.variant === id)!);
    expect(rowText(table, 'Shown')).toBe(`Shown${control!.shown}${short!.shown}`);
    expect(rowText(table, 'Conversion rate')).toBe(`Conversion rate${percent(control!.conversionRate)}${percent(short!.conversionRate)}`);
    expect(table.querySelector('caption')!.textContent).toBe(`Held out: ${trigger.heldOutCustomers} customers, ${trigger.heldOutConversions} converted (${percent(trigger.holdoutConversionRate)})`);
    expect(await axeProblems()).toEqual([]);
  });

  it('counts dismissals by reason and conversions by what the customer last did', async () => {
    renderCockpit({ at: '/triggers/power-user-pdf' });
    await screenLoaded('power-user-pdf');
    const reasons = within(section('Dismissal reasons')).getByRole('table');
    const { dismissed, conversionsByLastAction: last } = trigger;
    expect(dismissed.total).toBeGreaterThan(0);
    expect(['Not now', 'Too expensive', 'Not needed', 'Other', 'No reason given'].map((label) => rowText(reasons, label))).toEqual([
      `Not now${dismissed.not_now}`,
      `Too expensive${dismissed.too_expensive}`,
      `Not needed${dismissed.not_needed}`,
      `Other${dismissed.other}`,
      `No reason given${dismissed.unspecified}`,
    ]);
    const actions = within(section('Conversions by what the customer last did')).getByRole('table');
    expect(['Clicked it', 'Dismissed it', 'Only saw it'].map((label) => rowText(actions, label))).toEqual([`Clicked it${last.clicked}`, `Dismissed it${last.dismissed}`, `Only saw it${last.seen}`]);
  });

  it('gives prompts per customer per week and the config version each figure came from', async () => {
    renderCockpit({ at: '/triggers/power-user-pdf' });
    await screenLoaded('power-user-pdf');
    const load = promptsPerWeek(history, liveConfig).triggers['power-user-pdf']!;
    expect(section('Prompts per customer per week').textContent).toContain(`This trigger: median${load.median}`);
    const versions = within(section('By config version')).getByRole('table');
    const v1 = report.versions!.find((version) => version.configVersion === 'v1')!.triggers.find((candidate) => candidate.triggerId === 'power-user-pdf')!;
    expect(rowText(versions, 'v1')).toContain(`${v1.shown}${v1.conversions}${percent(v1.conversionRate)}`);
  });

  it('says so when no trigger has that name', async () => {
    renderCockpit({ at: '/triggers/no-such-trigger' });
    await screenLoaded('no-such-trigger');
    expect(screen.getByText('No trigger "no-such-trigger"')).toBeTruthy();
    expect(await axeProblems()).toEqual([]);
  });

  it('keeps the figures it has when only prompts per week fail', async () => {
    renderCockpit({ at: '/triggers/power-user-pdf', fetch: (api) => (input, init) => (String(input).includes('prompts-per-week') ? serverDown()() : api.fetch(input, init)) });
    await screenLoaded('power-user-pdf');
    expect(within(section('Prompts per customer per week')).getByRole('alert').textContent).toContain('cannot be reached');
    expect(within(section('Dismissal reasons')).getByRole('table')).toBeTruthy();
  });
});
