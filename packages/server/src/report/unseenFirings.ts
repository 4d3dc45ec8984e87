import { CONTROL } from '@upgradekit/core/internal';
import type { ConversionReport, TriggerReport } from '@upgradekit/core/report';
import type { Firings } from '../store/types.js';

/*
 * The accumulator saw the first `trigger.fired` of each trigger, variant and config
 * version (which puts them in the report where the whole stream would); the
 * database counted the rest, which only add to the fired counts: no rate or other
 * figure reads them.
 */

function addFired(triggers: TriggerReport[], triggerId: string, variant: string, extra: number): void {
  const trigger = triggers.find((candidate) => candidate.triggerId === triggerId);
  const funnel = trigger?.variants.find((candidate) => candidate.variant === variant);
  if (!trigger || !funnel) throw new Error(`[upgradekit] the report has no variant ${variant} of trigger ${triggerId}, yet one of its firings was counted`);
  trigger.fired += extra;
  funnel.fired += extra;
}

/** Adds to `report` the firings of each group beyond the one the accumulator counted. */
export function addUnseenFirings(report: ConversionReport, firings: Firings): void {
  for (const { triggerId, variant, configVersion, count } of firings) {
    if (count <= 1) continue;
    addFired(report.triggers, triggerId, variant ?? CONTROL, count - 1);
    const version = report.versions?.find((candidate) => candidate.configVersion === configVersion);
    if (version) addFired(version.triggers, triggerId, variant ?? CONTROL, count - 1);
  }
}
