'use client';

import { createBrowserPlatform, createPromptEngine, type CustomerInput } from '@upgradekit/core';
import { createHttpSink } from '@upgradekit/core/sinks';
import { LimitBanner, UpgradeKitProvider, UsageMeter } from '@upgradekit/react';
import { useState, useTransition } from 'react';
import { createProject } from './actions';
import { config, WRITE_KEY } from '../lib/config';

// Events go to the route handler; the key rides in the URL so page-hide beacons carry it too.
// Only in the browser: the server render sends nothing.
const sinks = () => (typeof window === 'undefined' ? [] : [createHttpSink({ url: `/api/upgradekit/events?key=${WRITE_KEY}`, platform: createBrowserPlatform(), flushInterval: 500 })]);

export function Projects({ customer: bootstrap }: { customer: CustomerInput }) {
  const [customer, setCustomer] = useState(bootstrap);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [sinkList] = useState(sinks);

  const create = () =>
    startTransition(async () => {
      const result = await createProject(`Project ${(customer.usage?.projects as number) + 1}`);
      setCustomer(result.customer);
      setRefusal(result.ok ? null : `The server refused: ${result.reason}${result.upgrade ? `; ${result.upgrade.plan} allows ${String(result.upgrade.limit)}` : ''}.`);
    });

  return (
    <UpgradeKitProvider config={config} customer={customer} prompts={createPromptEngine} sinks={sinkList}>
      <UsageMeter feature="projects" />
      <LimitBanner feature="projects" />
      <button type="button" onClick={create} disabled={pending}>
        New project
      </button>
      {refusal && <p role="alert">{refusal}</p>}
    </UpgradeKitProvider>
  );
}
