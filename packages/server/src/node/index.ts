/** `@upgradekit/server/node`: the handler on Node's `http`, `startServer` for `upgradekit serve`, and `importEvents`. */
export { toNodeListener, withStaticFiles } from './listener.js';
export type { NodeListenerOptions } from './listener.js';
export { startServer } from './startServer.js';
export type { StartedServer, StartServerOptions } from './startServer.js';
export { importEvents } from './importEvents.js';
export type { ImportOptions, ImportProgress, ImportResult } from './importEvents.js';
