'use client';
import { FloatingFocusManager, FloatingPortal, type Placement } from '@floating-ui/react';
import { cloneElement, useContext, useId, useMemo, version, type MouseEvent, type ReactElement, type Ref } from 'react';
import { UpgradeKitContext, useFormat } from '../context.js';
import { Guarded } from '../Guard.js';
import { useFeatureGate } from '../hooks/useFeatureGate.js';
import { useLockedPopover } from '../hooks/useLockedPopover.js';
import { usePrompts } from '../hooks/usePrompt.js';
import { usePromptLifecycle } from '../hooks/usePromptLifecycle.js';
import { lockedCopy, type Messages } from '../messages.js';
import { failsOpen } from '../safe.js';
import { cx, featureText, mergeRefs, planName } from '../utils.js';
import { Icon, LOCK } from './Icon.js';
import { UpgradeButton } from './UpgradeButton.js';

type ControlProps = Record<string, unknown> & { ref?: Ref<HTMLElement> };

export interface LockedFeatureProps {
  /** The premium feature the control uses. */
  feature: string;
  /** The control to lock: one element that takes a ref and event handlers (a button, a link). Not `disabled`: it must stay focusable. */
  children: ReactElement;
  /** The side of the control the popover opens on, centred or aligned with an edge (`bottom-start`); it flips to the other side when there is no room. Default: `top`. */
  placement?: Placement | undefined;
  /** The popover's title, which names it. Default: a tooltip prompt's title, else "{feature} is a {plan} feature". */
  title?: string | undefined;
  /** Default: a tooltip prompt's body, else "Upgrade to unlock it." */
  body?: string | undefined;
  /** Copy overrides for this component, over the provider's `messages`. Default: the provider's (English unless it says otherwise). */
  messages?: Messages | undefined;
  /** Class of the popover. */
  className?: string | undefined;
}

/**
 * Shows a premium control locked instead of hiding it: a lock icon, and a popover
 * with the plan that unlocks it, opened by hover, keyboard focus, and click or tap.
 * Pressing it records a gate hit and opens the popover instead of running the
 * control's action, so it stays an enabled control that says so (`aria-haspopup`,
 * `aria-expanded`, a description), not `aria-disabled`, which would tell
 * screen-reader users not to try. When the feature is allowed, the control renders untouched.
 */
export function LockedFeature(props: LockedFeatureProps) {
  const context = useContext(UpgradeKitContext);
  return (
    <Guarded name="LockedFeature" degraded={() => (failsOpen(context?.kit.config, props.feature) ? props.children : null)}>
      <LockedFeatureView {...props} />
    </Guarded>
  );
}

function LockedFeatureView({ feature, children, placement = 'top', title, body, messages, className }: LockedFeatureProps) {
  const [{ kit }, { t }] = useFormat(messages, '<LockedFeature>', lockedCopy);
  const gate = useFeatureGate(feature);
  const prompt = usePrompts().find((candidate) => candidate.kind === 'tooltip' && candidate.feature === feature);
  const locked = !gate.allowed;
  const { shown, refs, floatingStyles, context, getReferenceProps, getFloatingProps } = useLockedPopover(locked, placement);
  const props = children.props as ControlProps;
  // React 19 passes `ref` as a prop; React 18 keeps it on the element.
  const childRef = version.startsWith('18') ? (children as unknown as { ref?: Ref<HTMLElement> }).ref : props.ref;
  const controlRef = useMemo(() => mergeRefs(refs.setReference, childRef), [refs.setReference, childRef]);
  const lifecycle = usePromptLifecycle(prompt, shown);
  const popoverRef = useMemo(() => mergeRefs(refs.setFloating, lifecycle.ref), [refs.setFloating, lifecycle.ref]);
  const titleId = useId();
  const descriptionId = useId();

  if (!locked) return children;

  const path = prompt?.upgrade ?? gate.upgradePath;
  const values = { feature: featureText(kit.config, feature).name, plan: planName(kit.config, prompt?.plan ?? path?.plan) };
  const heading = prompt?.title ?? title ?? t(path ? 'lockedTitle' : 'lockedUnavailable', values);
  const text = prompt?.body ?? body ?? (path ? t('lockedBody', values) : '');
  // The control's onClick is the locked action: it must not run. Its other handlers run with the popover's.
  const { onClick: _locked, ref: _ref, ...rest } = props;
  const lockedControl = cloneElement(children, {
    ...getReferenceProps({
      ...rest,
      'aria-describedby': cx(props['aria-describedby'] as string | undefined, descriptionId),
      onClick(event: { preventDefault(): void }) {
        event.preventDefault();
        gate.attempt();
      },
    }),
    ref: controlRef,
  } as ControlProps);
  // Focus goes back to the control while the popover is still open, so arriving there does not reopen it.
  const closeAfterCta = (event: MouseEvent) => {
    const control = refs.domReference.current;
    if (control instanceof HTMLElement) control.focus();
    context.onOpenChange(false, event.nativeEvent, 'click');
  };

  return (
    <span className="uk-locked" data-state="locked">
      {lockedControl}
      <Icon path={LOCK} />
      {/* Read with the control even while the popover is closed. */}
      <span id={descriptionId} hidden>
        {heading} {text}
      </span>
      {shown && (
        // The portal escapes containers that clip or scroll; its tab order still follows the control:
        // Tab goes from the control into the popover, and out of it to what comes after the control.
        <FloatingPortal preserveTabOrder>
          {/* Opening it leaves focus where it is: on the control, or wherever the pointer left it. */}
          <FloatingFocusManager context={context} modal={false} initialFocus={-1}>
            <div
              ref={popoverRef}
              aria-labelledby={titleId}
              style={floatingStyles}
              className={cx('uk-popover', className)}
              data-state={gate.reason}
              {...getFloatingProps()}
            >
              <p id={titleId} className="uk-popover__title">
                {heading}
              </p>
              {text && <p className="uk-popover__body">{text}</p>}
              <UpgradeButton feature={feature} prompt={prompt} upgrade={path} messages={messages} onClick={closeAfterCta} />
            </div>
          </FloatingFocusManager>
        </FloatingPortal>
      )}
    </span>
  );
}
