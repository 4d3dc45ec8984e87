import type { CustomerInput } from '@upgradekit/core';

/*
 * A stand-in for Acme's backend, kept in localStorage so the demo needs no
 * server: the account (plan, add-ons), its projects, and the usage the billing
 * system measured when the account was created. Usage tracked since then lives
 * in UpgradeKit's own persistence, which wins because it is newer.
 */

export interface Project {
  id: string;
  name: string;
  owner: string;
  tasks: number;
  done: number;
  createdAt: number;
}

export interface Account {
  customerId: string;
  workspace: string;
  plan: string;
  addOns: Array<{ id: string; quantity: number }>;
  /** When billing last measured usage. */
  measuredAt: number;
  measured: { projects: number; apiCalls: number; seats: number };
  projects: Project[];
}

const KEY = 'acme:account';

const NAMES = ['Mobile app v2', 'Customer onboarding', 'Brand refresh', 'Hiring pipeline', 'Pricing page', 'Data warehouse', 'Support macros', 'Partner portal'];
const OWNERS = ['Maya Chen', 'Jon Ortiz', 'Priya Nair', 'Sam Lee'];

function seed(now: number): Account {
  return {
    customerId: 'acct_acme_42',
    workspace: 'Northwind Studio',
    plan: 'free',
    addOns: [],
    measuredAt: now,
    measured: { projects: 2, apiCalls: 640, seats: 1 },
    projects: [
      { id: 'p1', name: 'Website redesign', owner: 'Maya Chen', tasks: 24, done: 17, createdAt: now - 12 * 864e5 },
      { id: 'p2', name: 'Q3 launch plan', owner: 'Jon Ortiz', tasks: 18, done: 6, createdAt: now - 5 * 864e5 },
    ],
  };
}

function read(): Account | null {
  try {
    const text = localStorage.getItem(KEY);
    const account = text ? (JSON.parse(text) as Account) : null;
    return account && typeof account.plan === 'string' && Array.isArray(account.projects) ? account : null;
  } catch {
    return null;
  }
}

function write(account: Account): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(account));
  } catch {
    // Private mode or a full storage: the demo keeps working for this page.
  }
}

/** The signed-in account, created on the first visit. */
export function loadAccount(now = Date.now()): Account {
  const existing = read();
  if (existing) return existing;
  const account = seed(now);
  write(account);
  return account;
}

/** What the backend would embed in the page for UpgradeKit: plan, add-ons and measured usage. */
export function toCustomer(account: Account): CustomerInput {
  return {
    id: account.customerId,
    plan: account.plan,
    addOns: account.addOns,
    usage: account.measured,
    usageAsOf: account.measuredAt,
    attributes: { workspace: account.workspace },
  };
}

export function createProject(account: Account, now = Date.now()): Project {
  const index = account.projects.length;
  const project: Project = {
    id: `p${now.toString(36)}${index}`,
    name: NAMES[index % NAMES.length] ?? `Project ${index + 1}`,
    owner: OWNERS[index % OWNERS.length] ?? 'You',
    tasks: 0,
    done: 0,
    createdAt: now,
  };
  account.projects = [...account.projects, project];
  write(account);
  return project;
}

/** Checkout completed: the new plan and add-ons are the backend's truth from now on. */
export function savePlan(account: Account, plan: string, addOns: Account['addOns']): void {
  account.plan = plan;
  account.addOns = addOns;
  write(account);
}

/** Forgets the demo: the account, the event log, the clock and everything UpgradeKit stored (the visitor's theme stays). */
export function resetDemo(): void {
  try {
    for (const key of Object.keys(localStorage)) {
      if ((key.startsWith('acme:') && key !== 'acme:theme') || key.startsWith('upgradekit:')) localStorage.removeItem(key);
    }
  } catch {
    // Nothing stored, nothing to forget.
  }
}
