import type { ReactNode } from 'react';
import '@upgradekit/react/styles.css';

export const metadata = { title: 'UpgradeKit on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
