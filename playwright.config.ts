import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

/**
 * E2E runs against the production server (`server/serve.ts`, the code path of `npm start`)
 * on its own port with a fresh, demo-seeded embedded mock database.
 * Engineers running e2e at the same time pick their own port with E2E_PORT.
 */
const port = Number(process.env.E2E_PORT ?? 4180);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  throw new Error(`E2E_PORT must be a TCP port number, got "${process.env.E2E_PORT}"`);
}
const baseURL = `http://127.0.0.1:${port}`;
const mockDb = `.data/e2e-${port}.sqlite`;

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1) === 2 ? 2 : 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: `test-results/e2e-${port}`,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? '.reports/playwright.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
    timezoneId: 'UTC',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    // Same entry point as `npm start`; --reset-mock deletes the mock DB so each run starts from the demo seed,
    // --no-env-file ignores .env.local so a developer's real HubSpot token is never used by tests.
    command: `npx tsx server/serve.ts --reset-mock --no-env-file`,
    url: `${baseURL}/hubspot-connection`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      ...(process.env as Record<string, string>),
      HOST: '127.0.0.1',
      PORT: String(port),
      MOCK_DB: mockDb,
      // Saved views start empty on every run (the tests that save views delete them too).
      APP_DB: ':memory:',
      HUBSPOT_ACCESS_TOKEN: '',
      HUBSPOT_BASE_URL: '',
      ADMIN_PASSWORD: '',
    },
  },
});
