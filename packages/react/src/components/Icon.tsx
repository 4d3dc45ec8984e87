/*
 * Small decorative icons, hidden from assistive tech: the text next to them
 * says the same. One constant per path so a page ships only the icons it uses.
 */
export const WARNING = 'M8 1.5 15 14H1L8 1.5Zm0 4v4m0 2v.5';
export const EXCEEDED = 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-3 7h6';
export const LOCK = 'M4 7V5a4 4 0 0 1 8 0v2M3 7h10v8H3V7Zm5 3v2';
export const CLOSE = 'M3 3l10 10M13 3 3 13';

export function Icon({ path }: { path: string }) {
  return (
    <svg className="uk-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
