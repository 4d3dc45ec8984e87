// Bundle budgets, checked in CI by `npm run size`: minified and gzipped, every
// dependency included except react and react-dom, built as a production app is
// (`process.env.NODE_ENV === 'production'`), the way hosts ship UpgradeKit.
//
// What a page loads before its first paint is measured: the remote config and its
// validator are dynamic imports that a host's bundler splits off and loads on
// demand, so they are left out of every row but the one that names them.
// Rows whose design target is not met keep the measured size as their limit, so
// nothing grows unnoticed; the README's size table says why.
const production = (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } });
const LAZY = ['./remoteConfig.js', '../config/parseConfig.js'];
const firstPaint = (config) => ({ ...production(config), external: [...(config.external ?? []), ...LAZY] });
const REACT = ['react', 'react-dom', 'react/jsx-runtime'];
/** What a host that already bundles zod 4 and Floating UI pays nothing extra for. */
const SHARED = [...REACT, 'zod', '@floating-ui/react', '@floating-ui/react-dom', '@floating-ui/dom', '@floating-ui/core', '@floating-ui/utils'];

const core = (name, imports, limit, modifyEsbuildConfig = firstPaint) => ({ name: `@upgradekit/core: ${name}`, path: 'packages/core/dist/index.js', import: imports, limit, gzip: true, modifyEsbuildConfig });
const react = (name, imports, limit, ignore = REACT) => ({
  name: `@upgradekit/react: ${name}`,
  ...(typeof imports === 'string' ? { path: 'packages/react/dist/index.js' } : {}),
  import: imports,
  limit,
  gzip: true,
  ignore,
  modifyEsbuildConfig: firstPaint,
});
const component = (name, limit) => react(`Provider + ${name}`, `{ UpgradeKitProvider, ${name} }`, limit);
/** Every React component, and the prompt engine a host passes to the provider. */
const everything = { 'packages/react/dist/index.js': '*', 'packages/core/dist/index.js': '{ createPromptEngine }' };
/** The cockpit is an app, built by Vite already: its files are measured as they are served, not bundled again. */
const cockpit = (name, file, limit) => ({ name: `@upgradekit/cockpit: ${name}`, path: `packages/cockpit/dist/assets/${file}-*.js`, disablePlugins: ['@size-limit/esbuild'], gzip: true, limit });

export default [
  core('check with a typed config (target 3 kB)', '{ check }', '3 kB'),
  core('parseConfig + check, zod/mini inside (target 13 kB, over by 10 B since triggers take a `route`)', '{ parseConfig, check }', '13.05 kB'),
  core('createUpgradeKit', '{ createUpgradeKit }', '19.5 kB'),
  core('createUpgradeKit with the remote config and its validator loaded', '{ createUpgradeKit }', '24.5 kB', production),
  core('createUpgradeKit + createPromptEngine', '{ createUpgradeKit, createPromptEngine }', '27.5 kB'),
  core('everything in the main entry', '*', '31 kB'),
  react('UpgradeKitProvider + useEntitlement + UsageMeter (target 12 kB, not met)', '{ UpgradeKitProvider, useEntitlement, UsageMeter }', '24 kB'),
  react('UpgradeKitProvider + useEntitlement + UsageMeter, host bundles zod 4', '{ UpgradeKitProvider, useEntitlement, UsageMeter }', '16.5 kB', SHARED),
  react('every component + the prompt engine (target 40 kB, not met)', everything, '62 kB'),
  react('every component + the prompt engine, host bundles zod 4 and Floating UI (target 25 kB, not met)', everything, '34 kB', SHARED),
  component('UsageMeter', '24 kB'),
  component('LimitBanner', '25 kB'),
  component('UpgradeModal', '33 kB'),
  component('TrialModal', '33.5 kB'),
  component('FeatureGate', '21 kB'),
  component('LockedFeature', '45 kB'),
  component('PromptOutlet', '37 kB'),
  component('UpgradeButton', '23 kB'),
  component('PlanPicker', '26 kB'),
  react('UpgradeKitProvider + usePlans', '{ UpgradeKitProvider, usePlans }', '22.5 kB'),
  cockpit('initial JS (React, zod/mini, zustand, visx, every screen)', 'cockpit', '109 kB'),
  cockpit('the config editor (CodeMirror 6, JSON Schema lint and completion), loaded by the Config screen', 'JsonEditor', '126 kB'),
];
