#!/usr/bin/env node
// Makes sure Playwright has a Chromium to drive: a system Chromium if present; else, as root on
// Debian, `apt-get install -y chromium`; else Playwright's own download. Prints the path it chose.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const found = () => candidates.find((p) => existsSync(p));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status === 0;
}

let browser = found();
if (!browser && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('ensure-browser: installing Debian chromium with apt-get');
  run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']);
  browser = found();
}
if (!browser) {
  console.log('ensure-browser: no system Chromium; trying `npx playwright install chromium`');
  if (!run('npx', ['playwright', 'install', 'chromium'])) {
    console.error('ensure-browser: could not get a Chromium. Install one (e.g. `apt-get install chromium`) or set CHROMIUM_PATH.');
    process.exit(1);
  }
  console.log('ensure-browser: using Playwright-managed Chromium');
} else {
  const version = (() => {
    try {
      return execFileSync(browser, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'version unknown';
    }
  })();
  console.log(`ensure-browser: using ${browser} (${version})`);
}
