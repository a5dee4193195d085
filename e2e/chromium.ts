/**
 * How this project launches Chromium, for the Playwright config and the UI benchmark: a system
 * Chromium when there is one (the same candidates as scripts/ensure-browser.mjs), else Playwright's
 * own; flags that keep it quiet on a machine without a GPU, sandbox or outside network.
 */
import { existsSync } from 'node:fs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string),
);

export const chromiumLaunchOptions: { executablePath?: string; args: string[] } = systemChromium
  ? { executablePath: systemChromium, args: CHROMIUM_ARGS }
  : { args: CHROMIUM_ARGS };
