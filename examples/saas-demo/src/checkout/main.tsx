// The app's stylesheets in the app's order: app.css overrides some of styles.css, and a page that shares only
// app.css with the app would have the bundler load it first, before styles.css.
import '@upgradekit/react/styles.css';
import '../app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CheckoutPage } from './CheckoutPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CheckoutPage />
  </StrictMode>,
);
