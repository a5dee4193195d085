/**
 * `npx tsx scripts/bench/ui.ts`: the call list in Chromium on the production build, against the embedded
 * mock holding 100,000 calls.
 *
 *  - first rows: cold cache (fresh browser context per run), from navigation start to the first data row
 *    of /calls in the DOM (measured in the page with a MutationObserver against performance.now()).
 *  - page change: click "Go to next page" to the first row of the new page (plain list, and a sorted
 *    search view); the app prefetches the next page, so this is what a person paging at reading speed sees.
 *  - JS for /calls: every script response of a cold /calls load, gzip-sized (level 9) and summed.
 *
 * Medians of BENCH_RUNS (default 7) runs. Prints a table and writes bench-results/ui.json.
 * Env: BENCH_RUNS, BENCH_CALLS (default 100000), BENCH_PORT, BENCH_FRESH_DB=1 (rebuild the mock DB; it is
 * otherwise reused from .data/bench-ui-<calls>.sqlite).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium.ts';
import { openMockDb } from '../../server/mock/store/index.ts';
import { freePort, startServer } from './lib/process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const CALLS = Math.max(1, Number(process.env.BENCH_CALLS ?? 100_000));
const DB_FILE = path.join(ROOT, '.data', `bench-ui-${CALLS}.sqlite`);
const TARGETS = { firstRowsMs: 1000, pageChangeMs: 300, jsGzipKb: 350 };


const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

function ensureDb(): void {
  mkdirSync(path.dirname(DB_FILE), { recursive: true });
  if (process.env.BENCH_FRESH_DB === '1') for (const suffix of ['', '-wal', '-shm']) rmSync(DB_FILE + suffix, { force: true });
  const fresh = !existsSync(DB_FILE);
  const t0 = performance.now();
  const db = openMockDb({ file: DB_FILE, seed: 'demo', seedCalls: CALLS });
  db.close();
  if (fresh) console.log(`mock DB with ${CALLS.toLocaleString('en-US')} generated calls built in ${round((performance.now() - t0) / 1000, 1)} s: ${path.relative(ROOT, DB_FILE)}`);
}

declare global {
  interface Window {
    __firstRowAt?: number;
    __pageChange?: { prev: string | null; start: number; end: number };
  }
}

/** In every new document: note when the first grid data row appears. */
const FIRST_ROW_SCRIPT = `(() => {
  const check = () => {
    if (window.__firstRowAt) return true;
    if (document.querySelector('[role="grid"] [role="row"][data-id]')) { window.__firstRowAt = performance.now(); return true; }
    return false;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  document.addEventListener('DOMContentLoaded', () => { if (!check()) mo.observe(document.body, { childList: true, subtree: true }); });
})();`;

async function coldLoad(browser: Browser, url: string): Promise<{ firstRowMs: number; jsWire: number; jsRaw: number; jsGzip: number; scripts: number; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC', bypassCSP: true });
  await context.addInitScript(FIRST_ROW_SCRIPT);
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  const transferred: Promise<number>[] = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    const ct = res.headers()['content-type'] ?? '';
    if (type === 'script' || /javascript/.test(ct) || /\.m?js(\?|$)/.test(new URL(res.url()).pathname)) {
      bodies.push(res.body().catch(() => null));
      transferred.push(res.finished().then(() => res.request().sizes()).then((sz) => sz.responseBodySize, () => 0));
    }
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction("typeof window.__firstRowAt === 'number'", undefined, { timeout: 30_000, polling: 20 });
  const firstRowMs = await page.evaluate<number>('window.__firstRowAt');
  await page.waitForLoadState('networkidle');
  const buffers = (await Promise.all(bodies)).filter((b): b is Buffer => !!b);
  const wire = (await Promise.all(transferred)).reduce((n, x) => n + x, 0);
  return {
    firstRowMs,
    jsWire: wire,
    jsRaw: buffers.reduce((n, b) => n + b.length, 0),
    jsGzip: buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    scripts: buffers.length,
    page,
    close: () => context.close(),
  };
}

