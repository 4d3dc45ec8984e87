import { useState } from 'react';
import { useCockpit } from '../../app/CockpitContext.js';
import { useResource } from '../../app/useResource.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorState, Loaded } from '../../components/StateViews.js';
import { ConfigWorkbench } from './ConfigWorkbench.js';
import { VersionHistory } from './VersionHistory.js';
import { useAction } from './useAction.js';

/** A config for a server that has none yet: the smallest one `parseConfig` accepts. */
const STARTER = { features: {}, plans: [{ id: 'free', price: { amount: 0, currency: 'USD', interval: 'month' } }], triggers: [] };

/** The live config in an editor, simulated against stored history, published as a new version, and rolled back. */
export function ConfigScreen() {
  const { api } = useCockpit();
  const [live, reloadLive] = useResource('config:live', async () => {
    try {
      return { config: await api.liveConfig(), stored: true };
    } catch (error) {
      // No config stored yet is a state of its own, not a failure: start from an empty one.
      if ((error as { problem?: { code?: string } }).problem?.code === 'no_config') return { config: STARTER, stored: false };
      throw error;
    }
  });
  const [versions, reloadVersions] = useResource('config:versions', () => api.versions());
  const [rollback, runRollback] = useAction(api.rollback);
  // Outlives the editor, which starts over from each new live config.
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = (message: string) => {
    setNotice(message);
    reloadLive();
    reloadVersions();
  };
  const published = (version: string) => refresh(`Published ${version}: it is live, and remote configs pick it up on their next poll.`);
  const rollBackTo = async (version: string) => {
    const result = await runRollback(version);
    if (result) refresh(`Rolled back to ${version}: ${result.version} is live, and remote configs pick it up on their next poll.`);
  };
  return (
    <>
      <PageHeader title="Config" lead="Edit the live config, simulate it on stored history beside the live one, publish it, or roll back." />
      <p role="status" className="status-line notice">
        {notice}
      </p>
      <Loaded resource={live} what="the live config" onRetry={reloadLive}>
        {(data) => <ConfigWorkbench key={JSON.stringify(data.config)} live={data.config} stored={data.stored} onPublished={published} />}
      </Loaded>
      <section className="panel panel--wide" aria-labelledby="history">
        <h2 id="history">History</h2>
        {rollback.status === 'error' && <ErrorState problem={rollback.problem} />}
        <Loaded resource={versions} what="the config history" onRetry={reloadVersions}>
          {(list) => <VersionHistory versions={list} busy={rollback.status === 'running'} onRollback={(version) => void rollBackTo(version)} />}
        </Loaded>
      </section>
    </>
  );
}
