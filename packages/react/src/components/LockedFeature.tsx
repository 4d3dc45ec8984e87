'use client';
import { cloneElement, useContext, useEffect, useId, useMemo, useRef, useState, version, type FocusEvent, type KeyboardEvent, type PointerEvent, type ReactElement, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { UpgradeKitContext, useFormat } from '../context.js';
import { Guard } from '../Guard.js';
import { useFeatureGate } from '../hooks/useFeatureGate.js';
import { usePosition } from '../hooks/usePosition.js';
import { usePrompts } from '../hooks/usePrompt.js';
import { useShown } from '../hooks/useShown.js';
import { lockedCopy, type Messages } from '../messages.js';
import type { Placement } from '../position.js';
import { failsOpen } from '../safe.js';
import { cx, featureText, listen, mergeRefs, planName, tabbables, tabEdge } from '../utils.js';
import { Icon, LOCK } from './Icon.js';
import { UpgradeButton } from './UpgradeButton.js';

type ControlProps = Record<string, unknown> & { ref?: Ref<HTMLElement> };

export interface LockedFeatureProps {
  feature: string;
  /** The control to lock: one element that takes a ref and event handlers (a button, a link). Not `disabled`: it must stay focusable. */
  children: ReactElement;
  /** The side of the control the popover opens on, centred or aligned with an edge (`bottom-start`); it flips to the other side when there is no room. Default: `top`. */
  placement?: Placement | undefined;
  title?: string | undefined;
  body?: string | undefined;
  messages?: Messages | undefined;
  /** Class of the popover. */
  className?: string | undefined;
}

/** How long the popover stays after the pointer leaves, so it can cross the gap into the popover. */
const HOVER_CLOSE_MS = 120;

/**
 * Shows a premium control locked instead of hiding it: `aria-disabled`, a lock
 * icon, and a popover with the plan that unlocks it, opened by hover, keyboard
 * focus, and click or tap. Using it records a gate hit instead of running the
 * control's action. When the feature is allowed, the control renders untouched.
 */
export function LockedFeature(props: LockedFeatureProps) {
  const context = useContext(UpgradeKitContext);
  return (
    <Guard name="LockedFeature" degraded={() => (failsOpen(context?.kit.config, props.feature) ? props.children : null)}>
      <LockedFeatureView {...props} />
    </Guard>
  );
}

function LockedFeatureView({ feature, children, placement = 'top', title, body, messages, className }: LockedFeatureProps) {
  const [{ kit }, { t }] = useFormat(messages, '<LockedFeature>', lockedCopy);
  const gate = useFeatureGate(feature);
  const prompt = usePrompts().find((candidate) => candidate.kind === 'tooltip' && candidate.feature === feature);
  const locked = !gate.allowed;
  // Only ever opened by the user, so never on the server or while hydrating: the portal is safe.
  const [open, setOpen] = useState(false);
  const shown = locked && open;
  // A popover opened by a click stays when the pointer leaves, and the next click closes it.
  const openedBy = useRef<'hover' | 'focus' | 'click'>('hover');
  // Closing after a CTA returns focus to the control: that focus must not reopen the popover.
  const reopenBlocked = useRef(false);
  const closeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const control = useRef<HTMLElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const props = children.props as ControlProps;
  // React 19 passes `ref` as a prop; React 18 keeps it on the element.
  const childRef = version.startsWith('18') ? (children as unknown as { ref?: Ref<HTMLElement> }).ref : props.ref;
  const controlRef = useMemo(() => mergeRefs(control, childRef), [childRef]);
  const shownRef = useShown(open ? prompt?.triggerId : undefined);
  const popoverRef = useMemo(() => mergeRefs(popover, shownRef), [shownRef]);
  const titleId = useId();
  const descriptionId = useId();
  const popoverId = useId();
  usePosition(control, popover, placement, shown);

  const cancelClose = () => clearTimeout(closeTimer.current);
  const show = (by: typeof openedBy.current) => {
    cancelClose();
    openedBy.current = by;
    setOpen(true);
  };
  // Reads refs only, so the document listeners below may keep the first one.
  const hide = () => {
    cancelClose();
    setOpen(false);
    // Focus inside the popover would drop to <body> as it unmounts: it goes back to the control instead.
    if (popover.current?.contains(document.activeElement)) {
      reopenBlocked.current = true;
      control.current?.focus();
      reopenBlocked.current = false;
    }
  };
  const inside = (target: EventTarget | null) => target instanceof Node && (control.current?.contains(target) || popover.current?.contains(target));
  const pointerEnter = (event: PointerEvent) => {
    // Touch has no hover: a tap is a click.
    if (event.pointerType === 'touch') return;
    cancelClose();
    if (!open) show('hover');
  };
  const pointerLeave = () => {
    if (openedBy.current === 'hover') closeTimer.current = setTimeout(hide, HOVER_CLOSE_MS);
  };

  useEffect(() => {
    trackInput();
    return cancelClose;
  }, []);
  useEffect(() => {
    if (!shown) return;
    const removals = [
      listen(document, 'keydown', (event: globalThis.KeyboardEvent) => event.key === 'Escape' && !event.isComposing && hide()),
      listen(document, 'pointerdown', (event) => inside(event.target) || hide(), true),
    ];
    return () => removals.forEach((remove) => remove());
  }, [shown]);

  if (!locked) return children;

  const path = prompt?.upgrade ?? gate.upgradePath;
  const values = { feature: featureText(kit.config, feature).name, plan: planName(kit.config, prompt?.plan ?? path?.plan) };
  const heading = prompt?.title ?? title ?? t(path ? 'lockedTitle' : 'lockedUnavailable', values);
  const text = prompt?.body ?? body ?? (path ? t('lockedBody', values) : '');
  // The control's own handlers still run first; its onClick is the locked action and must not.
  const chain =
    <E,>(name: string, handler: (event: E) => void) =>
    (event: E) => {
      (props[name] as ((event: E) => void) | undefined)?.(event);
      handler(event);
    };
  const { onClick: _locked, ...rest } = props;
  const lockedControl = cloneElement(children, {
    ...rest,
    ref: controlRef,
    'aria-disabled': true,
    'aria-describedby': cx(props['aria-describedby'] as string | undefined, descriptionId),
    'aria-haspopup': 'dialog',
    'aria-expanded': shown,
    'aria-controls': shown ? popoverId : undefined,
    onClick(event: { preventDefault(): void }) {
      event.preventDefault();
      gate.attempt();
      if (open && openedBy.current === 'click') hide();
      else show('click');
    },
    // Keyboard focus opens it, and keeps it open when the pointer that opened it leaves. Focus a
    // pointer or a script gave (a modal returning focus after a click) is not a request to explain.
    onFocus: chain('onFocus', () => reopenBlocked.current || !keyboardLast || show('focus')),
    onKeyDown: chain('onKeyDown', (event: KeyboardEvent) => {
      // The popover sits at the end of <body>: Tab goes from the control into it, as if it followed the control.
      const first = event.key === 'Tab' && !event.shiftKey && popover.current && tabbables(popover.current)[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }),
    onPointerEnter: chain('onPointerEnter', pointerEnter),
    onPointerLeave: chain('onPointerLeave', pointerLeave),
  } as ControlProps);

  // ...and Tab out of it continues after the control; Shift+Tab at its start goes back to the control.
  const onPopoverKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || !tabEdge(event.currentTarget, event.shiftKey)) return;
    const page = tabbables(document.body).filter((element) => !inside(element) || element === control.current);
    const target = event.shiftKey ? control.current : page[page.indexOf(control.current!) + 1];
    if (target) {
      event.preventDefault();
      target.focus();
    }
  };

  return (
    <span
      className="uk-locked"
      data-state="locked"
      // React bubbles focus events out of the portal: one handler sees the control and the popover.
      onBlur={(event: FocusEvent) => {
        if (!inside(event.relatedTarget)) hide();
      }}
    >
      {lockedControl}
      <Icon path={LOCK} />
      {/* Read with the control even while the popover is closed. */}
      <span id={descriptionId} hidden>
        {heading} {text}
      </span>
      {shown &&
        createPortal(
          <div
            ref={popoverRef}
            id={popoverId}
            role="dialog"
            aria-labelledby={titleId}
            // Focusable, so a press on its text keeps focus (and the popover) where it is.
            tabIndex={-1}
            style={{ position: 'fixed', top: 0, left: 0 }}
            className={cx('uk-popover', className)}
            data-state={gate.reason}
            onKeyDown={onPopoverKeyDown}
            onPointerEnter={pointerEnter}
            onPointerLeave={pointerLeave}
          >
            <p id={titleId} className="uk-popover__title">
              {heading}
            </p>
            {text && <p className="uk-popover__body">{text}</p>}
            <UpgradeButton feature={feature} prompt={prompt} upgrade={path} messages={messages} onClick={hide} />
          </div>,
          document.body,
        )}
    </span>
  );
}

/** Whether the last input was a key press rather than a pointer (what `:focus-visible` infers; jsdom lacks it). */
let keyboardLast = true;
let trackingInput = false;
function trackInput() {
  if (trackingInput) return;
  trackingInput = true;
  document.addEventListener('keydown', () => (keyboardLast = true), true);
  document.addEventListener('pointerdown', () => (keyboardLast = false), true);
}
