import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen. The scrolling region is
 * focusable and named, so a keyboard can scroll it and a screen reader announces it.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="table">{children}</table>
    </div>
  );
}
