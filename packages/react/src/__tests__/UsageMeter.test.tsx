import { act, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { defineConfig } from '@upgradekit/core';
import { UsageMeter } from '../index.js';
import { customer, expectNoAxeViolations, renderWithKit } from './helpers.js';

describe('UsageMeter', () => {
  it.each([
    ['ok', 1234, '1,234 of 2,000 API calls · resets Dec 1', null],
    ['warning', 1700, '1,700 of 2,000 API calls · resets Dec 1', 'Nearing your limit'],
    ['critical', 1950, '1,950 of 2,000 API calls · resets Dec 1', 'Almost at your limit'],
    ['exceeded', 2100, '2,100 of 2,000 API calls · resets Dec 1', 'Limit reached'],
  ])('shows the %s state as a meter with values, text, and words besides colour', async (state, usage, text, status) => {
    const { container } = renderWithKit(<UsageMeter feature="apiCalls" className="mine" />, { customer: customer({ apiCalls: usage }) });
    const meter = screen.getByRole('meter', { name: 'API calls' });
    expect(meter.getAttribute('aria-valuemin')).toBe('0');
    expect(meter.getAttribute('aria-valuemax')).toBe('2000');
    expect(meter.getAttribute('aria-valuenow')).toBe(String(Math.min(usage, 2000)));
    expect(meter.getAttribute('aria-valuetext')).toBe(status ? `${text}. ${status}` : text);
    const root = container.querySelector('.uk-meter')!;
    expect(root.getAttribute('data-state')).toBe(state);
    expect(root.classList.contains('mine')).toBe(true);
    expect(screen.getByText(text)).toBeTruthy();
    if (status) {
      expect(screen.getByText(status)).toBeTruthy();
      expect(root.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
      expect(screen.getByRole('button', { name: 'Upgrade to Pro' })).toBeTruthy();
    } else {
      expect(screen.queryByRole('button')).toBeNull();
    }
    await expectNoAxeViolations(container);
  });

  it('shows unlimited usage as text, without a meter', async () => {
    const { container } = renderWithKit(<UsageMeter feature="apiCalls" />, { customer: customer({ apiCalls: 123456 }, { plan: 'team' }) });
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.getByText('123,456 API calls · unlimited')).toBeTruthy();
    expect(container.querySelector('.uk-meter')!.getAttribute('data-state')).toBe('unlimited');
    await expectNoAxeViolations(container);
  });

  it('takes thresholds from props over the config', () => {
    const { container } = renderWithKit(<UsageMeter feature="apiCalls" thresholds={{ warning: 0.5 }} />);
    expect(container.querySelector('.uk-meter')!.getAttribute('data-state')).toBe('warning');
  });

  it('renders nothing for a feature it cannot measure', () => {
    const { container } = renderWithKit(<UsageMeter feature="nope" />);
    expect(container.innerHTML).toBe('');
  });

  it('formats for the locale and takes copy from the provider and the component', () => {
    renderWithKit(
      <>
        <UsageMeter feature="apiCalls" />
        <UsageMeter feature="projects" label="Projekte" messages={{ meterUsage: '{usage}/{limit}' }} />
      </>,
      {
        customer: customer({ apiCalls: 1234, projects: 1 }),
        provider: { locale: 'de-DE', messages: { meterUsage: '{usage} von {limit} {unit}', meterResets: 'neu ab {date}' } },
      },
    );
    expect(screen.getByText('1.234 von 2.000 API calls · neu ab 1. Dez.')).toBeTruthy();
    expect(screen.getByText('1/3')).toBeTruthy();
  });

  it('has an unstyled path: fully custom markup from a render prop', () => {
    renderWithKit(
      <UsageMeter feature="apiCalls">
        {(meter) => (
          <figure data-custom={meter.state}>
            <progress value={meter.usage} max={meter.limit === 'unlimited' ? undefined : meter.limit} aria-label={meter.name} />
            <figcaption>
              {meter.percent}% · {meter.text}
            </figcaption>
          </figure>
        )}
      </UsageMeter>,
      { customer: customer({ apiCalls: 1700 }) },
    );
    expect(screen.getByRole('progressbar', { name: 'API calls' })).toBeTruthy();
    expect(screen.getByText('85% · 1,700 of 2,000 API calls · resets Dec 1').closest('figure')!.getAttribute('data-custom')).toBe('warning');
    expect(document.querySelector('.uk-meter')).toBeNull();
  });

  it('updates when usage is tracked', () => {
    const { kit, container } = renderWithKit(<UsageMeter feature="apiCalls" />, { customer: customer({ apiCalls: 1999 }) });
    expect(container.querySelector('.uk-meter')!.getAttribute('data-state')).toBe('critical');
    act(() => kit.track('apiCalls'));
    expect(container.querySelector('.uk-meter')!.getAttribute('data-state')).toBe('exceeded');
    expect(within(container).getByText('Limit reached')).toBeTruthy();
  });
});

describe('re-rendering', () => {
  it('tracking feature A re-renders only the component that shows A', () => {
    const renders = { a: 0, b: 0 };
    const { kit } = renderWithKit(
      <>
        <Profiler id="a" onRender={() => renders.a++}>
          <UsageMeter feature="apiCalls" />
        </Profiler>
        <Profiler id="b" onRender={() => renders.b++}>
          <UsageMeter feature="projects" />
        </Profiler>
      </>,
    );
    const before = { ...renders };
    act(() => kit.track('apiCalls', 10));
    expect(renders.a).toBe(before.a + 1);
    expect(renders.b).toBe(before.b);
    expect(screen.getByText('1,244 of 2,000 API calls · resets Dec 1')).toBeTruthy();
  });

  it('200 meters on a page and one track() cause one re-render', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `metric${index}`);
    const many = defineConfig({
      features: Object.fromEntries(ids.map((id) => [id, { type: 'metered' as const, unit: 'units', reset: 'never' as const }])),
      plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: Object.fromEntries(ids.map((id) => [id, 100])) }],
    });
    let renders = 0;
    const { kit } = renderWithKit(
      ids.map((id) => (
        <Profiler key={id} id={id} onRender={() => renders++}>
          <UsageMeter feature={id} />
        </Profiler>
      )),
      { config: many, customer: { id: 'c1', plan: 'free' } },
    );
    expect(screen.getAllByRole('meter')).toHaveLength(200);
    renders = 0;
    act(() => kit.track('metric42', 5));
    expect(renders).toBe(1);
    expect(screen.getByRole('meter', { name: 'metric42' }).getAttribute('aria-valuenow')).toBe('5');
  });
});
