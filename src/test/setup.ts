import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Component tests run the real HubSpot mock and MUI on a shared machine: give screens time to settle
// before a lookup fails.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  // Each test is a new tab (the mock behind the next test's fake gives out the same ids again).
  sessionStorage.clear();
});
