/**
 * Cold benchmark of the HubSpot mock (issue 2 speed targets without the response cache), run with
 * `npx tsx scripts/bench/mock-cold.ts`. Every request differs, so the numbers are those of the real
 * work (SQL, serialisation, HTTP), not of cache hits:
 *  - list: GET /crm/v3/objects/calls?limit=100 (7 properties) from a random starting point: a random
 *    real `paging.next.after` cursor out of a pool collected by walking the list once, or a random
 *    record id (a plain id is an accepted cursor);
 *  - search: one filter + one sort, both varying: hs_call_disposition EQ a random disposition, or
 *    hs_timestamp GTE a random time, sorted by hs_timestamp DESC, random page 1-20 of 100;
 *  - read: GET /crm/v3/objects/calls/{id} (7 properties) of random ids over the whole table.
 * The mock runs from its CLI twice on the same 100k-call database, with `--no-read-cache` (cold, the
 * targets) and with its cache (warm, for comparison), beside a trivial node:http server and, for list
 * and search, Stoplight Prism's static mock of the same spec (see lib/prism.ts; the same requests);
 * they alternate in rounds. Prints markdown tables and writes bench-results/mock-cold.json.
 *
 * Answers are checked cheaply (status and the start of the document), so the load generator spends
 * little on them; the contract tests check the contents. During the load the generator and the
 * servers run on separate cores (lib/pin.ts; `--no-pin` turns it off).
 *
 * Options: --calls N (100000) --duration MS per scenario and server (5000) --warmup MS (1000)
 *          --connections N (20) --rounds N (3) --max-requests N per slice (100000) --seed N (1)
 *          --no-pin (leave the generator and the servers on any core)
 *          --strict (exit 2 when a cold target is missed)
 *          --cli PATH (server/mock/cli.ts: the mock CLI to run, e.g. another checkout's, for before/after)
 * The database is kept in .data/bench-mock-cold-<calls>.sqlite (gitignored) and reused; delete it
 * to rebuild (the CLI seeds it with `--seed empty --seed-calls N` when it is new).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { groupCpuMs, processCpuMs } from './lib/cpu';
import { generatorBusy, mergeResults, runLoad, startsWith, type LoadRequest, type LoadResult } from './lib/load';
import { loadOptions, numberArg } from './lib/args';
import { createRng } from '../../server/mock/seed/prng';
import { walkCallList } from './lib/calls';
import { freePort, startServer, type ServerProcess } from './lib/process';
import { PRISM_BAR, PRISM_VERSION, meetsPrismBar, startPrism } from './lib/prism';
import { cpuLayout, describeLayout, pin } from './lib/pin';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { calls: CALLS, durationMs: DURATION, warmupMs: WARMUP, connections: CONNECTIONS, rounds: ROUNDS } = loadOptions();
const MAX_REQUESTS = Math.min(numberArg('max-requests', 100_000), 1_000_000);
const SEED = numberArg('seed', 1);
const cliIndex = process.argv.indexOf('--cli');
const CLI = cliIndex >= 0 ? (process.argv[cliIndex + 1] ?? 'server/mock/cli.ts') : 'server/mock/cli.ts';
const AUTH = { authorization: 'Bearer bench-token' };
const PROPS = ['hs_timestamp', 'hs_call_title', 'hs_call_direction', 'hs_call_disposition', 'hs_call_duration', 'hs_call_status', 'hubspot_owner_id'];
const CURSOR_POOL = 500;
const DAY = 86_400_000;

const TARGETS = { list: { rps: 2_000, p50: 10 }, search: { rps: 2_000, p50: 10 }, read: { p50: 2 } } as const;
type TargetName = keyof typeof TARGETS;

const dispositionsSchema = z.array(z.object({ id: z.string() }));

interface Scenario {
  name: TargetName;
  /** Also run against Prism (the scenarios of the bar: at least twice Prism's throughput). */
  prism?: boolean;
  what: string;
  next: (w: number, n: number) => LoadRequest;
  /** Checks a 2xx answer's bytes (cheaply: the start of the document). */
  onResponse: (w: number, body: Buffer) => boolean;
}

