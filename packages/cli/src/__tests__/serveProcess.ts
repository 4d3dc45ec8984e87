import { startServe as start, type Serving } from '../../../../scripts/upgradekitProcess.mjs';

export type { Serving };

/** `upgradekit serve ...args` once it listens, with no admin token from this environment unless `env` gives one. */
export const startServe = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Serving> => start(args, { env: { UPGRADEKIT_ADMIN_TOKEN: '', ...env } });
