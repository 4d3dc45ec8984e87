import { Empty } from '../components/StateViews.js';
import { Link } from '../components/Link.js';
import { PageHeader } from '../components/PageHeader.js';
import { ConfigScreen } from '../screens/config/ConfigScreen.js';
import { CustomerLookup } from '../screens/CustomerLookup.js';
import { Overview } from '../screens/Overview.js';
import { TriggerDetail } from '../screens/TriggerDetail.js';
import { Triggers } from '../screens/Triggers.js';
import type { Route } from './route.js';

/** The screen a route names. */
export function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'overview':
      return <Overview />;
    case 'triggers':
      return <Triggers />;
    case 'trigger':
      return <TriggerDetail triggerId={route.triggerId} />;
    case 'customers':
      return <CustomerLookup customerId={route.customerId} />;
    case 'config':
      return <ConfigScreen />;
    case 'not_found':
      return (
        <>
          <PageHeader title="Page not found" />
          <Empty title={`Nothing lives at ${route.path}`}>
            <p>
              <Link href="/">Back to the overview</Link>
            </p>
          </Empty>
        </>
      );
  }
}
