import { useId, useState, type FormEvent } from 'react';
import type { CustomerAnswer, Explanation } from '../api/schemas/customer.js';
import { useCockpit } from '../app/CockpitContext.js';
import { useResource } from '../app/useResource.js';
import { PageHeader } from '../components/PageHeader.js';
import { ScrollTable } from '../components/ScrollTable.js';
import { Empty, ErrorState, Loading } from '../components/StateViews.js';
import { count, dateTime } from '../format.js';

const STATUS: Record<Explanation['status'], string> = {
  shown: 'Would be shown',
  held_out: 'Fires, held out',
  suppressed: 'Fires, held back by governance',
  not_fired: 'Does not fire',
  unknown_trigger: 'Unknown trigger',
};

/** One customer: why each trigger fires or not for them (a replay of their stored events), and the prompts they were shown. */
export function CustomerLookup({ customerId }: { customerId: string | null }) {
  const { navigate } = useCockpit();
  const [draft, setDraft] = useState(customerId ?? '');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = draft.trim();
    if (id) navigate(`/customers/${encodeURIComponent(id)}`);
  };
  return (
    <>
      <PageHeader title="Customer lookup" lead="Each trigger's conditions against one customer's stored events, and their prompt history." />
      <form className="lookup" role="search" onSubmit={submit}>
        <label htmlFor={inputId}>Customer id</label>
        <input id={inputId} value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="cus_0042" autoComplete="off" spellCheck={false} required />
        <button type="submit" className="button button--primary">
          Look up
        </button>
      </form>
      {customerId ? <CustomerView key={customerId} customerId={customerId} /> : <Empty title="Enter a customer id">{null}</Empty>}
    </>
  );
}

function CustomerView({ customerId }: { customerId: string }) {
  const { api } = useCockpit();
  const [customer, reload] = useResource(`customer:${customerId}`, () => api.customer(customerId));
  if (customer.status === 'loading') return <Loading what={`customer ${customerId}`} />;
  if (customer.status === 'error') {
    if (customer.problem.kind === 'not_found') {
      return (
        <Empty title={`No events stored for "${customerId}"`}>
          <p>Check the id as the app sends it (the customer's `id` given to UpgradeKit).</p>
        </Empty>
      );
    }
    return <ErrorState problem={customer.problem} onRetry={reload} />;
  }
  return <CustomerFigures customer={customer.data} />;
}

function CustomerFigures({ customer }: { customer: CustomerAnswer }) {
  return (
    <>
      <p className="note" role="status">
        {customer.customerId}: {count(customer.events)} stored events, replayed through the live config.
      </p>
      <section aria-labelledby="explanations">
        <h2 id="explanations">Triggers</h2>
        <ul className="cards" aria-label="Trigger explanations">
          {customer.explanations.map((explanation) => (
            <li key={explanation.triggerId}>
              <ExplanationCard explanation={explanation} />
            </li>
          ))}
        </ul>
      </section>
      <section className="panel panel--wide" aria-labelledby="history">
        <h2 id="history">Prompt history</h2>
        {customer.prompts.length === 0 ? (
          <Empty title="No prompts yet">{null}</Empty>
        ) : (
          <ScrollTable label="Prompts shown, clicked, dismissed and held out">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Trigger</th>
                <th scope="col">Variant</th>
                <th scope="col">Kind</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {customer.prompts.map((prompt, index) => (
                <tr key={`${prompt.at}:${index}`}>
                  <td>{dateTime(prompt.at)}</td>
                  <td>{prompt.type.replace('prompt.', '').replace('_', ' ')}</td>
                  <td>{prompt.triggerId}</td>
                  <td>{prompt.variant ?? '—'}</td>
                  <td>{prompt.kind ?? '—'}</td>
                  <td>{prompt.reason?.replace('_', ' ') ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>
    </>
  );
}

function ExplanationCard({ explanation }: { explanation: Explanation }) {
  const headingId = `explain-${explanation.triggerId}`;
  return (
    <article className="card" aria-labelledby={headingId} data-trigger={explanation.triggerId} data-status={explanation.status}>
      <h3 id={headingId} className="card__title">
        {explanation.triggerId}
        <span className={`badge badge--${explanation.fired ? 'lifts' : 'muted'}`}>{STATUS[explanation.status]}</span>
      </h3>
      <p className="note">Variant: {explanation.variant}</p>
      <ul className="leaves">
        {explanation.explain.map((leaf) => (
          <li key={leaf.path} data-held={leaf.held}>
            <span className="leaves__mark" aria-hidden="true">
              {leaf.held ? '✓' : '✗'}
            </span>
            <span className="sr-only">{leaf.held ? 'Holds:' : 'Does not hold:'}</span> {leaf.negated && 'not '}
            {leaf.text}
          </li>
        ))}
      </ul>
    </article>
  );
}
