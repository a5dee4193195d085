#!/usr/bin/env node
// `npm test`: typecheck, lint, unused code (knip), Vitest, then Playwright (when e2e specs exist), and one closing line
// "N passed, N failed, N skipped" summing every runner. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.reports');
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, ok) {
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck', step('typecheck', 'npx', ['tsc', '-b']));
check('lint', step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']));
check('unused code', step('knip', 'npx', ['knip', '--no-progress']));

const vitestJson = path.join(reports, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestOk = step('vitest', 'npx', ['vitest', 'run'], { VITEST_JSON: vitestJson });
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests ?? 0;
  totals.failed += v.numFailedTests ?? 0;
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  const suiteFailures = (v.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
  totals.failed += suiteFailures;
  lines.push(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests + suiteFailures} failed`);
  if (!vitestOk && v.numFailedTests + suiteFailures === 0) check('vitest run', false);
} else {
  check('vitest (no report)', false);
}

const hasSpecs = existsSync(path.join(root, 'e2e')) && readdirSync(path.join(root, 'e2e')).some((f) => f.endsWith('.spec.ts'));
if (hasSpecs) {
  const browserOk = step('browser', 'node', ['scripts/ensure-browser.mjs']);
  if (!browserOk) {
    check('browser', false);
  } else {
    const pwJson = path.join(reports, 'playwright.json');
    rmSync(pwJson, { force: true });
    const pwOk = step('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_FILE: pwJson,
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    });
    const p = readJson(pwJson);
    if (p?.stats) {
      const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = p.stats;
      totals.passed += expected + flaky;
      totals.failed += unexpected;
      totals.skipped += skipped;
      lines.push(`playwright: ${expected + flaky} passed (${flaky} flaky), ${unexpected} failed, ${skipped} skipped`);
      if (!pwOk && unexpected === 0) check('playwright run', false);
    } else {
      check('playwright (no report)', false);
    }
  }
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
