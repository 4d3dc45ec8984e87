'use client';
import { Fragment, type ReactNode } from 'react';
import type { ActivePrompt } from '@upgradekit/core';
import { Guarded } from '../Guard.js';
import { useKitContext } from '../context.js';
import { usePrompts } from '../hooks/usePrompt.js';
import { safely } from '../safe.js';
import type { Messages } from '../messages.js';
import { LimitBanner } from './LimitBanner.js';
import { TrialModal } from './TrialModal.js';
import { UpgradeModal } from './UpgradeModal.js';
import { UsageMeter } from './UsageMeter.js';

export interface PromptOutletProps {
  /** The placement to show prompts for. Default: every placement. */
  placement?: string | undefined;
  /** Passed to each prompt's component. */
  className?: string | undefined;
  /** Copy overrides passed to each prompt's component. Default: the provider's. */
  messages?: Messages | undefined;
  /** Render a prompt yourself; return `undefined` to use the default component (and `null` to show nothing). */
  children?: ((prompt: ActivePrompt) => ReactNode) | undefined;
}

/**
 * Where the arbiter's prompts appear: each active prompt at this placement is
 * rendered with its kind's component (meter, banner, modal, trial). Tooltip
 * prompts attach to their control instead: see `LockedFeature`.
 */
export function PromptOutlet(props: PromptOutletProps) {
  return (
    <Guarded name="PromptOutlet">
      <PromptOutletView {...props} />
    </Guarded>
  );
}

function PromptOutletView({ placement, className, messages, children }: PromptOutletProps) {
  const { kit, diagnostics } = useKitContext('<PromptOutlet>');
  const prompts = usePrompts(placement);
  if (!kit.prompts && kit.config.triggers.length) {
    diagnostics.warn('<PromptOutlet> shows nothing: the provider has no prompt engine; pass prompts={createPromptEngine} to <UpgradeKitProvider>');
  }
  return prompts.map((prompt) => {
    // A render prop that throws costs its prompt, also while rendering on the server, where no error boundary runs.
    const custom = children && safely(diagnostics, '<PromptOutlet> render prop', () => children(prompt), null);
    return <Fragment key={prompt.triggerId}>{custom !== undefined ? custom : renderPrompt(prompt, { className, messages })}</Fragment>;
  });
}

function renderPrompt(prompt: ActivePrompt, shared: { className: string | undefined; messages: Messages | undefined }): ReactNode {
  switch (prompt.kind) {
    case 'meter':
      return prompt.feature ? <UsageMeter feature={prompt.feature} prompt={prompt} {...shared} /> : null;
    case 'banner':
      return <LimitBanner prompt={prompt} {...shared} />;
    case 'modal':
      return <UpgradeModal prompt={prompt} defaultOpen {...shared} />;
    case 'trial':
      return <TrialModal prompt={prompt} defaultOpen {...shared} />;
    default:
      return null;
  }
}
