/** Deterministic platforms for tests, servers and SSR: `@upgradekit/core/testing`. */
export { createMemoryPlatform, createMemoryStorage, createMemoryTabs } from './platform/memory.js';
export type { MemoryPlatform, MemoryPlatformOptions, MemoryTabs } from './platform/memory.js';
/** The seeded generator the memory platform draws from, for histories and faults that repeat run after run. */
export { seededRandom } from './utils/seededRandom.js';
