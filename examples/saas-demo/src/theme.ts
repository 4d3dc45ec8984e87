import { useSyncExternalStore } from 'react';

/*
 * Light or dark: the system's preference (prefers-color-scheme) until the visitor
 * picks one with the toggle, which is kept. The choice is an attribute on <html>
 * that both the app's CSS and UpgradeKit's styles.css read (data-upgradekit-theme);
 * index.html sets it before the first paint, so a reload never flashes light.
 */

const KEY = 'acme:theme';
export type Theme = 'light' | 'dark';

const media = () => globalThis.matchMedia?.('(prefers-color-scheme: dark)');

function chosen(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** The theme in force: the visitor's choice, else the system's. */
export const currentTheme = (): Theme => chosen() ?? (media()?.matches ? 'dark' : 'light');

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  const query = media();
  query?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    query?.removeEventListener('change', listener);
  };
}

export function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Without storage the choice lasts for this page.
  }
  document.documentElement.setAttribute('data-upgradekit-theme', theme);
  listeners.forEach((listener) => listener());
}

export const useTheme = (): Theme => useSyncExternalStore(subscribe, currentTheme, () => 'light');
