import { customer } from './customers.js';
import { getConfig, getVersion, listVersions, putConfig, rollback } from './config.js';
import { postEvents } from './events.js';
import { promptsPerWeekRoute, report, reportSeries } from './report.js';
import type { Route } from './route.js';
import { simulate } from './simulate.js';
import { health, session } from './status.js';

/** Every route of the API, under the prefix (see docs/server.md). A new route is a module and a line here. */
export const ROUTES: readonly Route[] = [
  postEvents,
  getConfig,
  putConfig,
  listVersions,
  getVersion,
  rollback,
  report,
  reportSeries,
  promptsPerWeekRoute,
  simulate,
  customer,
  health,
  session,
];
