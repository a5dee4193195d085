import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

/**
 * E2E runs against the production server (`server/serve.ts`, the code path of `npm start`)
 * on its own port with a fresh, demo-seeded embedded mock database, speaking HubSpot's default API
 * version (or HUBSPOT_API_VERSION when set). A second server on E2E_PORT + 1000 speaks the legacy
 * family for api-version.spec.ts, which checks the family of every request the app sends; a third on
 * E2E_PORT + 10000 answers batch writes per item for the bulk actions' second run.
 * Engineers running e2e at the same time pick their own port with E2E_PORT.
 */
function portFrom(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name} must be a TCP port number, got "${process.env[name]}"`);
  return value;
}
const port = portFrom('E2E_PORT', 4180);
const legacyPort = portFrom('E2E_LEGACY_PORT', port + 1000);
const perItemPort = portFrom('E2E_PER_ITEM_PORT', port + 10_000);
const url = (p: number) => `http://127.0.0.1:${p}`;

/** `npm start` on `p` with a fresh mock database, the given HUBSPOT_API_VERSION ('' for the default) and batch mode. */
function server(p: number, apiVersion: string, batchMode: 'atomic' | 'per-item') {
  return {
    // Same entry point as `npm start`; --reset-mock deletes the mock DB so each run starts from the demo seed,
    // --no-env-file ignores .env.local so a developer's real HubSpot token is never used by tests.
    command: `npx tsx server/serve.ts --reset-mock --no-env-file`,
    url: `${url(p)}/hubspot-connection`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    env: {
      ...(process.env as Record<string, string>),
      HOST: '127.0.0.1',
      PORT: String(p),
      MOCK_DB: `.data/e2e-${p}.sqlite`,
      // Saved views start empty on every run (the tests that save views delete them too).
      APP_DB: ':memory:',
      HUBSPOT_ACCESS_TOKEN: '',
      HUBSPOT_BASE_URL: '',
      HUBSPOT_API_VERSION: apiVersion,
      ADMIN_PASSWORD: '',
      MOCK_BATCH_MODE: batchMode,
      MOCK_SEARCH_LAG_MS: '1100',
      MOCK_CALL_LABELS: 'hubspot',
    },
  };
}

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
    baseURL: url(port),
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
    {
      name: 'chromium-legacy-api',
      testMatch: '**/api-version.spec.ts',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions,
        baseURL: url(legacyPort),
      },
    },
    {
      // The bulk actions once more against a mock that answers batch writes per item, as HubSpot's batch
      // create with objectWriteTraceId does (a 207 in v3/v4 and 2026-03; 2026-09 has no 207 and puts the
      // errors in a 200 body): the app is right under both kinds of answer.
      name: 'chromium-per-item-batches',
      testMatch: 'calls-list-triage.spec.ts',
      grep: /bulk/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions,
        baseURL: url(perItemPort),
      },
    },
  ],
  // The embedded mock as strict as HubSpot (the defaults of `npm start`): all-or-nothing batches, search
  // lagging 1100 ms behind writes, HubSpot's call association types only. The legacy server differs only in
  // the API family, the per-item one only in answering batch writes per item.
  webServer: [
    server(port, process.env.HUBSPOT_API_VERSION ?? '', 'atomic'),
    server(legacyPort, 'legacy', 'atomic'),
    server(perItemPort, process.env.HUBSPOT_API_VERSION ?? '', 'per-item'),
  ],
});
