/**
 * `npx tsx scripts/bench/waterfall.ts <base-url>`: where cold loads of /calls (WF_RUNS, default 3) spend their time until the
 * first row: each request (start → end, from the Resource Timing API), the paints and the first row, in ms from
 * navigation start, and the main thread's self time by script and by function (a CPU profile). A diagnostic for
 * the "first rows" figure of `--only ui`, run against a production server, e.g. the benchmark's data:
 * `MOCK_DB=.data/bench-ui-100000.sqlite PORT=4174 npm start`, then `npx tsx scripts/bench/waterfall.ts http://127.0.0.1:4174`.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium.ts';
import { firstRowOf, watchFirstRow } from './lib/first-row.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch(chromiumLaunchOptions);
const RUNS = Number(process.env.WF_RUNS ?? 3);
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC', bypassCSP: true });
  await watchFirstRow(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const firstRow = firstRowOf(page);
  await page.goto(`${base}/calls`, { waitUntil: 'commit' });
  await firstRow;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
  await page.waitForLoadState('networkidle');
  const timeline = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const rows = [
      { what: 'document', start: nav.startTime, end: nav.responseEnd },
      { what: 'DOMContentLoaded', start: nav.domContentLoadedEventStart, end: nav.domContentLoadedEventEnd },
      ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ what: new URL(r.name).pathname.slice(0, 70), start: r.startTime, end: r.responseEnd })),
      ...performance.getEntriesByType('paint').map((p) => ({ what: p.name, start: p.startTime, end: p.startTime })),
      { what: 'FIRST ROW', start: (window as unknown as { __firstRowAt: number }).__firstRowAt, end: (window as unknown as { __firstRowAt: number }).__firstRowAt },
    ];
    return rows.sort((a, b) => a.start - b.start);
  });
  // Self time per function until the first row (the profile runs a little past it).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const key = f ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}` : '?';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byFile = new Map<string, number>();
  for (const [k, ms] of self) {
    const file = k.split(' ').pop()?.split(':')[0] ?? '?';
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  console.log(`\nrun ${run + 1}: self time by script`);
  for (const [k, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${Math.round(ms).toString().padStart(6)} ms  ${k}`);
  console.log('top functions');
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${Math.round(ms).toString().padStart(6)} ms  ${k}`);
  console.log(`\nrun ${run + 1}`);
  for (const r of timeline) console.log(`${String(Math.round(r.start)).padStart(6)} → ${String(Math.round(r.end)).padStart(6)}  ${r.what}`);
  await context.close();
}
await browser.close();
