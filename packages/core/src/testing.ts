/** Deterministic platforms for tests, servers and SSR: `@upgradekit/core/testing`. */
export { createMemoryPlatform, createMemoryStorage, createMemoryTabs } from './platform/memory.js';
export type { MemoryPlatform, MemoryPlatformOptions, MemoryTabs } from './platform/memory.js';
