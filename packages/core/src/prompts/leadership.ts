import type { LockManager } from '../platform.js';

/**
 * Which of a customer's tabs reports trigger firings: the one holding a Web Lock
 * named after the customer. When it closes, the browser hands the lock to the
 * next tab that asked, and `onLead` runs there. Without locks (Node, SSR, old
 * browsers) every client leads, as each is its own page.
 */
export function createLeadership(locks: LockManager | null, onLead: () => void) {
  let leading = !locks;
  let release = () => {};
  const follow = (customerId: string) => {
    release();
    if (!locks) return;
    leading = false;
    let stop: (() => void) | undefined;
    let stopped = false;
    release = () => {
      stopped = true;
      leading = false;
      stop?.();
    };
    void locks.request(`upgradekit:lead:${customerId}`, {}, () => {
      if (stopped) return undefined;
      leading = true;
      onLead();
      return new Promise<void>((resolve) => (stop = () => resolve()));
    });
  };
  return { leading: () => leading, follow, release: () => release() };
}
