/**
 * `npx tsx scripts/bench/bulk.ts`: a bulk outcome change of 10,000 calls through the app's own bulk code, the
 * functions BulkDialog calls: fetchMatchingIds to list the matching calls (with their outcomes), then
 * runJournaledChange with outcomeChange (the journal entry with each call's outcome before, written to our
 * server's /api/journal in chunks of 1,000, then runBulk in batches of 100, then each call's result reported to
 * the journal) against the HubSpot mock with its rate limits on (`--rate-limit`), holding 100,000 calls.
 *
 * The view is the newest 10,000 or so calls: the days from the day of the 10,000th newest call on (the list's
 * date filter counts whole days, so a few more may match; the report names the count). Listing them takes
 * search pages of 200 and the change takes batches of 100. The floor is what the mock's limits alone allow
 * (token buckets, full at the start of a run): searches have a bucket of 5 refilled at 5/s, everything else one
 * of 190 refilled at 19/s (190 per 10 s). Each run starts with both buckets full (runs are 11 s apart).
 *
 * This process stands in for the app's server: it sends the browser code's requests straight to the mock with a
 * bearer token, answering `/hubspot-connection` itself with the default API version (the proxy's own cost is not
 * measured), and `/api/journal` with the server's own journal routes over a SQLite file (as the server keeps it). Env: BENCH_RUNS (default 3), BENCH_CALLS (default 100000).
 * Writes bench-results/bulk.json.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { configureHttp } from '../../src/api/http.ts';
import { DEFAULT_API_VERSION } from '../../src/api/hubspot-paths.ts';
import { currentOutcomes } from '../../src/features/calls/list/bulk.ts';
import { outcomeChange } from '../../src/features/journal/list-changes.ts';
import { runJournaledChange } from '../../src/features/journal/run-change.ts';
import { fetchMatchingIds } from '../../src/features/calls/list/list-queries.ts';
import { parseListState, toCallListParams } from '../../src/features/calls/list/list-state.ts';
import { SEARCH_RESULT_CAP } from '../../src/features/calls/search-slices.ts';
import { RATE_LIMITS } from '../../server/mock/app.ts';
import { openMockDb } from '../../server/mock/store/index.ts';
import { createApiApp } from '../../server/api/app.ts';
import { openAppDb } from '../../server/store/connection.ts';
import { freePort, startServer } from './lib/process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const CALLS = Math.max(SEARCH_RESULT_CAP, Number(process.env.BENCH_CALLS ?? 100_000));
const DB_FILE = path.join(ROOT, '.data', `bench-ui-${CALLS}.sqlite`);
const SEARCH_PAGE = 200;
const BATCH = 100;
const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const TARGET_RATIO = 1.2;
/** How many calls the measured bulk change covers (the issue's figure). */
const TARGET_CALLS = SEARCH_RESULT_CAP;

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Seconds the limits alone impose on `n` requests through a bucket of `capacity` refilled at `perSecond`, full at the start. */
const bucketFloor = (n: number, capacity: number, perSecond: number) => Math.max(0, n - capacity) / perSecond;

