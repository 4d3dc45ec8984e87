'use client';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useOptionalKitContext } from './context.js';
import type { Diagnostics } from './diagnostics.js';

interface GuardProps {
  /** The component's name, for the log. */
  name: string;
  /** What to render after a failure. Default: nothing. */
  degraded?: (() => ReactNode) | undefined;
  diagnostics: Diagnostics;
  children?: ReactNode;
}

/**
 * An error boundary: a failure in upgrade UI must never unmount the host app. It
 * reports once and renders the degraded output.
 */
class Guard extends Component<GuardProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.props.diagnostics.report(`<${this.props.name}> failed and was replaced by its fallback so your app keeps working.${info.componentStack ?? ''}`, error);
  }

  override render() {
    return this.state.failed ? (this.props.degraded?.() ?? null) : this.props.children;
  }
}

export interface GuardedProps {
  name: string;
  /** What to render after a failure, and outside a provider. Default: nothing. */
  degraded?: (() => ReactNode) | undefined;
  children?: ReactNode;
}

/**
 * Every UpgradeKit component renders inside one. Inside a provider, its children
 * render within an error boundary; outside one, nothing (or `degraded`) renders,
 * with a development warning: no throw, since error boundaries do not run while
 * rendering on the server and a throw there fails the host's whole page.
 */
export function Guarded({ name, degraded, children }: GuardedProps) {
  const context = useOptionalKitContext(`<${name}>`);
  if (!context) return degraded?.() ?? null;
  return (
    <Guard name={name} degraded={degraded} diagnostics={context.diagnostics}>
      {children}
    </Guard>
  );
}
