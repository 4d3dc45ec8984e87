import { currentCustomer } from '../lib/accounts';
import { Projects } from './Projects';

// The customer is read on every request: it is the account's state now.
export const dynamic = 'force-dynamic';

/** A server component: the bootstrap customer comes from the app's backend and renders the same on both sides. */
export default function Page() {
  return (
    <main>
      <h1>Projects</h1>
      <Projects customer={currentCustomer()} />
    </main>
  );
}
