'use client';
import { useEffect, useId, useMemo, useRef, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useHydrated } from '../hooks/useHydrated.js';
import { lockPage } from '../lockPage.js';
import { cx, listen, mergeRefs, tabbables, tabEdge } from '../utils.js';
import { CLOSE, Icon } from './Icon.js';

export interface DialogProps {
  open: boolean;
  /** Escape, a press on the backdrop and the close button all end here. */
  onClose: () => void;
  title: ReactNode;
  /** The accessible name of the close button. */
  closeLabel: string;
  state: string;
  className?: string | undefined;
  /** Extra ref on the dialog element (impression counting). */
  dialogRef?: (element: HTMLElement | null) => void;
  children?: ReactNode;
}

/** The backdrop covers the viewport and scrolls a dialog taller than it. */
const OVERLAY: CSSProperties = { position: 'fixed', inset: 0, overflow: 'auto' };

/** Open dialogs, innermost last: Escape and Tab belong to that one. */
const stack: HTMLElement[] = [];

/**
 * The modal shell UpgradeModal and TrialModal share: a portal under `<body>`, a
 * backdrop, the page behind inert and not scrolling, focus moved in, kept inside
 * and returned to the opener on close, Escape or a press on the backdrop to close,
 * and `role="dialog"` with `aria-modal`, named by its title.
 */
export function Dialog({ open, onClose, title, closeLabel, state, className, dialogRef, children }: DialogProps) {
  const titleId = useId();
  const shown = useHydrated() && open;
  const element = useRef<HTMLDivElement>(null);
  const ref = useMemo(() => mergeRefs(element, dialogRef), [dialogRef]);

  useEffect(() => {
    const dialog = element.current;
    if (!shown || !dialog) return;
    const opener = document.activeElement;
    stack.push(dialog);
    const unlock = lockPage(dialog.parentElement!);
    // Content that focused itself (autoFocus) keeps it; else the first control, else the dialog.
    if (!dialog.contains(opener)) (tabbables(dialog)[0] ?? dialog).focus();
    return () => {
      stack.splice(stack.indexOf(dialog), 1);
      unlock();
      // Unless focus has moved on since (a dialog the CTA opened), it goes back where it was.
      const active = document.activeElement;
      if (opener instanceof HTMLElement && opener.isConnected && (!active || active === document.body || dialog.contains(active))) opener.focus();
    };
  }, [shown]);

  useEffect(() => {
    const dialog = element.current;
    if (!shown || !dialog) return;
    // On the document: focus can drop to <body> when the focused control goes away (a trial starts in place).
    return listen(document, 'keydown', (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || stack.at(-1) !== dialog) return;
      if (event.key === 'Escape') onClose();
      // The page behind is inert, so only the ends need help: Tab past the last control wraps to the first, and back.
      const controls = event.key === 'Tab' && tabEdge(dialog, event.shiftKey);
      if (controls) {
        event.preventDefault();
        (controls.at(event.shiftKey ? -1 : 0) ?? dialog).focus();
      }
    });
  }, [shown, onClose]);

  const onBackdropPress = (event: MouseEvent<HTMLDivElement>) => {
    const { target, currentTarget: overlay, nativeEvent } = event;
    // The backdrop itself, not the dialog and not the backdrop's own scrollbar.
    if (target !== overlay || nativeEvent.offsetX > overlay.clientWidth || nativeEvent.offsetY > overlay.clientHeight) return;
    // The press would otherwise move focus to <body> after it has gone back to the opener.
    event.preventDefault();
    onClose();
  };

  if (!shown) return null;
  return createPortal(
    <div className="uk-overlay" style={OVERLAY} onMouseDown={onBackdropPress}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={cx('uk-dialog', className)}
        data-state={state}
      >
        <button type="button" className="uk-dialog__close" aria-label={closeLabel} onClick={onClose}>
          <Icon path={CLOSE} />
        </button>
        <h2 id={titleId} className="uk-dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