async function main() {
  mkdirSync(path.dirname(DB_FILE), { recursive: true });
  if (!existsSync(DB_FILE)) openMockDb({ file: DB_FILE, seed: 'demo', seedCalls: CALLS }).close();
  // The run writes: work on a copy.
  const db = path.join(tmpdir(), `bench-bulk-${process.pid}.sqlite`);
  copyFileSync(DB_FILE, db);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const auth = { authorization: 'Bearer bench' };
  const mock = await startServer({
    args: ['--import', 'tsx', path.join(ROOT, 'server/mock/cli.ts'), '--port', String(port), '--db', db, '--rate-limit'],
    cwd: ROOT,
    readyUrl: `${base}/crm/v3/objects/calls?limit=1`,
    headers: auth,
    timeoutMs: 120_000,
  });

  const journalFile = path.join(tmpdir(), `bench-bulk-journal-${process.pid}.sqlite`);
  const appDb = openAppDb(journalFile);
  const api = createApiApp({ db: appDb });
  const counts = { search: 0, other: 0, rateLimited: 0, journal: 0, journalMs: 0 };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (url.pathname === '/hubspot-connection') return Response.json({ apiVersion: DEFAULT_API_VERSION });
    if (url.pathname.startsWith('/api/')) {
      counts.journal++;
      const started = performance.now();
      const res = await api.request(`${url.pathname}${url.search}`, init);
      counts.journalMs += performance.now() - started;
      return res;
    }
    if (url.pathname.endsWith('/search')) counts.search++;
    else counts.other++;
    const target = `${base}${url.pathname.replace(/^\/hubspot/, '')}${url.search}`;
    const res = await realFetch(target, { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), ...auth } });
    if (res.status === 429) counts.rateLimited++;
    return res;
  };
  configureHttp({ origin: base });

  // The day of the 10,000th newest call (one search, straight to the mock).
  const nth = (await (
    await realFetch(`${base}/crm/v3/objects/calls/search`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }], properties: ['hs_timestamp'], limit: 1, after: String(TARGET_CALLS - 1) }),
    })
  ).json()) as { results: { properties: { hs_timestamp: string } }[] };
  const fromDay = nth.results[0]!.properties.hs_timestamp.slice(0, 10);
  const params = (() => {
    const { after: _after, ...view } = toCallListParams(parseListState(new URLSearchParams({ from: fromDay })), 'UTC');
    return view;
  })();
  const runs: {
    listS: number;
    changeS: number;
    totalS: number;
    calls: number;
    succeeded: number;
    searches: number;
    writes: number;
    journalRequests: number;
    /** Time in our server's journal routes (the journal's requests are sent one at a time, before and after the batches). */
    journalS: number;
    rateLimited: number;
  }[] = [];
  const load0 = loadavg()[0]!;
  try {
    for (let i = 0; i < RUNS; i++) {
      // Both buckets full again (the burst bucket refills in 10 s).
      await new Promise((r) => setTimeout(r, RATE_LIMITS.intervalMs + 1000));
      Object.assign(counts, { search: 0, other: 0, rateLimited: 0, journal: 0, journalMs: 0 });
      const t0 = performance.now();
      const { ids, outcomes } = await fetchMatchingIds(params, () => {});
      const t1 = performance.now();
      const before = await currentOutcomes(ids, outcomes);
      const { report } = await runJournaledChange(outcomeChange(before, CONNECTED, 'Connected'));
      const t2 = performance.now();
      runs.push({
        listS: (t1 - t0) / 1000,
        changeS: (t2 - t1) / 1000,
        totalS: (t2 - t0) / 1000,
        calls: ids.length,
        succeeded: report.succeeded.length,
        searches: counts.search,
        writes: counts.other,
        journalRequests: counts.journal,
        journalS: counts.journalMs / 1000,
        rateLimited: counts.rateLimited,
      });
      console.log(`run ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
    }
  } finally {
    globalThis.fetch = realFetch;
    await mock.stop();
    appDb.close();
    for (const suffix of ['', '-wal', '-shm']) for (const file of [db, journalFile]) rmSync(file + suffix, { force: true });
  }
  const load1 = loadavg()[0]!;

  const n = runs[0]!.calls;
  const searches = Math.ceil(n / SEARCH_PAGE);
  const batches = Math.ceil(n / BATCH);
  const floor = {
    listS: bucketFloor(searches, RATE_LIMITS.searchPerSecond, RATE_LIMITS.searchPerSecond),
    changeS: bucketFloor(batches, RATE_LIMITS.max, (RATE_LIMITS.max * 1000) / RATE_LIMITS.intervalMs),
    /** With both buckets empty at the start (e.g. right after another bulk run): the sustained rates alone. */
    steadyS: searches / RATE_LIMITS.searchPerSecond + batches / ((RATE_LIMITS.max * 1000) / RATE_LIMITS.intervalMs),
  };
  const floorS = floor.listS + floor.changeS;
  const med = {
    listS: median(runs.map((r) => r.listS)),
    changeS: median(runs.map((r) => r.changeS)),
    journalS: median(runs.map((r) => r.journalS)),
    totalS: median(runs.map((r) => r.totalS)),
  };
  const result = {
    at: new Date().toISOString(),
    calls: n,
    runs,
    loadAverage: { start: round(load0, 2), end: round(load1, 2) },
    requests: { searches, batches },
    floorS: { ...floor, total: floorS },
    medianS: med,
    ratioToFloor: med.totalS / floorS,
    target: `≤ ${TARGET_RATIO}× the floor`,
  };
  console.log(
    `\nBulk outcome change of ${n.toLocaleString('en-US')} calls (the newest calls from ${fromDay} on, ${CALLS.toLocaleString('en-US')} calls in the mock, --rate-limit), median of ${RUNS}; load average ${result.loadAverage.start} → ${result.loadAverage.end}\n`,
  );
  console.log('| Phase | Requests | Median | Floor from the limits | Ratio |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| List the matching calls (search, pages of ${SEARCH_PAGE}) | ${searches} | ${round(med.listS, 2)} s | ${round(floor.listS, 2)} s | ${floor.listS ? `${round(med.listS / floor.listS, 2)}×` : ''} |`);
  console.log(`| Journal the change, change the outcome (batches of ${BATCH}), report the results | ${batches} (+ ${runs[0]!.journalRequests} to /api/journal) | ${round(med.changeS, 2)} s | ${round(floor.changeS, 2)} s | |`);
  console.log(`| Total | ${searches + batches} | ${round(med.totalS, 2)} s | ${round(floorS, 2)} s | ${round(result.ratioToFloor, 2)}× (target ≤ ${TARGET_RATIO}×: ${result.ratioToFloor <= TARGET_RATIO ? 'yes' : 'NO'}) |`);
  console.log(`\nOf the change, the journal's requests took ${round(med.journalS, 2)} s (median).`);
  console.log(`\n429 answers per run: ${runs.map((r) => r.rateLimited).join(', ')}. With both buckets empty at the start the floor would be ${round(floor.steadyS, 2)} s.`);
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench-results', 'bulk.json'), JSON.stringify(result, null, 2) + '\n');
  console.log('\nwritten: bench-results/bulk.json');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
