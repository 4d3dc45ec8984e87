// The visitor's theme on <html> before the first paint, so a reload never flashes the other one (see src/theme.ts).
try {
  const theme = localStorage.getItem('acme:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-upgradekit-theme', theme);
} catch {
  // No storage: the system's preference applies.
}
