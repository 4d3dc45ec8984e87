import { json } from '../http/responses.js';
import { promptsPerWeek } from '../report/promptsPerWeek.js';
import { choice, scopeOf } from '../report/scope.js';
import { weeklySeries } from '../report/series.js';
import { storeReport } from '../report/serverReport.js';
import type { Route } from './route.js';

/* The cross-customer report, over the stored events and the live config. */

/** `GET /report?from&to&by=trigger|variant|version&app`: the `ConversionReport` (variants are always inside their trigger; `version` adds `versions`). */
export const report: Route = {
  method: 'GET',
  path: '/report',
  access: 'admin',
  async handle({ url, server }) {
    const by = choice(url, 'by', ['trigger', 'variant', 'version'], 'trigger');
    const config = await server.live.require('The report');
    return json(await storeReport(server.options.store, config, scopeOf(url), { byConfigVersion: by === 'version' }));
  },
};

/** `GET /report/series?from&to&interval=week&app`: the report week by week. */
export const reportSeries: Route = {
  method: 'GET',
  path: '/report/series',
  access: 'admin',
  async handle({ url, server }) {
    choice(url, 'interval', ['week'], 'week');
    const config = await server.live.require('The report');
    return json(await weeklySeries(server.options.store, config, scopeOf(url)));
  },
};

/** `GET /report/prompts-per-week?from&to&app`: prompts shown per active customer-week, median and p95. */
export const promptsPerWeekRoute: Route = {
  method: 'GET',
  path: '/report/prompts-per-week',
  access: 'admin',
  handle: async ({ url, server }) => json(await promptsPerWeek(server.options.store, scopeOf(url))),
};
