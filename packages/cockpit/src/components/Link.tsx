import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useCockpit } from '../app/CockpitContext.js';

/**
 * A link to a cockpit address that moves without reloading the page. Modified
 * clicks (new tab, new window) are left to the browser.
 */
export function Link({ href, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { navigate } = useCockpit();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...props} />;
}
