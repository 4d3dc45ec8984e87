import type { CSSProperties } from 'react';
import styles from '../styles.css?raw';
import './theme.css';
import { componentVariables, previewOf, themeTokens, type Preview, type Token } from './themeTokens.js';

const PREVIEW: Record<Preview, (name: string) => CSSProperties> = {
  color: (name) => ({ background: `var(${name})`, border: '1px solid var(--uk-border)' }),
  shadow: (name) => ({ boxShadow: `var(${name})`, background: 'var(--uk-bg)' }),
  radius: (name) => ({ borderRadius: `var(${name})`, border: '2px solid var(--uk-accent)' }),
  space: (name) => ({ width: `var(${name})`, background: 'var(--uk-accent)' }),
  outline: (name) => ({ outline: `var(${name})`, outlineOffset: 2 }),
  font: () => ({}),
};

function Sample({ token, theme }: { token: Token; theme: 'light' | 'dark' }) {
  const preview = previewOf(token);
  const value = theme === 'dark' ? (token.dark ?? token.light) : token.light;
  return (
    <div className="theme-cell" data-upgradekit-theme={theme}>
      {preview === 'font' ? (
        <span className="theme-font" style={{ fontFamily: `var(${token.name})` }}>
          Upgrade to Pro
        </span>
      ) : (
        <span aria-hidden="true" className="theme-swatch" data-preview={preview} style={PREVIEW[preview](token.name)} />
      )}
      <code>{value}</code>
      {theme === 'dark' && token.dark === undefined && <span className="theme-same"> (as light)</span>}
    </div>
  );
}

/** Every `--uk-*` variable in styles.css, each previewed live in the light and the dark theme. */
export function ThemePage() {
  const tokens = themeTokens(styles);
  return (
    <div className="theme">
      <table>
        <caption>Theme tokens</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Light</th>
            <th scope="col">Dark</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.name} data-token={token.name}>
              <th scope="row">
                <code>{token.name}</code>
              </th>
              <td>
                <Sample token={token} theme="light" />
              </td>
              <td>
                <Sample token={token} theme="dark" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Set by components, from the tokens above</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Set by</th>
          </tr>
        </thead>
        <tbody>
          {componentVariables(styles).map(({ name, setBy }) => (
            <tr key={name} data-token={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>
                {setBy.map((selector) => (
                  <code key={selector} className="theme-selector">
                    {selector}
                  </code>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
