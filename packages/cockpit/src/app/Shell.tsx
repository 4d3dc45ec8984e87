import type { ReactNode } from 'react';
import { Link } from '../components/Link.js';
import type { Route } from './route.js';

const NAV: Array<{ label: string; href: string; screens: Array<Route['screen']> }> = [
  { label: 'Overview', href: '/', screens: ['overview'] },
  { label: 'Triggers', href: '/triggers', screens: ['triggers', 'trigger'] },
  { label: 'Customers', href: '/customers', screens: ['customers'] },
  { label: 'Config', href: '/config', screens: ['config'] },
];

/** The frame of every signed-in screen: a skip link, the navigation, and sign-out. */
export function Shell({ route, search, onSignOut, children }: { route: Route; search: string; onSignOut: () => void; children: ReactNode }) {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="topbar__brand">UpgradeKit cockpit</span>
        <nav aria-label="Cockpit">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={`${item.href}${search}`} aria-current={item.screens.includes(route.screen) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="button button--quiet" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" className="main">
        {children}
      </main>
    </>
  );
}
