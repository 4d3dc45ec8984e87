/*
 * The theme's tokens, read from styles.css itself, so the theme page lists every
 * `--uk-*` variable there is and never one that is gone.
 */

export interface Rule {
  selector: string;
  /** Its `--uk-*` declarations, in order. */
  variables: Map<string, string>;
}

/** The stylesheet's rules (those inside `@media` too), each with the variables it declares. */
export function rules(css: string): Rule[] {
  const text = css.replace(/\/\*[^]*?\*\//g, '');
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => ({
    selector: selector!.trim().replace(/\s+/g, ' '),
    variables: new Map([...body!.matchAll(/(--uk-[\w-]+)\s*:\s*([^;]+);/g)].map(([, name, value]) => [name!, value!.trim()])),
  }));
}

export const LIGHT = ":root, [data-upgradekit-theme='light']";
export const DARK = "[data-upgradekit-theme='dark']";
/** The dark theme the operating system asks for (inside `prefers-color-scheme: dark`), unless the page forces light. */
export const SYSTEM_DARK = ":root:not([data-upgradekit-theme='light'])";

export function variablesOf(css: string, selector: string): Map<string, string> {
  const rule = rules(css).find((candidate) => candidate.selector === selector);
  if (!rule) throw new Error(`styles.css has no "${selector}" rule`);
  return rule.variables;
}

export interface Token {
  name: string;
  light: string;
  /** The dark theme's value; `undefined` where it keeps the light one. */
  dark: string | undefined;
}

/** The light and dark value of each token the themes declare. */
export function themeTokens(css: string): Token[] {
  const dark = variablesOf(css, DARK);
  return [...variablesOf(css, LIGHT)].map(([name, light]) => ({ name, light, dark: dark.get(name) }));
}

/** Variables a component sets for itself (a meter's colour per state), with the selectors that set them. */
export function componentVariables(css: string): Array<{ name: string; setBy: string[] }> {
  const themes = new Set([LIGHT, DARK, SYSTEM_DARK]);
  const setBy = new Map<string, string[]>();
  for (const { selector, variables } of rules(css)) {
    if (themes.has(selector)) continue;
    for (const name of variables.keys()) setBy.set(name, [...(setBy.get(name) ?? []), selector]);
  }
  return [...setBy].map(([name, selectors]) => ({ name, setBy: selectors }));
}

export type Preview = 'color' | 'shadow' | 'radius' | 'space' | 'font' | 'outline';

/** How a token is shown: a swatch for colours, a box for radius and shadow, a bar for spacing, a sample for the font. */
export function previewOf({ name, light }: Token): Preview {
  // By name first: `inherit` (the font's value) is a valid colour too.
  if (name.includes('font')) return 'font';
  if (name.includes('shadow')) return 'shadow';
  if (name.includes('radius')) return 'radius';
  if (name.includes('focus')) return 'outline';
  return CSS.supports('color', light) ? 'color' : 'space';
}
