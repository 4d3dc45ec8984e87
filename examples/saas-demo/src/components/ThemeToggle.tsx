import { setTheme, useTheme } from '../theme';

/** Dark mode on or off; until pressed, the system's preference decides. */
export function ThemeToggle() {
  const theme = useTheme();
  const dark = theme === 'dark';
  return (
    <button type="button" className="icon-button" aria-pressed={dark} onClick={() => setTheme(dark ? 'light' : 'dark')}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" fill="currentColor" />
      </svg>
      <span className="sr-only">Dark mode</span>
    </button>
  );
}
