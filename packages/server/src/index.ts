/** `@upgradekit/server`: the fetch handler. Stores: `@upgradekit/server/pglite`, `/postgres`; Node's `http`: `/node`. */
export { createUpgradeKitServer } from './handler.js';
export type { UpgradeKitServer } from './handler.js';
export type { ServerLimits, UpgradeKitServerOptions } from './options.js';
export type { WriteKeys } from './http/auth.js';
export type { WebhookEndpoint, WebhookOptions } from './webhooks/options.js';
export type { WebhookBody } from './webhooks/payload.js';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER } from './webhooks/signature.js';
export type { VerifyWebhookOptions } from './webhooks/signature.js';
export type { Distribution, PromptsPerWeek } from './report/promptsPerWeek.js';
export type { SeriesPoint } from './report/series.js';
export type { ConfigVersion, EventScope, FiringInput, IngestOptions, IngestResult, StoreKind, StoredConfig, UpgradeKitStore } from './store/types.js';
