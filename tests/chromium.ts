// The suites' import of tests/chromium.mjs, which the screenshot scripts share.
export { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
