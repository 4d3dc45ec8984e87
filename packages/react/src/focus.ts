/*
 * Focus and announcements that outlive the component that caused them: a banner
 * that hides once dismissed, a dialog whose opener a plan change swapped for an
 * unlocked control. Without them focus falls to <body> and a screen reader says
 * nothing, leaving a keyboard user at the top of the page, unsure what happened.
 */

const CONTROLS = 'button:not([disabled]), a[href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** How long an announcement waits, so a live region added just now is in the accessibility tree when its text arrives. */
export const ANNOUNCE_DELAY_MS = 100;

const usable = (element: Element): element is HTMLElement =>
  element instanceof HTMLElement && !element.closest('[hidden], [inert]') && element.getAttribute('tabindex') !== '-1';

/** Whether focus is nowhere useful: on the body, or on an element no longer in the page. */
const lost = (doc: Document) => !doc.activeElement || doc.activeElement === doc.body || !doc.activeElement.isConnected;

/**
 * Remembers where `element` sits in the page; the returned function, called after
 * `element` (or what had focus in it) left the page, moves lost focus nearby: to
 * the nearest surviving ancestor when it takes focus itself (a `tabindex`, as a
 * `<main tabindex="-1">` has), else to the first control inside it, else further
 * up. Focus that went somewhere else meanwhile stays there.
 */
export function rememberPlace(element: Element): () => void {
  const doc = element.ownerDocument;
  const ancestors: Element[] = [];
  for (let node = element.parentElement; node && node !== doc.body; node = node.parentElement) ancestors.push(node);
  return () => {
    if (!lost(doc)) return;
    for (const ancestor of ancestors) {
      if (!ancestor.isConnected) continue;
      const target = ancestor.hasAttribute('tabindex') ? ancestor : [...ancestor.querySelectorAll(CONTROLS)].find(usable);
      if (target instanceof HTMLElement) return target.focus();
    }
  };
}

/**
 * Says `message` through one polite live region per document, appended to the
 * body on first use (like a portal), so it is heard after the component that
 * said it has unmounted.
 */
export function announce(doc: Document, message: string): void {
  let region = doc.querySelector<HTMLElement>('[data-uk-announcer]');
  if (!region) {
    region = doc.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('data-uk-announcer', '');
    region.className = 'uk-sr-only';
    doc.body.append(region);
  }
  const live = region;
  live.textContent = '';
  doc.defaultView?.setTimeout(() => (live.textContent = message), ANNOUNCE_DELAY_MS);
}
