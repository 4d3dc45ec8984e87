'use server';

import { assertConfig, check, parseCustomer, type CustomerInput, type UpgradePath } from '@upgradekit/core';
import { addProject, currentCustomer } from '../lib/accounts';
import { config } from '../lib/config';

const serverConfig = assertConfig(config);

export type CreateProjectResult =
  | { ok: true; customer: CustomerInput }
  | { ok: false; reason: string; upgrade: UpgradePath | null; customer: CustomerInput };

/** Creates a project, enforced on the server with the same pure `check` the browser shows. */
export async function createProject(name: string): Promise<CreateProjectResult> {
  const { customer } = parseCustomer(currentCustomer(), serverConfig, Date.now());
  const result = check(serverConfig, customer, 'projects');
  if (!result.allowed) return { ok: false, reason: result.reason, upgrade: result.upgrade, customer: currentCustomer() };
  addProject(name);
  return { ok: true, customer: currentCustomer() };
}
