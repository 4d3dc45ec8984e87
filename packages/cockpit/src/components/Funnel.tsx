import type { FunnelStats } from '@upgradekit/core/report';
import { BarTable } from '../charts/BarTable.js';
import { count } from '../format.js';

/** fired → shown → clicked → converted as bars on one scale, each with its count. */
export function Funnel({ funnel, caption }: { funnel: FunnelStats; caption: string }) {
  const steps = [
    { key: 'fired', label: 'Fired', value: funnel.fired },
    { key: 'shown', label: 'Shown', value: funnel.shown },
    { key: 'clicked', label: 'Clicked', value: funnel.clicked },
    { key: 'converted', label: 'Converted', value: funnel.conversions },
  ];
  return <BarTable className="funnel" caption={caption} rows={steps.map((step) => ({ ...step, text: count(step.value) }))} />;
}
