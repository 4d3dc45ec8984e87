/** How many open dialogs made each element inert: nested dialogs share the marks. */
const marks = new Map<Element, number>();
let locks = 0;
let unlockScroll = () => {};

// Live regions stay out of the inert page, so what they announce while a dialog is open is still read.
const LIVE = '[aria-live],[role=status],[role=alert],output';

/**
 * Makes the page behind a modal inert (every element but `keep`, the dialog's
 * overlay, and live regions) and stops it scrolling; the returned function undoes
 * exactly that. Dialogs may close in any order: an element comes back when the
 * last dialog that marked it closes, and one the host made inert stays inert.
 */
export function lockPage(keep: Element): () => void {
  const kept = [keep, ...document.body.querySelectorAll(LIVE)];
  const marked: Element[] = [];
  const walk = (parent: Element) => {
    for (const child of parent.children) {
      if (kept.includes(child)) continue;
      if (kept.some((element) => child.contains(element))) walk(child);
      else if (marks.has(child) || !child.hasAttribute('inert')) {
        marks.set(child, (marks.get(child) ?? 0) + 1);
        child.setAttribute('inert', '');
        marked.push(child);
      }
    }
  };
  walk(document.body);
  if (!locks++) unlockScroll = lockScroll();
  return () => {
    for (const element of marked) {
      const count = marks.get(element)! - 1;
      if (count) marks.set(element, count);
      else {
        marks.delete(element);
        element.removeAttribute('inert');
      }
    }
    if (!--locks) unlockScroll();
  };
}

function lockScroll(): () => void {
  const { documentElement: html, body } = document;
  const saved = [html.style.overflow, body.style.overflow, body.style.paddingRight] as const;
  // The scrollbar goes away: pad by its width so the page does not shift sideways.
  const scrollbar = window.innerWidth - html.clientWidth;
  if (scrollbar > 0) body.style.paddingRight = `calc(${getComputedStyle(body).paddingRight} + ${scrollbar}px)`;
  html.style.overflow = body.style.overflow = 'hidden';
  return () => {
    [html.style.overflow, body.style.overflow, body.style.paddingRight] = saved;
  };
}
