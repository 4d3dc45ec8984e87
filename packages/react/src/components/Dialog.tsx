'use client';
import { FloatingFocusManager, useFloatingRootContext } from '@floating-ui/react';
import { useId, useLayoutEffect, useRef, useState, type MouseEvent, type ReactNode, type SyntheticEvent } from 'react';
import { createPortal } from 'react-dom';
import { rememberPlace } from '../focus.js';
import { useHydrated } from '../hooks/useHydrated.js';
import { cx } from '../utils.js';
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

/**
 * The modal shell UpgradeModal and TrialModal share: a native `<dialog>` opened
 * with `showModal()`, so the browser puts it in the top layer above everything
 * (another dialog opened later goes above it), makes the page behind inert, and
 * turns Escape into a `cancel` event. Named by its title; focus moves to its first
 * control (or to content that focuses itself) and goes back to the opener on close,
 * or, when the opener has left the page meanwhile, to the control that replaced it
 * (see `rememberPlace`).
 * Rendered only once hydrated, so the server's markup (nothing) matches.
 */
export function Dialog({ open, ...props }: DialogProps) {
  return useHydrated() && open ? <ModalDialog {...props} /> : null;
}

function ModalDialog({ onClose, title, closeLabel, state, className, dialogRef, children }: Omit<DialogProps, 'open'>) {
  const titleId = useId();
  const [content, setContent] = useState<HTMLElement | null>(null);
  const focus = useFloatingRootContext({ open: true, elements: { reference: null, floating: content } });
  // Floating UI's focus guards join once the dialog is open: the browser's own initial focus would pick the first of them.
  const [wrapTab, setWrapTab] = useState(false);
  useLayoutEffect(() => setWrapTab(true), []);
  // Only a press that starts on the backdrop closes it: one dragged there from the content (selecting text) ends there too.
  const pressedBackdrop = useRef(false);

  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    // The open state is React's: the parent closes it.
    event.preventDefault();
    onClose();
  };
  // A `<form method="dialog">` in the content, or a second Escape the browser no longer lets us cancel, closes it
  // natively. Strict Mode's effect replay also closes and reopens it: still open by the time the event arrives.
  const onNativeClose = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (!event.currentTarget.open) onClose();
  };
  const onMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    pressedBackdrop.current = isBackdropPress(event);
    // Focus stays in the dialog rather than dropping to <body>.
    if (pressedBackdrop.current) event.preventDefault();
  };
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (pressedBackdrop.current && isBackdropPress(event)) onClose();
    pressedBackdrop.current = false;
  };

  return createPortal(
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-modal="true"
      className={cx('uk-dialog', className)}
      data-state={state}
      onCancel={onCancel}
      onClose={onNativeClose}
      onMouseDown={onMouseDown}
      onClick={onClick}
    >
      <ShowModal />
      {/*
       * The browser lets Tab leave a modal dialog for its own toolbar after the last control; this wraps it to the first.
       * The page is already inert, so every open dialog counts as inside: which one is active is the top layer's business.
       */}
      <FloatingFocusManager context={focus} disabled={!wrapTab} returnFocus={false} getInsideElements={openDialogs}>
        <div ref={setContent} className="uk-dialog__content">
          <button type="button" className="uk-dialog__close" aria-label={closeLabel} onClick={onClose}>
            <Icon path={CLOSE} />
          </button>
          <h2 id={titleId} className="uk-dialog__title">
            {title}
          </h2>
          {children}
        </div>
      </FloatingFocusManager>
    </dialog>,
    document.body,
  );
}

/**
 * Opens its parent `<dialog>` with `showModal()`, and closes it before React removes
 * it, so the browser returns focus to what had it. As the dialog's first child it
 * runs before React focuses `autoFocus` content after it (a closed dialog cannot take
 * focus), and before a dialog later in the same render opens on top and records
 * this one's focus as the place to return to.
 */
function ShowModal() {
  const marker = useRef<HTMLSpanElement>(null);
  // Strict Mode closes and reopens it once on mount, and reopening focuses the first control: what had focus inside gets it back.
  const focusedInside = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const dialog = marker.current!.parentElement as HTMLDialogElement;
    const opener = document.activeElement;
    // The browser gives focus back to the opener; when the change the dialog made removed it (a trial
    // started, and the locked control became an unlocked one), focus goes to what took its place.
    const returnNearby = opener && opener !== document.body && !dialog.contains(opener) ? rememberPlace(opener) : undefined;
    dialog.showModal();
    focusedInside.current?.focus();
    return () => {
      const focused = document.activeElement;
      focusedInside.current = focused instanceof HTMLElement && dialog.contains(focused) ? focused : null;
      dialog.close();
      if (returnNearby) setTimeout(returnNearby);
    };
  }, []);
  return <span ref={marker} hidden />;
}

/** A press on the `::backdrop`: it targets the dialog itself, outside the dialog's box. */
function isBackdropPress({ target, currentTarget, clientX, clientY }: MouseEvent<HTMLDialogElement>): boolean {
  const box = currentTarget.getBoundingClientRect();
  return target === currentTarget && (clientX < box.left || clientX > box.right || clientY < box.top || clientY > box.bottom);
}

const openDialogs = () => [...document.querySelectorAll('dialog[open]')];
