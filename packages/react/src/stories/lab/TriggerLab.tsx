import { useId } from 'react';
import { PromptOutlet } from '../../components/PromptOutlet.js';
import { useUpgradeKit } from '../../hooks/useUpgradeKit.js';
import { ClockBar } from './ClockBar.js';
import { ExplanationPanel } from './ExplanationPanel.js';
import { SignalPanel } from './SignalPanel.js';
import './lab.css';

/**
 * One trigger at work: the signals it reads and the controls that feed them, the
 * simulated clock, the engine's explanation, and the prompt the arbiter shows
 * (through PromptOutlet, as an app renders it).
 */
export function TriggerLab({ triggerId }: { triggerId: string }) {
  const kit = useUpgradeKit();
  const promptId = useId();
  const trigger = kit.config.triggers.find((candidate) => candidate.id === triggerId);
  return (
    <div className="lab">
      <header className="lab-header">
        <h2>
          Trigger lab: <code>{triggerId}</code>
        </h2>
        {trigger?.description && <p className="lab-muted">{trigger.description}</p>}
        <ClockBar />
      </header>
      <SignalPanel />
      <ExplanationPanel triggerId={triggerId} />
      <section aria-labelledby={promptId} className="lab-panel lab-prompt">
        <h3 id={promptId}>The prompt</h3>
        <p className="lab-muted">Banners and meters appear here; modals open over the page.</p>
        <PromptOutlet />
      </section>
    </div>
  );
}
