/**
 * Benchmark of the HubSpot mock (issue 2 targets), run with `npx tsx scripts/bench/mock.ts`:
 *  1. `--seed-calls 100000` into a temp database (CLI spawn to first answer),
 *  2. startup on that existing database (spawn to first successful request; 3 runs),
 *  3. on loopback with 20 keep-alive connections: list pages of 100, a search with one filter
 *     and one sort (pages of 100), read by id; rps, p50, p99,
 *  4. the same load against a trivial node:http server in the same run, as ratios,
 *  5. list and search against Stoplight Prism's static mock of the same spec (calls.v3.json, fetched
 *     with npx at run time; skipped when the spec is absent): the mock must do at least twice
 *     Prism's throughput with p50 under 10 ms.
 * Every server is measured by the same load generator (this process, lib/load.ts) with the same
 * connections and requests; during the load the generator and the servers run on separate cores
 * (lib/pin.ts), and the report gives each server's CPU time per request and how busy the generator
 * was, so a result limited by the generator shows as such.
 * Prints a markdown table and writes bench-results/mock.json.
 *
 * Options: --calls N (100000) --duration MS per scenario and server (5000) --warmup MS (1000) --connections N (20)
 *          --rounds N (3: mock and trivial alternate in N slices of duration/N)
 *          --no-pin (leave the generator and the servers on any core)
 *          --strict (exit 2 when a target is missed)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { groupCpuMs, processCpuMs } from './lib/cpu';
import { generatorBusy, mergeResults, runLoad, startsWith, type LoadRequest, type LoadResult } from './lib/load';
import { loadOptions } from './lib/args';
import { walkCallList } from './lib/calls';
import { freePort, startServer, type ServerProcess } from './lib/process';
import { PRISM_BAR, PRISM_VERSION, meetsPrismBar, startPrism } from './lib/prism';
import { cpuLayout, describeLayout, pin } from './lib/pin';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { calls: CALLS, durationMs: DURATION, warmupMs: WARMUP, connections: CONNECTIONS, rounds: ROUNDS } = loadOptions();
const AUTH = { authorization: 'Bearer bench-token' };

const TARGETS = {
  seedMs: 30_000,
  startupMs: 1_000,
  list: { rps: 2_000, p50: 10 },
  search: { rps: 2_000, p50: 10 },
  read: { p50: 2 },
  prism: PRISM_BAR,
};

const PROPS = ['hs_timestamp', 'hs_call_title', 'hs_call_direction', 'hs_call_disposition', 'hs_call_duration', 'hs_call_status', 'hubspot_owner_id'];


function cli(db: string, port: number, extra: string[] = []): string[] {
  return ['--import', 'tsx', 'server/mock/cli.ts', '--db', db, '--port', String(port), '--host', '127.0.0.1', ...extra];
}

async function startMock(db: string, extra: string[], timeoutMs: number): Promise<{ server: ServerProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer({ args: cli(db, port, extra), cwd: root, readyUrl: `${base}/crm/v3/objects/calls?limit=1`, headers: AUTH, timeoutMs });
  return { server, base };
}


type Target = 'mock' | 'trivial' | 'prism';

interface Row {
  name: string;
  what: string;
  mock: LoadResult;
  trivial: LoadResult;
  prism?: LoadResult;
  /** Server CPU milliseconds (user + system) per request, where /proc is readable. */
  mockCpuMs?: number;
  trivialCpuMs?: number;
  prismCpuMs?: number;
}

interface Scenario {
  name: string;
  what: string;
  /** Connections for this scenario (default --connections). */
  connections?: number;
  /** Also run against Prism (the scenarios of the bar). */
  prism?: boolean;
  next: (w: number, n: number) => LoadRequest;
  /** Checks a 2xx answer's bytes (cheaply: the start of the document, and the cursor from its tail). */
  onResponse?: (w: number, body: Buffer) => boolean;
}

/** A well-mixed index in [0, len) for request n of worker w (so reads spread over the whole table). */
function spread(w: number, n: number, len: number): number {
  let h = Math.imul(w + 1, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae3d);
  h ^= h >>> 13;
  return (h >>> 0) % len;
}

