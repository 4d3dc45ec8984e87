'use client';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface GuardProps {
  /** The component's name, for the log. */
  name: string;
  /** What to render after a failure. Default: nothing. */
  degraded?: () => ReactNode;
  children?: ReactNode;
}

/**
 * Every UpgradeKit component renders inside one: a failure in upgrade UI must
 * never unmount the host app. It logs once and renders the degraded output.
 */
export class Guard extends Component<GuardProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`[upgradekit] <${this.props.name}> failed and was replaced by its fallback so your app keeps working.`, error, info.componentStack);
  }

  override render() {
    return this.state.failed ? (this.props.degraded?.() ?? null) : this.props.children;
  }
}
