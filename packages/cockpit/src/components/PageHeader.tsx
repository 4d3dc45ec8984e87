import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A screen's heading, focused when the screen opens so keyboard and screen-reader
 * users start reading where the new content begins.
 */
export function PageHeader({ title, children, lead }: { title: ReactNode; children?: ReactNode; lead?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <header className="page-header">
      <div>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {lead && <p className="page-header__lead">{lead}</p>}
      </div>
      {children && <div className="page-header__tools">{children}</div>}
    </header>
  );
}
