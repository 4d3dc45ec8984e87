import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { ConfigJson } from '../../api/schemas/config.js';
import { useCockpit } from '../../app/CockpitContext.js';
import { useWindow } from '../../app/useWindow.js';
import { ErrorState, Loading } from '../../components/StateViews.js';
import type { EditorProblem } from '../../editor/JsonEditor.js';
import { changedTriggers, SimulationDiff } from './SimulationDiff.js';
import { useAction } from './useAction.js';

// CodeMirror is most of the cockpit's weight and only this screen needs it.
const JsonEditor = lazy(() => import('../../editor/JsonEditor.js'));

/** The edited text as a config object, or why it is not one. */
function parseDraft(text: string): ConfigJson | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as ConfigJson) : null;
  } catch {
    return null;
  }
}

export function ConfigWorkbench({ live, stored, onPublished }: { live: ConfigJson; stored: boolean; onPublished: (version: string) => void }) {
  const { api } = useCockpit();
  const { range } = useWindow();
  const initialText = useMemo(() => `${JSON.stringify(live, null, 2)}\n`, [live]);
  const [text, setText] = useState(initialText);
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const [note, setNote] = useState('');
  // The server's issues are about the text it was sent: once that changes, they may no longer hold.
  const [sent, setSent] = useState<string | null>(null);
  const [simulation, simulate] = useAction(api.simulate);
  const [publish, runPublish] = useAction(api.publish);
  const noteId = useId();
  const draft = parseDraft(text);
  const edited = text !== initialText;
  const ready = draft !== null && problems.length === 0;
  const rejected = [publish, simulation].find((action) => action.status === 'error' && action.problem.kind === 'invalid_config');
  const issues = useMemo(() => (rejected?.status === 'error' && rejected.problem.kind === 'invalid_config' && sent === text ? rejected.problem.issues : []), [rejected, sent, text]);
  const doPublish = async () => {
    setSent(text);
    const result = draft && (await runPublish(draft, note.trim() || undefined));
    if (result) onPublished(result.version);
  };
  return (
    <>
      {!stored && <p className="note" role="status">No config is live yet: write one and publish it.</p>}
      <section className="panel panel--wide" aria-labelledby="editor-title">
        <h2 id="editor-title">Edit</h2>
        <Suspense fallback={<Loading what="the editor" />}>
          <JsonEditor initialText={initialText} onChange={setText} onProblems={setProblems} issues={issues} label="Config JSON" />
        </Suspense>
        <Problems problems={problems} isObject={draft !== null} />
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={!ready || simulation.status === 'running'}
            onClick={() => {
              setSent(text);
              if (draft) void simulate(draft, range);
            }}
          >
            {simulation.status === 'running' ? 'Simulating…' : 'Simulate'}
          </button>
          <label htmlFor={noteId}>Note</label>
          <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} placeholder="What changed and why" />
          <button type="button" className="button button--primary" disabled={!ready || !edited || publish.status === 'running'} onClick={() => void doPublish()}>
            {publish.status === 'running' ? 'Publishing…' : 'Publish'}
          </button>
        </div>
        {publish.status === 'error' && <ErrorState problem={publish.problem} />}
      </section>
      <section className="panel panel--wide" aria-labelledby="simulation-title">
        <h2 id="simulation-title">Simulation</h2>
        {simulation.status === 'idle' && <p className="note">Simulate replays the stored history of the chosen range through the live config and the edited one, and shows the difference per trigger.</p>}
        {simulation.status === 'running' && <Loading what="the simulation" />}
        {simulation.status === 'error' && <ErrorState problem={simulation.problem} />}
        {simulation.status === 'done' && (
          <>
            <p role="status" className="status-line">
              {changedTriggers(simulation.result).length ? `Changes: ${changedTriggers(simulation.result).join(', ')}.` : 'No trigger changes.'}
            </p>
            <SimulationDiff comparison={simulation.result} />
          </>
        )}
      </section>
    </>
  );
}

/** The editor's problems as text, for everyone and for screen readers (the marks in the editor are visual). */
function Problems({ problems, isObject }: { problems: EditorProblem[]; isObject: boolean }) {
  return (
    <div className="problems" role="status" aria-live="polite">
      {problems.length === 0 ? (
        <p className="note">{isObject ? 'Valid against the config schema.' : 'Not a JSON object.'}</p>
      ) : (
        <>
          <p className="problems__title">{problems.length === 1 ? '1 problem' : `${problems.length} problems`}</p>
          <ul>
            {problems.slice(0, 8).map((problem, index) => (
              <li key={index}>
                Line {problem.line}: {problem.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
