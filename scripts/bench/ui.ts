/**
 * `npx tsx scripts/bench/ui.ts`: the call list in Chromium on the production build, against the embedded
 * mock holding 100,000 calls.
 *
 *  - first rows: cold cache (fresh browser context per run), from navigation start to the first data row
 *    of /calls in the DOM (measured in the page with a MutationObserver against performance.now()); the server
 *    sends them rendered (server/ssr.ts), so beside it the time until the app has taken them over (hydrated:
 *    clicks and keys work), and the HTML's size, which now carries the first page.
 *  - page change: click "Go to next page" to the first row of the new page (plain list, and a sorted
 *    search view); the app prefetches the next page, so this is what a person paging at reading speed sees.
 *    Beside the time to the rows, the main thread's work for the change (CDP TaskDuration from the click until
 *    the page is quiet again, so it includes the prefetch of the following page).
 *  - JS for /calls: every script response of a cold /calls load, gzip-sized (level 9) and summed.
 *
 * Medians of BENCH_RUNS (default 7) runs. Prints a table and writes bench-results/ui.json.
 * Env: BENCH_RUNS, BENCH_CALLS (default 100000), BENCH_PORT, BENCH_FRESH_DB=1 (rebuild the mock DB; it is
 * otherwise reused from .data/bench-ui-<calls>.sqlite), BENCH_PROFILE=<file> (CPU profile of one page change).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium.ts';
import { openMockDb } from '../../server/mock/store/index.ts';
import { firstRowOf, rowsLiveOf, watchFirstRow } from './lib/first-row.ts';
import { freePort, startServer } from './lib/process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));
const CALLS = Math.max(1, Number(process.env.BENCH_CALLS ?? 100_000));
const DB_FILE = path.join(ROOT, '.data', `bench-ui-${CALLS}.sqlite`);
const TARGETS = { firstRowsMs: 400, pageChangeMs: 300, pageChangeMainMs: 100, jsGzipKb: 250 };


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

const PAGE_CHANGED = 'bench:page-changed';

async function coldLoad(
  browser: Browser,
  url: string,
): Promise<{ firstRowMs: number; rowsLiveMs: number; htmlGzip: number; jsWire: number; jsRaw: number; jsGzip: number; scripts: number; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC', bypassCSP: true });
  await watchFirstRow(context);
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
  const firstRow = firstRowOf(page);
  const rowsLive = rowsLiveOf(page);
  const response = await page.goto(url, { waitUntil: 'commit' });
  const firstRowMs = await firstRow;
  const rowsLiveMs = await rowsLive;
  await page.waitForLoadState('networkidle');
  const html = (await response?.body().catch(() => null)) ?? Buffer.alloc(0);
  const buffers = (await Promise.all(bodies)).filter((b): b is Buffer => !!b);
  const wire = (await Promise.all(transferred)).reduce((n, x) => n + x, 0);
  return {
    firstRowMs,
    rowsLiveMs,
    htmlGzip: gzipSync(html, { level: 9 }).length,
    jsWire: wire,
    jsRaw: buffers.reduce((n, b) => n + b.length, 0),
    jsGzip: buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    scripts: buffers.length,
    page,
    close: () => context.close(),
  };
}

/** Main-thread time Chromium has spent on the page's tasks so far (CDP Performance.getMetrics TaskDuration), in ms. */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/**
 * Clicks "next page": ms from the click to the first row of the new page, and the main thread's work for the
 * change (every task from the click until the page is quiet again: rendering the new rows, the selection and
 * pager updates, and fetching and parsing the prefetched next page). The click is the mouse's, at the button's
 * place found beforehand, and the page reports the new rows on the console: Playwright's locator click (its
 * selector engine computing accessible names, its hit tests and stability checks) and a polling
 * `waitForFunction` would run on the page's main thread inside the measured window.
 */
async function pageChange(page: Page, cdp: CDPSession): Promise<{ ms: number; mainMs: number }> {
  // Let the next page's prefetch land, as it would while a person reads the current one.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const next = page.getByRole('button', { name: 'Go to next page' });
  await next.scrollIntoViewIfNeeded();
  const box = await next.boundingBox();
  if (!box) throw new Error('"Go to next page" is not on the screen');
  // A string, not a function: tsx's name helpers do not exist in the page.
  await page.evaluate(`(() => {
    const firstId = () => document.querySelector('[role="grid"] [role="row"][data-id]')?.getAttribute('data-id') ?? null;
    const prev = firstId();
    let start = 0;
    document.addEventListener('click', () => { start = performance.now(); }, { capture: true, once: true });
    const mo = new MutationObserver(() => {
      const id = firstId();
      if (start && id && id !== prev) { mo.disconnect(); console.debug('${PAGE_CHANGED}', performance.now() - start); }
    });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-id'] });
  })()`);
  const changed = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(PAGE_CHANGED), timeout: 30_000 });
  await page.waitForTimeout(100);
  const before = await taskMs(cdp);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const ms = Number((await changed).text().slice(PAGE_CHANGED.length).trim());
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  // The measuring calls themselves (getMetrics, the MutationObserver, one console message) cost well under a millisecond.
  const mainMs = (await taskMs(cdp)) - before;
  return { ms, mainMs };
}