function scenarios(ids: string[]): Scenario[] {
  const listCursor: (string | undefined)[] = [];
  const searchPage: number[] = [];
  const props = PROPS.join(',');
  return [
    {
      name: 'list',
      prism: true,
      what: `GET /crm/v3/objects/calls?limit=100 (7 properties), following paging.next.after`,
      next: (w) => ({
        path: `/crm/v3/objects/calls?limit=100&properties=${props}${listCursor[w] ? `&after=${encodeURIComponent(listCursor[w] ?? '')}` : ''}`,
        headers: AUTH,
      }),
      // cheap checks (Prism's answers are tiny, the mock's are not): a page with a first record,
      // and its cursor from the document's tail
      onResponse: (w, body) => {
        listCursor[w] = /"after":"([^"]+)"/.exec(body.toString('latin1', Math.max(0, body.length - 400)))?.[1];
        return startsWith(body, '{"results":[{"id":"');
      },
    },
    {
      name: 'search',
      prism: true,
      what: 'POST /crm/v3/objects/calls/search, hs_call_direction EQ OUTBOUND, sort "-hs_timestamp" (newest first; the string form of the spec, which Prism validates), limit 100, pages 1-10',
      next: (w) => {
        const p = searchPage[w] ?? 0;
        return {
          method: 'POST',
          path: '/crm/v3/objects/calls/search',
          headers: AUTH,
          body: JSON.stringify({
            filterGroups: [{ filters: [{ propertyName: 'hs_call_direction', operator: 'EQ', value: 'OUTBOUND' }] }],
            sorts: ['-hs_timestamp'],
            properties: PROPS,
            limit: 100,
            after: String(p * 100),
          }),
        };
      },
      onResponse: (w, body) => {
        searchPage[w] = ((searchPage[w] ?? 0) + 1) % 10;
        return startsWith(body, '{"total":') && body.includes('"results":[{"id":"');
      },
    },
    {
      name: 'read',
      what: `GET /crm/v3/objects/calls/{id} (7 properties), pseudo-random ids over all ${ids.length} calls`,
      next: (w, n) => ({
        path: `/crm/v3/objects/calls/${ids[spread(w, n, ids.length)]}?properties=${props}`,
        headers: AUTH,
      }),
    },
    {
      name: 'read, 1 connection',
      what: 'the same reads on a single keep-alive connection (latency without queueing; informational)',
      connections: 1,
      next: (w, n) => ({
        path: `/crm/v3/objects/calls/${ids[spread(99, n, ids.length)]}?properties=${props}`,
        headers: AUTH,
      }),
    },
  ];
}

