import type { TriggerReport } from '@upgradekit/core/report';
import { LiftWhisker } from '../charts/LiftWhisker.js';
import { readLift } from '../liftReading.js';

/** A trigger's holdout lift: the whisker, a badge with the verdict, and the sentence that says it in words. */
export function LiftCell({ trigger, extent }: { trigger: TriggerReport; extent: number }) {
  const reading = readLift(trigger);
  return (
    <div className="lift" data-verdict={reading.verdict}>
      <span className={`badge badge--${reading.verdict}`}>{reading.label}</span>
      <LiftWhisker interval={trigger.liftInterval} extent={extent} />
      <p className="lift__sentence">{reading.sentence}</p>
    </div>
  );
}