/** Clicks "next page" and returns ms from the click to the first row of the new page. */
async function pageChange(page: Page): Promise<number> {
  // Let the next page's prefetch land, as it would while a person reads the current one.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  // A string, not a function: tsx's name helpers do not exist in the page.
  await page.evaluate(`(() => {
    const firstId = () => document.querySelector('[role="grid"] [role="row"][data-id]')?.getAttribute('data-id') ?? null;
    const state = { prev: firstId(), start: 0, end: 0 };
    window.__pageChange = state;
    document.addEventListener('click', () => { state.start = performance.now(); }, { capture: true, once: true });
    const mo = new MutationObserver(() => {
      const id = firstId();
      if (state.start && id && id !== state.prev) { state.end = performance.now(); mo.disconnect(); }
    });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-id'] });
  })()`);
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await page.waitForFunction('(window.__pageChange?.end ?? 0) > 0', undefined, { timeout: 30_000, polling: 10 });
  return page.evaluate<number>('window.__pageChange.end - window.__pageChange.start');
}

async function main() {
  ensureDb();
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  Object.assign(process.env, { HOST: '127.0.0.1', PORT: String(port), MOCK_DB: DB_FILE, HUBSPOT_ACCESS_TOKEN: '', HUBSPOT_BASE_URL: '', ADMIN_PASSWORD: '' });
  const base = `http://127.0.0.1:${port}`;
  console.log('starting the production server (builds dist/ first when it is stale)…');
  const server = await startServer({
    args: ['--import', 'tsx', path.join(ROOT, 'server/serve.ts'), '--no-env-file'],
    cwd: ROOT,
    readyUrl: `${base}/hubspot-connection`,
    timeoutMs: 300_000,
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    // One warm-up load so the server's first-request work (static compression, SQLite page cache) is not counted.
    const warm = await coldLoad(browser, `${base}/calls`);
    await warm.close();

    const firstRows: number[] = [];
    const listChanges: number[] = [];
    const searchChanges: number[] = [];
    let js = { raw: 0, gzip: 0, wire: 0, scripts: 0 };
    for (let i = 0; i < RUNS; i++) {
      const run = await coldLoad(browser, `${base}/calls`);
      firstRows.push(run.firstRowMs);
      js = { raw: run.jsRaw, gzip: run.jsGzip, wire: run.jsWire, scripts: run.scripts };
      for (let k = 0; k < 3; k++) listChanges.push(await pageChange(run.page));
      await run.close();

      const sorted = await coldLoad(browser, `${base}/calls?sort=-time`);
      for (let k = 0; k < 3; k++) searchChanges.push(await pageChange(sorted.page));
      await sorted.close();
    }

    const result = {
      at: new Date().toISOString(),
      calls: CALLS,
      runs: RUNS,
      firstRowsMs: { median: round(median(firstRows)), samples: firstRows.map((x) => round(x)) },
      pageChangeMs: { median: round(median(listChanges)), samples: listChanges.map((x) => round(x)) },
      pageChangeSearchMs: { median: round(median(searchChanges)), samples: searchChanges.map((x) => round(x)) },
      jsForCalls: { scripts: js.scripts, rawKb: round(js.raw / 1024, 1), gzipKb: round(js.gzip / 1024, 1), transferredKb: round(js.wire / 1024, 1) },
      targets: TARGETS,
    };
    const rows: [string, string, string, string][] = [
      ['First rows on /calls (cold cache)', `${result.firstRowsMs.median} ms`, `${TARGETS.firstRowsMs} ms`, result.firstRowsMs.median <= TARGETS.firstRowsMs ? 'yes' : 'NO'],
      ['Page change (list endpoint)', `${result.pageChangeMs.median} ms`, `${TARGETS.pageChangeMs} ms`, result.pageChangeMs.median <= TARGETS.pageChangeMs ? 'yes' : 'NO'],
      ['Page change (search, sorted by time)', `${result.pageChangeSearchMs.median} ms`, `${TARGETS.pageChangeMs} ms`, result.pageChangeSearchMs.median <= TARGETS.pageChangeMs ? 'yes' : 'NO'],
      ['JS loaded for /calls (gzip)', `${result.jsForCalls.gzipKb} KB (${js.scripts} files; ${result.jsForCalls.rawKb} KB raw, ${result.jsForCalls.transferredKb} KB as served)`, `${TARGETS.jsGzipKb} KB`, result.jsForCalls.gzipKb <= TARGETS.jsGzipKb ? 'yes' : 'NO'],
    ];
    console.log(`\nCall list, production build, ${CALLS.toLocaleString('en-US')} calls in the mock, Chromium, median of ${RUNS} runs\n`);
    console.log('| Measure | Median | Target | Met |');
    console.log('|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench-results', 'ui.json'), JSON.stringify(result, null, 2) + '\n');
    console.log('\nwritten: bench-results/ui.json');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
