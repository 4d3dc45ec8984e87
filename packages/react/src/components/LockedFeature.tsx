'use client';
import { cloneElement, useContext, useId, useRef, useState, version, type ReactElement, type Ref } from 'react';
import {
  autoUpdate,
  flip,
  FloatingFocusManager,
  FloatingPortal,
  offset,
  safePolygon,
  shift,
  useClick,
  useDismiss,
  useFloating,
  useFocus,
  useHover,
  useInteractions,
  useMergeRefs,
  useRole,
  type Placement,
} from '@floating-ui/react';
import { UpgradeKitContext, useFormat } from '../context.js';
import { Guard } from '../Guard.js';
import { useFeatureGate } from '../hooks/useFeatureGate.js';
import { usePrompts } from '../hooks/usePrompt.js';
import { useShown } from '../hooks/useShown.js';
import { lockedCopy, type Messages } from '../messages.js';
import { failsOpen } from '../safe.js';
import { cx, featureText, planName } from '../utils.js';
import { Icon, LOCK } from './Icon.js';
import { UpgradeButton } from './UpgradeButton.js';

type ControlProps = Record<string, unknown> & { ref?: Ref<Element> };

export interface LockedFeatureProps {
  feature: string;
  /** The control to lock: one element that takes a ref and event handlers (a button, a link). Not `disabled`: it must stay focusable. */
  children: ReactElement;
  /** Where the popover opens. Default: `top`. */
  placement?: Placement | undefined;
  title?: string | undefined;
  body?: string | undefined;
  messages?: Messages | undefined;
  /** Class of the popover. */
  className?: string | undefined;
}

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
  const [open, setOpen] = useState(false);
  // Closing after a CTA returns focus to the control: that focus must not reopen the popover.
  const reopenBlocked = useRef(false);
  const { refs, floatingStyles, context } = useFloating({
    open: locked && open,
    onOpenChange(next, _event, reason) {
      const blocked = next && reason === 'focus' && reopenBlocked.current;
      reopenBlocked.current = false;
      if (!blocked) setOpen(next);
    },
    placement,
    whileElementsMounted: autoUpdate,
    middleware: [offset(8), flip(), shift({ padding: 8 })],
  });
  const { getReferenceProps, getFloatingProps } = useInteractions([
    useHover(context, { enabled: locked, move: false, handleClose: safePolygon() }),
    useFocus(context, { enabled: locked }),
    useClick(context, { enabled: locked }),
    useDismiss(context),
    useRole(context, { role: 'dialog' }),
  ]);
  const props = children.props as ControlProps;
  // React 19 passes `ref` as a prop; React 18 keeps it on the element.
  const childRef = version.startsWith('18') ? (children as unknown as { ref?: Ref<Element> }).ref : props.ref;
  const referenceRef = useMergeRefs([refs.setReference, childRef]);
  const shownRef = useShown(open ? prompt?.triggerId : undefined);
  const floatingRef = useMergeRefs([refs.setFloating, shownRef]);
  const titleId = useId();
  const descriptionId = useId();
  if (!locked) return children;

  const path = prompt?.upgrade ?? gate.upgradePath;
  const values = { feature: featureText(kit.config, feature).name, plan: planName(kit.config, prompt?.plan ?? path?.plan) };
  const heading = prompt?.title ?? title ?? t(path ? 'lockedTitle' : 'lockedUnavailable', values);
  const text = prompt?.body ?? body ?? (path ? t('lockedBody', values) : '');
  // The control's own onClick is the locked action: it must not run.
  const { onClick: _locked, ...rest } = props;
  const control = cloneElement(
    children,
    getReferenceProps({
      ...(rest as object),
      ref: referenceRef,
      'aria-disabled': true,
      'aria-describedby': cx(props['aria-describedby'] as string | undefined, descriptionId),
      onClick(event: { preventDefault(): void }) {
        event.preventDefault();
        gate.attempt();
      },
    }) as ControlProps,
  );
  return (
    <span className="uk-locked" data-state="locked">
      {control}
      <Icon path={LOCK} />
      {/* Read with the control even while the popover is closed. */}
      <span id={descriptionId} hidden>
        {heading} {text}
      </span>
      {open && (
        <FloatingPortal>
          <FloatingFocusManager context={context} modal={false} initialFocus={-1}>
            <div
              ref={floatingRef}
              style={floatingStyles}
              className={cx('uk-popover', className)}
              data-state={gate.reason}
              aria-labelledby={titleId}
              {...getFloatingProps()}
            >
              <p id={titleId} className="uk-popover__title">
                {heading}
              </p>
              {text && <p className="uk-popover__body">{text}</p>}
              <UpgradeButton
                feature={feature}
                prompt={prompt}
                upgrade={path}
                messages={messages}
                onClick={() => {
                  reopenBlocked.current = true;
                  setOpen(false);
                }}
              />
            </div>
          </FloatingFocusManager>
        </FloatingPortal>
      )}
    </span>
  );
}