function scenarios(ids: readonly string[], cursors: readonly string[], dispositions: readonly string[], now: number): Scenario[] {
  const rnd = createRng(SEED).next;
  const pick = <T>(xs: readonly T[]): T => {
    const v = xs[Math.floor(rnd() * xs.length)];
    if (v === undefined) throw new Error('empty pool');
    return v;
  };
  const props = PROPS.join(',');
  return [
    {
      name: 'list',
      prism: true,
      what: `GET /crm/v3/objects/calls?limit=100 (7 properties), after = a random real cursor (pool of ${cursors.length}) or a random record id`,
      next: () => {
        const after = rnd() < 0.5 ? pick(cursors) : pick(ids);
        return { path: `/crm/v3/objects/calls?limit=100&properties=${props}&after=${encodeURIComponent(after)}`, headers: AUTH };
      },
      // a cheap check: a page with at least one record
      onResponse: (_w, body) => startsWith(body, '{"results":[{"id":"'),
    },
    {
      name: 'search',
      prism: true,
      what: `POST /crm/v3/objects/calls/search, hs_call_disposition EQ one of ${dispositions.length} or hs_timestamp GTE a random time, sort "-hs_timestamp" (the spec's string form), limit 100, random page 1-20`,
      next: () => {
        const filter =
          rnd() < 0.5
            ? { propertyName: 'hs_call_disposition', operator: 'EQ', value: pick(dispositions) }
            : { propertyName: 'hs_timestamp', operator: 'GTE', value: String(Math.floor(now - 360 * DAY + rnd() * 340 * DAY)) };
        const page = Math.floor(rnd() * 20);
        return {
          method: 'POST',
          path: '/crm/v3/objects/calls/search',
          headers: AUTH,
          body: JSON.stringify({
            filterGroups: [{ filters: [filter] }],
            sorts: ['-hs_timestamp'],
            properties: PROPS,
            limit: 100,
            after: String(page * 100),
          }),
        };
      },
      // a late page of a narrow filter may be empty: a search answer with its total is enough
      onResponse: (_w, body) => startsWith(body, '{"total":'),
    },
    {
      name: 'read',
      what: `GET /crm/v3/objects/calls/{id} (7 properties), random ids over all ${ids.length} calls`,
      next: () => ({ path: `/crm/v3/objects/calls/${pick(ids)}?properties=${props}`, headers: AUTH }),
      onResponse: (_w, body) => startsWith(body, '{"id":"'),
    },
  ];
}

const ms = (v: number): string => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : 'n/a');
const int = (v: number): string => Math.round(v).toLocaleString('en-US');
const cpu = (v: number | undefined): string => (v === undefined ? 'n/a' : v.toFixed(3));
const busy = (r: LoadResult): string => `${Math.round(100 * generatorBusy(r))}%`;
const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');

type Target = 'cold' | 'warm' | 'trivial' | 'prism';
interface Measured {
  r: LoadResult;
  cpuPerReqMs?: number;
}

