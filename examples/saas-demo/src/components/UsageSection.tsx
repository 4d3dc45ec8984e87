import { UsageMeter, useUpgradeKit } from '@upgradekit/react';
import { useEffectivePlan } from '../hooks';

export function UsageSection({ onNotice }: { onNotice: (message: string) => void }) {
  const kit = useUpgradeKit();
  const { name, trialDaysLeft } = useEffectivePlan();

  const runImport = () => {
    if (!kit.check('apiCalls', { attempt: true }).allowed) {
      onNotice('The import is paused: this month’s API calls are used up.');
      return;
    }
    kit.track('apiCalls', 120);
    onNotice('Imported 120 records from your CRM.');
  };
  const invite = () => {
    if (!kit.check('seats', { attempt: true }).allowed) {
      onNotice('Every seat is taken. Add seats or upgrade to invite more teammates.');
      return;
    }
    kit.track('seats');
    onNotice('Invitation sent.');
  };

  return (
    <section id="usage" className="card" aria-labelledby="usage-title">
      <div className="section-head">
        <div>
          <h2 id="usage-title">Plan usage</h2>
          <p className="muted">
            {name} {trialDaysLeft === null ? 'plan' : 'trial'} · API calls reset monthly
          </p>
        </div>
        <div className="section-head__actions">
          <button type="button" className="btn" onClick={runImport}>
            Run CRM import
          </button>
          <button type="button" className="btn" onClick={invite}>
            Invite teammate
          </button>
        </div>
      </div>
      <div className="meters">
        <UsageMeter feature="projects" />
        <UsageMeter feature="apiCalls" />
        <UsageMeter feature="seats" />
      </div>
    </section>
  );
}
