import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
// The real stylesheet, so layout, the editor's size and axe's contrast checks are what users get.
import '../styles.css';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