async function main(): Promise<void> {
  const dataDir = path.join(root, '.data');
  mkdirSync(dataDir, { recursive: true });
  const db = path.join(dataDir, `bench-mock-cold-${CALLS}.sqlite`);
  const running: ServerProcess[] = [];
  try {
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const fresh = !existsSync(db);
    console.log(`${fresh ? 'seeding' : 'reusing'} ${path.relative(root, db)} (${CALLS.toLocaleString('en-US')} calls)`);

    const start = async (extra: string[]): Promise<{ server: ServerProcess; base: string }> => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const args = ['--import', 'tsx', CLI, '--db', db, '--port', String(port), '--seed', 'empty', '--seed-calls', String(CALLS), ...extra];
      const server = await startServer({ args, cwd: root, readyUrl: `${base}/crm/v3/objects/calls?limit=1`, headers: AUTH, timeoutMs: 180_000 });
      running.push(server);
      return { server, base };
    };
    const cold = await start(['--no-read-cache']);
    if (fresh) console.log(`seeded in ${int(cold.server.readyMs)} ms`);
    const warm = await start([]);
    const trivialPort = await freePort();
    const trivial = await startServer({
      args: ['--import', 'tsx', path.join(root, 'scripts/bench/lib/trivial-server.ts'), String(trivialPort)],
      cwd: root,
      readyUrl: `http://127.0.0.1:${trivialPort}/`,
      timeoutMs: 30_000,
    });
    running.push(trivial);
    const prism = await startPrism(root);
    if (prism) running.push(prism.server);

    // one walk through the list: every id, and every page's cursor
    const { ids, cursors: allCursors } = await walkCallList(cold.base, AUTH);
    const rnd = createRng(SEED + 1).next;
    const shuffled = [...allCursors];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] ?? '', shuffled[i] ?? ''];
    }
    const cursors = shuffled.slice(0, CURSOR_POOL);
    const dispRes = await fetch(`${cold.base}/calling/v1/dispositions`, { headers: AUTH });
    const dispositions = dispositionsSchema.parse(await dispRes.json()).map((d) => d.id);
    console.log(`${int(ids.length)} calls, ${cursors.length} cursors, ${dispositions.length} dispositions`);
    const now = Date.now();

    // from here on, the load generator (this process) and the servers on separate cores
    const layout = cpuLayout();
    if (layout) {
      for (const p of [cold.server, warm.server, trivial]) pin(p.proc.pid, layout.servers);
      if (prism) pin(prism.server.proc.pid, layout.servers, true);
      pin(process.pid, layout.generator);
    }
    console.log(`CPUs: ${describeLayout(layout)}`);

    const servers: Record<Target, { base: string; pid: number | undefined }> = {
      cold: { base: cold.base, pid: cold.server.proc.pid },
      warm: { base: warm.base, pid: warm.server.proc.pid },
      trivial: { base: `http://127.0.0.1:${trivialPort}`, pid: trivial.proc.pid },
      prism: { base: prism?.base ?? '', pid: prism?.server.proc.pid },
    };

    async function slice(target: Target, s: Scenario, durationMs: number, warmupMs: number): Promise<{ r: LoadResult; cpuMs?: number }> {
      const { base, pid } = servers[target];
      // the trivial server sees the same methods and bodies, on '/'; Prism the same requests, asking for JSON
      const next =
        target === 'trivial'
          ? (w: number, n: number): LoadRequest => ({ ...s.next(w, n), path: '/' })
          : target === 'prism'
            ? (w: number, n: number): LoadRequest => {
                const req = s.next(w, n);
                return { ...req, headers: { ...req.headers, accept: 'application/json' } };
              }
            : s.next;
      // the trivial server and Prism (the spec's example, whatever the page): any 2xx counts
      const onResponse = target === 'cold' || target === 'warm' ? s.onResponse : undefined;
      // Prism runs under npx, in its own process group
      const cpuOf = target === 'prism' ? groupCpuMs : processCpuMs;
      if (warmupMs > 0) await runLoad({ base, connections: CONNECTIONS, durationMs: warmupMs, next, onResponse });
      const cpu0 = cpuOf(pid);
      const r = await runLoad({ base, connections: CONNECTIONS, durationMs, maxRequests: MAX_REQUESTS, next, onResponse });
      const cpu1 = cpuOf(pid);
      return { r, cpuMs: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined };
    }

    const rows: { s: Scenario; m: Record<Exclude<Target, 'prism'>, Measured> & { prism?: Measured } }[] = [];
    for (const s of scenarios(ids, cursors, dispositions, now)) {
      process.stdout.write(`${s.name}: `);
      const parts: Record<Target, { r: LoadResult; cpuMs?: number }[]> = { cold: [], warm: [], trivial: [], prism: [] };
      const targets: Target[] = prism && s.prism ? ['cold', 'warm', 'trivial', 'prism'] : ['cold', 'warm', 'trivial'];
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of targets) {
          parts[target].push(await slice(target, s, DURATION / ROUNDS, round === 0 ? WARMUP : Math.min(WARMUP, 300)));
          process.stdout.write('.');
        }
      }
      const merged = (target: Target): Measured => {
        const r = mergeResults(parts[target].map((p) => p.r));
        const cpus = parts[target].map((p) => p.cpuMs);
        const cpuMs = cpus.every((c) => c !== undefined) ? cpus.reduce<number>((a, c) => a + (c ?? 0), 0) : undefined;
        return { r, cpuPerReqMs: cpuMs !== undefined && r.requests > 0 ? cpuMs / r.requests : undefined };
      };
      const m = { cold: merged('cold'), warm: merged('warm'), trivial: merged('trivial'), ...(targets.includes('prism') ? { prism: merged('prism') } : {}) };
      console.log(` cold ${int(m.cold.r.rps)} rps, warm ${int(m.warm.r.rps)} rps, trivial ${int(m.trivial.r.rps)} rps${m.prism ? `, Prism ${int(m.prism.r.rps)} rps` : ''}`);
      for (const t of ['cold', 'warm'] as const) {
        if (m[t].r.errors > 0) console.log(`  ${s.name} (${t}): ${m[t].r.errors} failed requests, first: ${m[t].r.firstError ?? ''}`);
      }
      rows.push({ s, m });
    }

    const met = (name: TargetName, r: LoadResult): boolean => {
      const t: { rps?: number; p50: number } = TARGETS[name];
      return r.errors === 0 && r.requests > 0 && r.p50 < t.p50 && (t.rps === undefined || r.rps >= t.rps);
    };
    const targetText: Record<TargetName, string> = { list: '≥2,000 rps, p50 <10 ms', search: '≥2,000 rps, p50 <10 ms', read: 'p50 <2 ms' };
    const table = (t: 'cold' | 'warm'): string[] => [
      '| Scenario | Mock rps | p50 ms | p99 ms | Trivial rps | Trivial p50 ms | rps ratio (mock/trivial) | Mock CPU ms/req | Trivial CPU ms/req | Target | Met |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
      ...rows.map(({ s, m }) => {
        const x = m[t];
        return `| ${s.name} | ${int(x.r.rps)} | ${ms(x.r.p50)} | ${ms(x.r.p99)} | ${int(m.trivial.r.rps)} | ${ms(m.trivial.r.p50)} | ${ratio(x.r.rps, m.trivial.r.rps)} | ${cpu(x.cpuPerReqMs)} | ${cpu(m.trivial.cpuPerReqMs)} | ${targetText[s.name]} | ${met(s.name, x.r) ? 'yes' : '**no**'} |`;
      }),
    ];
    const beatsPrism = (x: Measured, p: Measured): boolean => meetsPrismBar(x.r, p.r);
    const prismRows = rows.filter((row) => row.m.prism);
    const prismTable = prismRows.length
      ? [
          `**Against Stoplight Prism ${PRISM_VERSION}'s static mock of the same spec, same requests, same run** (bar: ${PRISM_BAR.text})`,
          '',
          '| Scenario | Prism rps | Prism p50 ms | Prism CPU ms/req | Cold rps | Cold/Prism | Cold CPU ms/req | Cold met | Cache-on rps | Cache-on/Prism | Cache-on met | Generator busy (cold / Prism runs) |',
          '|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---:|',
          ...prismRows.map(({ s, m }) => {
            const p = m.prism as Measured;
            const mark = (x: Measured) => (beatsPrism(x, p) ? 'yes' : '**no**');
            return `| ${s.name} | ${int(p.r.rps)} | ${ms(p.r.p50)} | ${cpu(p.cpuPerReqMs)} | ${int(m.cold.r.rps)} | ${ratio(m.cold.r.rps, p.r.rps)} | ${cpu(m.cold.cpuPerReqMs)} | ${mark(m.cold)} | ${int(m.warm.r.rps)} | ${ratio(m.warm.r.rps, p.r.rps)} | ${mark(m.warm)} | ${busy(m.cold.r)} / ${busy(p.r)} |`;
          }),
          '',
        ]
      : ['Prism: not measured (see above).', ''];
    const lines = [
      '',
      `Cold mock benchmark: ${int(ids.length)} calls, ${CONNECTIONS} keep-alive connections on loopback, every request different, ${DURATION / 1000} s per scenario and server (${ROUNDS} alternating rounds, ${WARMUP / 1000} s warm-up); ${os.cpus().length} CPUs (${describeLayout(layout)}), Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)}.`,
      '',
      '**Cache off (`--no-read-cache`): the targets**',
      '',
      ...table('cold'),
      '',
      '**Cache on (default), same varied requests, for comparison**',
      '',
      ...table('warm'),
      '',
      ...prismTable,
      ...rows.map(({ s }) => `- ${s.name}: ${s.what}`),
      '- CPU ms/req: user + system CPU of the server process per request (from /proc). Generator busy: the load generator\'s CPU time over the run\'s time (100% = its core saturated).',
    ];
    console.log(lines.join('\n'));

    const outDir = path.join(root, 'bench-results');
    mkdirSync(outDir, { recursive: true });
    const strip = (x: Measured) => ({ ...x.r, samples: undefined, cpuMsPerRequest: x.cpuPerReqMs });
    const result = {
      name: 'mock-cold',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() },
      prismVersion: prism ? PRISM_VERSION : undefined,
      config: { cpus: layout ?? 'not pinned', calls: ids.length, connections: CONNECTIONS, durationMs: DURATION, warmupMs: WARMUP, rounds: ROUNDS, maxRequestsPerSlice: MAX_REQUESTS, seed: SEED, cursorPool: cursors.length },
      scenarios: rows.map(({ s, m }) => ({
        name: s.name,
        request: s.what,
        cold: strip(m.cold),
        warm: strip(m.warm),
        trivial: strip(m.trivial),
        coldRpsRatio: m.cold.r.rps / m.trivial.r.rps,
        warmRpsRatio: m.warm.r.rps / m.trivial.r.rps,
        prism: m.prism ? strip(m.prism) : undefined,
        coldPrismRatio: m.prism ? m.cold.r.rps / m.prism.r.rps : undefined,
        warmPrismRatio: m.prism ? m.warm.r.rps / m.prism.r.rps : undefined,
        coldBeatsPrism: m.prism ? beatsPrism(m.cold, m.prism) : undefined,
        warmBeatsPrism: m.prism ? beatsPrism(m.warm, m.prism) : undefined,
        target: TARGETS[s.name],
        coldMet: met(s.name, m.cold.r),
        warmMet: met(s.name, m.warm.r),
      })),
    };
    writeFileSync(path.join(outDir, 'mock-cold.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${path.relative(root, path.join(outDir, 'mock-cold.json'))}`);
    const missed = rows.filter(({ s, m }) => !met(s.name, m.cold.r)).map(({ s }) => s.name);
    if (missed.length > 0) {
      console.log(`cold targets missed: ${missed.join(', ')}`);
      if (process.argv.includes('--strict')) process.exitCode = 2;
    }
  } finally {
    for (const s of running) await s.stop('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
