import { collector } from '../../../../lib/collector';

// Events, the remote config and the report are never prerendered.
export const dynamic = 'force-dynamic';

/** Every method of the UpgradeKit API under /api/upgradekit, answered by its fetch handler. */
async function handle(request: Request): Promise<Response> {
  const server = await collector();
  return server(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as OPTIONS };