const ms = (v: number): string => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : 'n/a');
const int = (v: number): string => Math.round(v).toLocaleString('en-US');
const cpu = (v: number | undefined): string => (v === undefined ? 'n/a' : v.toFixed(3));
const busy = (r: LoadResult): string => `${Math.round(100 * generatorBusy(r))}%`;
const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mock-bench-'));
  const db = path.join(dir, 'bench.sqlite');
  const running: ServerProcess[] = [];
  try {
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`seeding ${CALLS.toLocaleString('en-US')} calls (plus the demo seed) into ${db} ...`);
    const seeded = await startMock(db, ['--seed', 'demo', '--seed-calls', String(CALLS)], 180_000);
    const seedMs = seeded.server.readyMs;
    const countRes = await fetch(`${seeded.base}/crm/v3/objects/calls/search`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ limit: 1 }),
    });
    const total = z.object({ total: z.number() }).parse(await countRes.json()).total;
    await seeded.server.stop('SIGTERM');
    console.log(`seeded in ${int(seedMs)} ms (spawn to first answer); ${int(total)} calls`);

    const startups: number[] = [];
    let mock: { server: ServerProcess; base: string } | undefined;
    for (let i = 0; i < 3; i++) {
      mock = await startMock(db, [], 30_000);
      startups.push(mock.server.readyMs);
      if (i < 2) await mock.server.stop('SIGTERM');
    }
    if (!mock) throw new Error('mock did not start');
    running.push(mock.server);
    const startupMs = [...startups].sort((a, b) => a - b)[1] ?? Number.NaN;
    console.log(`startup on the existing database: ${startups.map((s) => int(s)).join(', ')} ms (median ${int(startupMs)})`);

    // every call id (one walk through the list), so reads hit random rows all over the table
    const { ids } = await walkCallList(mock.base, AUTH);

    // the baseline: a trivial node:http server started the same way (node --import tsx)
    const trivialStartups: number[] = [];
    let trivialPort = 0;
    let trivial: ServerProcess | undefined;
    for (let i = 0; i < 3; i++) {
      trivialPort = await freePort();
      trivial = await startServer({
        args: ['--import', 'tsx', path.join(root, 'scripts/bench/lib/trivial-server.ts'), String(trivialPort)],
        cwd: root,
        readyUrl: `http://127.0.0.1:${trivialPort}/`,
        timeoutMs: 30_000,
      });
      trivialStartups.push(trivial.readyMs);
      if (i < 2) await trivial.stop('SIGTERM');
    }
    if (!trivial) throw new Error('trivial server did not start');
    running.push(trivial);
    const trivialStartupMs = [...trivialStartups].sort((a, b) => a - b)[1] ?? Number.NaN;
    console.log(`trivial node:http server startup: ${trivialStartups.map((s) => int(s)).join(', ')} ms (median ${int(trivialStartupMs)})`);

    const prism = await startPrism(root);
    if (prism) {
      running.push(prism.server);
      console.log(`Prism ${PRISM_VERSION} static mock started in ${int(prism.server.readyMs)} ms (npx, first run downloads it)`);
    }

    // from here on, the load generator (this process) and the servers on separate cores
    const layout = cpuLayout();
    if (layout) {
      pin(mock.server.proc.pid, layout.servers);
      pin(trivial.proc.pid, layout.servers);
      if (prism) pin(prism.server.proc.pid, layout.servers, true);
      pin(process.pid, layout.generator);
    }
    console.log(`CPUs: ${describeLayout(layout)}`);

    const trivialBase = `http://127.0.0.1:${trivialPort}`;
    const trivialServer = trivial;
    /** One measured slice: unmeasured warm-up, then `ms` of load, with the server's CPU time. */
    async function slice(target: Target, s: Scenario, ms: number, warmupMs: number): Promise<{ r: LoadResult; cpuMs?: number }> {
      const base = target === 'mock' ? mock?.base ?? '' : target === 'prism' ? prism?.base ?? '' : trivialBase;
      const pid = target === 'mock' ? mock?.server.proc.pid : target === 'prism' ? prism?.server.proc.pid : trivialServer.proc.pid;
      // the server's CPU: Prism runs under npx, in its own process group
      const cpuOf = target === 'prism' ? groupCpuMs : processCpuMs;
      // the trivial server sees the same methods and bodies, on '/'; Prism the same requests, asking for JSON
      const next =
        target === 'mock'
          ? s.next
          : target === 'prism'
            ? (w: number, n: number): LoadRequest => {
                const req = s.next(w, n);
                return { ...req, headers: { ...req.headers, accept: 'application/json' } };
              }
            : (w: number, n: number): LoadRequest => ({ ...s.next(w, n), path: '/' });
      // Prism answers the spec's example, whatever the page: any 2xx counts
      const onResponse = target === 'mock' ? s.onResponse : undefined;
      const connections = s.connections ?? CONNECTIONS;
      if (warmupMs > 0) await runLoad({ base, connections, durationMs: warmupMs, next, onResponse });
      const cpu0 = cpuOf(pid);
      const r = await runLoad({ base, connections, durationMs: ms, next, onResponse });
      const cpu1 = cpuOf(pid);
      return { r, cpuMs: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined };
    }

    const rows: Row[] = [];
    for (const s of scenarios(ids)) {
      process.stdout.write(`${s.name}: `);
      const parts: Record<Target, { r: LoadResult; cpuMs?: number }[]> = { mock: [], trivial: [], prism: [] };
      const targets: Target[] = prism && s.prism ? ['mock', 'trivial', 'prism'] : ['mock', 'trivial'];
      // the servers alternate in rounds, so a change in the machine's load hits them alike
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of targets) {
          parts[target].push(await slice(target, s, DURATION / ROUNDS, round === 0 ? WARMUP : Math.min(WARMUP, 300)));
          process.stdout.write('.');
        }
      }
      const merged = (target: Target) => {
        const r = mergeResults(parts[target].map((p) => p.r));
        const cpus = parts[target].map((p) => p.cpuMs);
        const cpuMs = cpus.every((c) => c !== undefined) ? cpus.reduce<number>((a, c) => a + (c ?? 0), 0) : undefined;
        return { r, cpuPerReqMs: cpuMs !== undefined && r.requests > 0 ? cpuMs / r.requests : undefined };
      };
      const m = merged('mock');
      const t = merged('trivial');
      const p = targets.includes('prism') ? merged('prism') : undefined;
      console.log(` mock ${int(m.r.rps)} rps, trivial ${int(t.r.rps)} rps${p ? `, Prism ${int(p.r.rps)} rps` : ''}`);
      if (m.r.errors > 0) console.log(`  ${s.name}: ${m.r.errors} failed requests, first: ${m.r.firstError ?? ''}`);
      if (p && p.r.errors > 0) console.log(`  ${s.name} (Prism): ${p.r.errors} failed requests, first: ${p.r.firstError ?? ''}`);
      rows.push({
        name: s.name,
        what: s.what,
        mock: m.r,
        trivial: t.r,
        mockCpuMs: m.cpuPerReqMs,
        trivialCpuMs: t.cpuPerReqMs,
        ...(p ? { prism: p.r, prismCpuMs: p.cpuPerReqMs } : {}),
      });
    }

    const get = (name: string) => rows.find((r) => r.name === name)?.mock;
    const list = get('list');
    const search = get('search');
    // latency of a read is judged without queueing: with the server pinned to one core, 20
    // connections wait in line (Little's law: p50 ≈ connections ÷ rps), which measures throughput
    const read = get('read, 1 connection');
    /** The bar against Prism (undefined without Prism). */
    const beatsPrism = (r: Row | undefined): boolean | undefined => (r?.prism ? meetsPrismBar(r.mock, r.prism) : undefined);
    const prismChecks = {
      list: beatsPrism(rows.find((r) => r.name === 'list')),
      search: beatsPrism(rows.find((r) => r.name === 'search')),
    };
    const checks = {
      seed: seedMs < TARGETS.seedMs,
      startup: startupMs < TARGETS.startupMs,
      list: !!list && list.errors === 0 && list.rps >= TARGETS.list.rps && list.p50 < TARGETS.list.p50,
      search: !!search && search.errors === 0 && search.rps >= TARGETS.search.rps && search.p50 < TARGETS.search.p50,
      read: !!read && read.errors === 0 && read.p50 < TARGETS.read.p50,
    };
    const mark = (ok: boolean) => (ok ? 'yes' : '**no**');
    const target: Record<string, string> = { list: '≥2,000 rps, p50 <10 ms', search: '≥2,000 rps, p50 <10 ms', 'read, 1 connection': 'p50 <2 ms' };
    const lines = [
      '',
      `Mock benchmark: ${int(total)} calls, ${CONNECTIONS} keep-alive connections on loopback, ${DURATION / 1000} s per scenario and server (${ROUNDS} alternating rounds, ${WARMUP / 1000} s warm-up); ${os.cpus().length} CPUs, Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)}.`,
      '',
      '| Scenario | Mock rps | p50 ms | p99 ms | Trivial node:http rps | p50 ms | rps ratio (mock/trivial) | p50 ratio | Mock CPU ms/req | ≈ rps per idle core | Trivial CPU ms/req | Target | Met |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${int(r.mock.rps)} | ${ms(r.mock.p50)} | ${ms(r.mock.p99)} | ${int(r.trivial.rps)} | ${ms(r.trivial.p50)} | ${ratio(r.mock.rps, r.trivial.rps)} | ${ratio(r.mock.p50, r.trivial.p50)} | ${cpu(r.mockCpuMs)} | ${r.mockCpuMs ? int(1000 / r.mockCpuMs) : 'n/a'} | ${cpu(r.trivialCpuMs)} | ${target[r.name] ?? '(info)'} | ${r.name in target ? mark(checks[r.name === 'read, 1 connection' ? 'read' : (r.name as 'list' | 'search')]) : ''} |`,
      ),
      '',
      ...(prism
        ? [
            `Against Stoplight Prism ${PRISM_VERSION}'s static mock of the same spec (\`prism mock calls.v3.json\`), same requests, same run:`,
            '',
            '| Scenario | Mock rps | p50 ms | Prism rps | p50 ms | rps ratio (mock/Prism) | Mock CPU ms/req | Prism CPU ms/req | CPU ratio (Prism/mock) | Generator busy (mock / Prism runs) | Bar | Met |',
            '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
            ...rows
              .filter((r) => r.prism)
              .map(
                (r) =>
                  `| ${r.name} | ${int(r.mock.rps)} | ${ms(r.mock.p50)} | ${int(r.prism?.rps ?? Number.NaN)} | ${ms(r.prism?.p50 ?? Number.NaN)} | ${ratio(r.mock.rps, r.prism?.rps ?? 0)} | ${cpu(r.mockCpuMs)} | ${cpu(r.prismCpuMs)} | ${ratio(r.prismCpuMs ?? Number.NaN, r.mockCpuMs ?? 0)} | ${busy(r.mock)} / ${r.prism ? busy(r.prism) : 'n/a'} | ${PRISM_BAR.text} | ${mark(prismChecks[r.name as 'list' | 'search'] ?? false)} |`,
              ),
            '',
          ]
        : ['Prism: not measured (see above).', '']),
      '| Setup | Mock | Trivial node:http | Ratio | Target | Met |',
      '|---|---:|---:|---:|---|---|',
      `| \`--seed-calls ${CALLS}\` (spawn to first answer, demo seed included) | ${int(seedMs)} ms | n/a | n/a | <30 s | ${mark(checks.seed)} |`,
      `| Startup on the existing database (spawn to first successful request, median of 3) | ${int(startupMs)} ms | ${int(trivialStartupMs)} ms | ${ratio(startupMs, trivialStartupMs)} | <1 s | ${mark(checks.startup)} |`,
      '',
    ];
    console.log(lines.join('\n'));
    for (const r of rows) console.log(`- ${r.name}: ${r.what}`);
    console.log(`- CPUs: ${describeLayout(layout)}. Generator busy: the load generator's CPU time over the run's time (100% = its core saturated, so the rps measured it rather than the server).`);
    console.log('- CPU ms/req: user + system CPU of the server process per request (from /proc); steadier than requests per second on a shared machine, though contention inflates it too, so compare servers within one run. 1000 / it ≈ requests per second one idle core could serve.');

    const outDir = path.join(root, 'bench-results');
    mkdirSync(outDir, { recursive: true });
    const result = {
      name: 'mock',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() },
      config: { calls: CALLS, totalCalls: total, connections: CONNECTIONS, durationMs: DURATION, warmupMs: WARMUP, rounds: ROUNDS, cpus: layout ?? 'not pinned' },
      seedMs,
      startupMs: { median: startupMs, runs: startups },
      trivialStartupMs: { median: trivialStartupMs, runs: trivialStartups },
      loadavgAfter: os.loadavg(),
      scenarios: rows.map((r) => ({
        name: r.name,
        request: r.what,
        mock: { ...r.mock, samples: undefined, cpuMsPerRequest: r.mockCpuMs },
        trivial: { ...r.trivial, samples: undefined, cpuMsPerRequest: r.trivialCpuMs },
        prism: r.prism ? { ...r.prism, samples: undefined, cpuMsPerRequest: r.prismCpuMs } : undefined,
        prismRpsRatio: r.prism ? r.mock.rps / r.prism.rps : undefined,
        rpsRatio: r.mock.rps / r.trivial.rps,
        p50Ratio: r.mock.p50 / r.trivial.p50,
        cpuRatio: r.mockCpuMs !== undefined && r.trivialCpuMs ? r.mockCpuMs / r.trivialCpuMs : undefined,
        idleCoreRpsEstimate: r.mockCpuMs ? 1000 / r.mockCpuMs : undefined,
      })),
      targets: TARGETS,
      met: checks,
      prism: prism ? { version: PRISM_VERSION, met: prismChecks } : undefined,
    };
    writeFileSync(path.join(outDir, 'mock.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${path.relative(root, path.join(outDir, 'mock.json'))}`);
    const missed = [
      ...Object.entries(checks).filter(([, ok]) => !ok).map(([k]) => k),
      ...Object.entries(prismChecks).filter(([, ok]) => ok === false).map(([k]) => `${k} vs Prism`),
    ];
    if (missed.length > 0) {
      console.log(`targets missed: ${missed.join(', ')}`);
      if (process.argv.includes('--strict')) process.exitCode = 2;
    }
  } finally {
    for (const s of running) await s.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
