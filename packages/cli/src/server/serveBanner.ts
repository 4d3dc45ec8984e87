import type { StoredConfig } from '@upgradekit/server';

/** What `upgradekit serve` says once it listens: where everything is, and how to get in. */
export interface ServeFacts {
  url: string;
  dataLocation: string;
  /** Whether the built cockpit is served at `/`. */
  cockpit: boolean;
  writeKey: string | undefined;
  app: string;
  adminToken: string;
  /** Where the admin token came from. */
  tokenSource: 'flag' | 'env' | 'generated';
  allowedOrigins: readonly string[];
  live: Pick<StoredConfig, 'version' | 'createdAt' | 'author'> | null;
  /** The `--config` file, if one was given. */
  configPath: string | undefined;
  /** When the server started (epoch ms): a live config stored since then is the `--config` one. */
  startedAt: number;
}

const TOKEN_SOURCE = {
  flag: '',
  env: ' (from UPGRADEKIT_ADMIN_TOKEN)',
  generated: ' (generated for this run: pass --admin-token or set UPGRADEKIT_ADMIN_TOKEN to keep one)',
} as const;

function liveConfigLine({ live, configPath, startedAt }: ServeFacts): string {
  if (!live) return 'none yet: publish one in the cockpit, or restart with --config <file>';
  if (configPath !== undefined && live.createdAt >= startedAt) return `${live.version}, from ${configPath}`;
  const since = `${live.version}, published ${new Date(live.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC by ${live.author}`;
  return configPath === undefined ? since : `${since} (kept: --config is used only while the store holds no config)`;
}

/** The lines printed at start, one fact each, aligned for reading. */
export function serveBanner(facts: ServeFacts): string {
  const rows: Array<[string, string]> = [
    ['API', `${facts.url}/api`],
    ['Cockpit', facts.cockpit ? `${facts.url}/` : 'not built (npm run build -w @upgradekit/cockpit); the API alone is served'],
    ['Data', facts.dataLocation],
    ['Live config', liveConfigLine(facts)],
    ['Write key', facts.writeKey === undefined ? 'none: ingest refuses every request (pass --write-key)' : `${facts.writeKey} (its events go to app "${facts.app}")`],
    ['Admin token', `${facts.adminToken}${TOKEN_SOURCE[facts.tokenSource]}`],
    ['Allowed origins', facts.allowedOrigins.length ? facts.allowedOrigins.join(', ') : 'none (same-origin pages and non-browser clients only)'],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return `UpgradeKit server on ${facts.url}\n${rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)} ${value}`).join('\n')}\nPress Ctrl-C to stop.\n`;
}
