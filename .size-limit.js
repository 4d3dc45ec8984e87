// Bundle budgets, checked in CI by `npm run size`: minified and gzipped, every
// dependency included except react and react-dom, built as a production app is
// (`process.env.NODE_ENV === 'production'`), the way hosts ship UpgradeKit.
const production = (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } });
const REACT = ['react', 'react-dom', 'react/jsx-runtime'];
/** What a host that already bundles zod 4 and Floating UI pays nothing extra for. */
const SHARED = [...REACT, 'zod', '@floating-ui/react', '@floating-ui/react-dom', '@floating-ui/dom', '@floating-ui/core', '@floating-ui/utils'];

const core = (name, imports, limit) => ({ name: `@upgradekit/core: ${name}`, path: 'packages/core/dist/index.js', import: imports, limit, gzip: true, modifyEsbuildConfig: production });
const react = (name, imports, limit, ignore = REACT) => ({
  name: `@upgradekit/react: ${name}`,
  path: 'packages/react/dist/index.js',
  import: imports,
  limit,
  gzip: true,
  ignore,
  modifyEsbuildConfig: production,
});
const component = (name, limit) => react(`Provider + ${name}`, `{ UpgradeKitProvider, ${name} }`, limit);

export default [
  core('check with a typed config', '{ check }', '3 kB'),
  core('parseConfig + check (zod/mini inside)', '{ parseConfig, check }', '13 kB'),
  core('createUpgradeKit', '{ createUpgradeKit }', '16 kB'),
  core('createUpgradeKit + createPromptEngine', '{ createUpgradeKit, createPromptEngine }', '20 kB'),
  core('everything', '*', '32 kB'),
  react('UpgradeKitProvider + useEntitlement + UsageMeter', '{ UpgradeKitProvider, useEntitlement, UsageMeter }', '12 kB'),
  react('every component + the prompt engine', '*', '40 kB'),
  react('every component, in a host that already bundles zod 4 and Floating UI', '*', '25 kB', SHARED),
  component('UsageMeter', '17 kB'),
  component('LimitBanner', '18 kB'),
  component('UpgradeModal', '19 kB'),
  component('TrialModal', '19 kB'),
  component('FeatureGate', '16 kB'),
  component('LockedFeature', '30 kB'),
  component('PromptOutlet', '26 kB'),
  component('UpgradeButton', '17 kB'),
];
