'use client';
import { useId, useState, type ReactNode } from 'react';
import {
  FloatingFocusManager,
  FloatingOverlay,
  FloatingPortal,
  useDismiss,
  useFloatingRootContext,
  useInteractions,
  useMergeRefs,
  useRole,
} from '@floating-ui/react';
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
 * The modal shell UpgradeModal and TrialModal share: a portal, a backdrop that
 * locks scrolling, focus trapped inside and returned to the opener on close,
 * Escape to close, and `role="dialog"` with `aria-modal`, named by its title.
 */
export function Dialog({ open, onClose, title, closeLabel, state, className, dialogRef, children }: DialogProps) {
  // A root context without positioning: a centred modal needs no anchor, and skipping
  // useFloating keeps the positioning engine out of pages that only show dialogs.
  const [element, setElement] = useState<HTMLElement | null>(null);
  const context = useFloatingRootContext({ open, onOpenChange: (next) => next || onClose(), elements: { reference: null, floating: element } });
  const { getFloatingProps } = useInteractions([useDismiss(context, { outsidePressEvent: 'mousedown' }), useRole(context)]);
  const titleId = useId();
  const ref = useMergeRefs([setElement, dialogRef]);
  if (!open) return null;
  return (
    <FloatingPortal>
      <FloatingOverlay className="uk-overlay" lockScroll>
        <FloatingFocusManager context={context}>
          <div ref={ref} className={cx('uk-dialog', className)} data-state={state} aria-labelledby={titleId} aria-modal="true" {...getFloatingProps()}>
            <button type="button" className="uk-dialog__close" aria-label={closeLabel} onClick={onClose}>
              <Icon path={CLOSE} />
            </button>
            <h2 id={titleId} className="uk-dialog__title">
              {title}
            </h2>
            {children}
          </div>
        </FloatingFocusManager>
      </FloatingOverlay>
    </FloatingPortal>
  );
}
