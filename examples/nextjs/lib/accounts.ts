import type { CustomerInput } from '@upgradekit/core';

/*
 * The app's own backend, reduced to one account kept in memory: where a real app
 * reads its database. On `globalThis`, because Next.js may evaluate this module in
 * more than one bundle of the same server (the page, the server action).
 */

interface Account {
  id: string;
  plan: string;
  projects: string[];
}

const shared = globalThis as typeof globalThis & { exampleAccount?: Account };

function account(): Account {
  return (shared.exampleAccount ??= { id: 'acct_nextjs', plan: 'free', projects: ['Website', 'Launch plan'] });
}

/** The customer as UpgradeKit reads it: the same snapshot renders the server and boots the browser. */
export function currentCustomer(): CustomerInput {
  const { id, plan, projects } = account();
  return { id, plan, usage: { projects: projects.length } };
}

export function addProject(name: string): void {
  account().projects.push(name);
}
