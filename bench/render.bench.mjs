// React rendering with 200 usage meters on one page (jsdom): what one track()
// re-renders, and what mounting and one track() + commit cost.
// Reads the built packages (npm run build).
import { JSDOM } from 'jsdom';

const METERS = 200;
const RUNS = 7;

/** A page to render into; React and the components read these globals. */
function installDom() {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame']) {
    Object.defineProperty(globalThis, key, { value: key === 'window' ? window : window[key], configurable: true, writable: true });
  }
  return window;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  // Production React, as users ship it; the imports follow so they see the setting.
  process.env.NODE_ENV = 'production';
  const window = installDom();
  const { createElement: h } = await import('react');
  const { createRoot } = await import('react-dom/client');
  const { flushSync } = await import('react-dom');
  const { createUpgradeKit } = await import('../packages/core/dist/index.js');
  const { createMemoryPlatform } = await import('../packages/core/dist/testing.js');
  const { UpgradeKitProvider, UsageMeter } = await import('../packages/react/dist/index.js');

  const ids = Array.from({ length: METERS }, (_, index) => `metric${index}`);
  const config = {
    features: Object.fromEntries(ids.map((id) => [id, { type: 'metered', unit: 'units', reset: 'never' }])),
    plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' }, grants: Object.fromEntries(ids.map((id) => [id, 1_000_000])) }],
  };
  let renders = 0;
  // The render prop runs once per meter render: a render counter that works in production builds.
  const meter = (id) => h(UsageMeter, { key: id, feature: id }, (data) => (renders++, h('p', null, data.text)));

  const mountMs = [];
  const trackUs = [];
  let rerenders = -1;
  for (let pass = 0; pass < RUNS; pass++) {
    const kit = createUpgradeKit({ config, customer: { id: `c${pass}`, plan: 'free' }, platform: createMemoryPlatform() });
    const container = window.document.createElement('div');
    window.document.body.append(container);
    const root = createRoot(container);
    let started = performance.now();
    flushSync(() => root.render(h(UpgradeKitProvider, { client: kit }, ids.map(meter))));
    mountMs.push(performance.now() - started);

    renders = 0;
    flushSync(() => kit.track('metric42'));
    rerenders = Math.max(rerenders, renders);

    const iterations = 200;
    started = performance.now();
    for (let index = 0; index < iterations; index++) flushSync(() => kit.track(ids[index % METERS]));
    trackUs.push(((performance.now() - started) / iterations) * 1000);
    if (!container.textContent.includes('of 1,000,000 units')) throw new Error('meters did not render their text');

    flushSync(() => root.unmount());
    container.remove();
    kit.destroy();
  }

  return [
    {
      name: `meters re-rendered by one track() (${METERS} on the page)`,
      value: rerenders,
      unit: 'renders',
      baseline: { name: 'meters on the page', value: METERS },
      note: 'each hook reads one feature\'s check result, which keeps its identity while that feature is unchanged',
    },
    { name: `mount ${METERS} UsageMeters (jsdom, production React)`, value: median(mountMs), unit: 'ms' },
    { name: `track() + synchronous commit, ${METERS} meters mounted`, value: median(trackUs), unit: 'µs/op' },
  ];
}
