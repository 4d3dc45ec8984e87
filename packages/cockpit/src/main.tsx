import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Cockpit } from './app/Cockpit.js';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Cockpit />
  </StrictMode>,
);