/**
 * BENCH_PROFILE=<file>: a CPU profile (CDP Profiler) of one list page change, written to <file>.cpuprofile
 * (open it in Chrome DevTools), and the functions with the most self time printed, by script and position.
 */
async function profilePageChange(browser: Browser, url: string, file: string): Promise<void> {
  const run = await coldLoad(browser, url);
  const cdp = await run.page.context().newCDPSession(run.page);
  await cdp.send('Performance.enable');
  await pageChange(run.page, cdp); // the second change is the one profiled: code paths warm, as a person paging sees
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const change = await pageChange(run.page, cdp);
  const { profile } = await cdp.send('Profiler.stop');
  await run.close();
  writeFileSync(`${file}.cpuprofile`, JSON.stringify(profile));
  const dt = new Map<number, number>();
  profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
  const self = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
  }
  console.log(`\nprofile of one page change (${round(change.ms)} ms to rows, ${round(change.mainMs)} ms main thread): ${file}.cpuprofile; top self time:`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${round(ms, 1).toString().padStart(7)} ms  ${k}`);
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

    const load0 = loadavg()[0]!;
    const firstRows: number[] = [];
    const rowsLive: number[] = [];
    let htmlGzip = 0;
    const list = { ms: [] as number[], mainMs: [] as number[] };
    const search = { ms: [] as number[], mainMs: [] as number[] };
    let js = { raw: 0, gzip: 0, wire: 0, scripts: 0 };
    const changes = async (page: Page, into: typeof list) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      for (let k = 0; k < 3; k++) {
        const c = await pageChange(page, cdp);
        into.ms.push(c.ms);
        into.mainMs.push(c.mainMs);
      }
    };
    for (let i = 0; i < RUNS; i++) {
      const run = await coldLoad(browser, `${base}/calls`);
      firstRows.push(run.firstRowMs);
      rowsLive.push(run.rowsLiveMs);
      htmlGzip = run.htmlGzip;
      js = { raw: run.jsRaw, gzip: run.jsGzip, wire: run.jsWire, scripts: run.scripts };
      await changes(run.page, list);
      await run.close();

      const sorted = await coldLoad(browser, `${base}/calls?sort=-time`);
      await changes(sorted.page, search);
      await sorted.close();
    }
    if (process.env.BENCH_PROFILE) await profilePageChange(browser, `${base}/calls`, process.env.BENCH_PROFILE);
    const load1 = loadavg()[0]!;

    const stat = (xs: number[]) => ({ median: round(median(xs)), samples: xs.map((x) => round(x)) });
    const result = {
      at: new Date().toISOString(),
      calls: CALLS,
      runs: RUNS,
      loadAverage: { start: round(load0, 2), end: round(load1, 2) },
      firstRowsMs: stat(firstRows),
      rowsLiveMs: stat(rowsLive),
      htmlForCallsGzipKb: round(htmlGzip / 1024, 1),
      pageChangeMs: stat(list.ms),
      pageChangeMainThreadMs: stat(list.mainMs),
      pageChangeSearchMs: stat(search.ms),
      pageChangeSearchMainThreadMs: stat(search.mainMs),
      jsForCalls: { scripts: js.scripts, rawKb: round(js.raw / 1024, 1), gzipKb: round(js.gzip / 1024, 1), transferredKb: round(js.wire / 1024, 1) },
      targets: TARGETS,
    };
    const row = (name: string, value: number, unit: string, target: number, extra = ''): [string, string, string, string] => [
      name,
      `${value} ${unit}${extra}`,
      `${target} ${unit}`,
      value <= target ? 'yes' : 'NO',
    ];
    const rows = [
      row('First rows on /calls (cold cache)', result.firstRowsMs.median, 'ms', TARGETS.firstRowsMs),
      ['… and the app has taken them over (hydrated)', `${result.rowsLiveMs.median} ms`, '', ''] as [string, string, string, string],
      row('Page change (list endpoint), click to rows', result.pageChangeMs.median, 'ms', TARGETS.pageChangeMs),
      row('Page change (list endpoint), main-thread work', result.pageChangeMainThreadMs.median, 'ms', TARGETS.pageChangeMainMs),
      row('Page change (search, sorted by time), click to rows', result.pageChangeSearchMs.median, 'ms', TARGETS.pageChangeMs),
      row('Page change (search, sorted by time), main-thread work', result.pageChangeSearchMainThreadMs.median, 'ms', TARGETS.pageChangeMainMs),
      ['HTML of /calls with its first page (gzip -9)', `${result.htmlForCallsGzipKb} KB`, '', ''] as [string, string, string, string],
      row('JS loaded for /calls (gzip -9)', result.jsForCalls.gzipKb, 'KB', TARGETS.jsGzipKb, ` (${js.scripts} files; ${result.jsForCalls.rawKb} KB raw, ${result.jsForCalls.transferredKb} KB as served)`),
    ];
    console.log(`\nCall list, production build, ${CALLS.toLocaleString('en-US')} calls in the mock, Chromium, median of ${RUNS} runs; load average ${result.loadAverage.start} → ${result.loadAverage.end}\n`);
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
