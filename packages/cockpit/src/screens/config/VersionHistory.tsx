import type { VersionEntry } from '../../api/schemas/config.js';
import { ScrollTable } from '../../components/ScrollTable.js';
import { Empty } from '../../components/StateViews.js';
import { dateTime } from '../../format.js';

/** Every stored version, newest first, with who published it and when; any but the live one can be rolled back to. */
export function VersionHistory({ versions, busy, onRollback }: { versions: VersionEntry[]; busy: boolean; onRollback: (version: string) => void }) {
  if (versions.length === 0) return <Empty title="No versions yet">{null}</Empty>;
  return (
    <ScrollTable label="Config versions">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Note</th>
          <th scope="col">
            <span className="sr-only">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {versions.map((entry) => (
          <tr key={entry.version} data-version={entry.version} data-live={entry.live}>
            <th scope="row">
              {entry.version}
              {entry.live && <span className="badge badge--lifts">Live</span>}
            </th>
            <td>{dateTime(entry.createdAt)}</td>
            <td>{entry.author}</td>
            <td>{[entry.note, entry.rollbackOf && `rollback to ${entry.rollbackOf}`].filter(Boolean).join(' · ') || '—'}</td>
            <td>
              {!entry.live && (
                <button type="button" className="button" disabled={busy} onClick={() => onRollback(entry.version)}>
                  Roll back to {entry.version}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
