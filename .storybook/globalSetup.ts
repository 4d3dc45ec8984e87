import { ensureChromium } from '../tests/chromium.js';

/** Runs before the browser is launched, and only when story tests run. */
export default function setup() {
  ensureChromium('Story tests');
}
