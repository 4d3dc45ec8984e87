import type { VersionReport } from '@upgradekit/core/report';
import { ScrollTable } from '../components/ScrollTable.js';
import { Empty } from '../components/StateViews.js';
import { count, day, percent, points } from '../format.js';

/** The trigger's figures under each config version the events were recorded with, earliest first. */
export function VersionTable({ triggerId, versions }: { triggerId: string; versions: VersionReport[] }) {
  const rows = versions.flatMap((version) => {
    const trigger = version.triggers.find((candidate) => candidate.triggerId === triggerId);
    return trigger ? [{ version, trigger }] : [];
  });
  if (rows.length === 0) return <Empty title="No config version recorded">{null}</Empty>;
  return (
    <ScrollTable label={`${triggerId} by config version`}>
      <caption>Each figure counts the events recorded under that config version.</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Events from</th>
          <th scope="col">to</th>
          <th scope="col">Shown</th>
          <th scope="col">Conversions</th>
          <th scope="col">Conversion rate</th>
          <th scope="col">Lift</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ version, trigger }) => (
          <tr key={version.configVersion ?? '(none)'} data-version={version.configVersion ?? ''}>
            <th scope="row">{version.configVersion ?? '(unnamed)'}</th>
            <td>{day(version.firstAt)}</td>
            <td>{day(version.lastAt)}</td>
            <td>{count(trigger.shown)}</td>
            <td>{count(trigger.conversions)}</td>
            <td>{percent(trigger.conversionRate)}</td>
            <td>{points(trigger.liftInterval.difference)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
