import { serve } from '@hono/node-server';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createMockApp } from './app.js';
import { KNOWN_SCOPES } from './scopes.js';
import { MAX_SEED_CALLS, openMockDb } from './store/index.js';

const USAGE = `Usage: npm run mock -- [options]

  --port N           port (default 4010; 0 = any free port)
  --host HOST        interface (default 127.0.0.1)
  --db FILE          SQLite file (default .data/hubspot-mock.sqlite; ':memory:' for none)
  --token TOKEN      the only bearer token accepted (default: any non-empty token)
  --seed demo|empty  data for a new database (default demo)
  --seed-calls N     add N generated calls to a new database (max ${MAX_SEED_CALLS})
  --rate-limit       enforce HubSpot's rate limits (429)
  --latency MS       delay every response by MS milliseconds
  --fail-rate P      answer a fraction P (0..1) of requests with 502/503
  --no-read-cache    compute every list/read/search answer (no reuse of serialised answers)
  --scopes A,B       simulate a credential granted only these scopes (403 MISSING_SCOPES for others;
                     default: all). Known: ${KNOWN_SCOPES.join(', ')}
  --batch-207        batch create/update/upsert apply the good inputs and report the bad ones (207)
                     instead of refusing the whole batch as HubSpot does
  --search-lag MS    a write reaches search only after MS milliseconds (default 0)
  --custom-call-labels  seed custom call association labels into a new database (HubSpot has none)
  --help             this text
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function num(name: string, raw: string | undefined, dflt: number, min: number, max: number): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number between ${min} and ${max}`);
  return n;
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        token: { type: 'string' },
        seed: { type: 'string' },
        'seed-calls': { type: 'string' },
        'rate-limit': { type: 'boolean' },
        latency: { type: 'string' },
        'fail-rate': { type: 'string' },
        'no-read-cache': { type: 'boolean' },
        scopes: { type: 'string' },
        'batch-207': { type: 'boolean' },
        'search-lag': { type: 'string' },
        'custom-call-labels': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = num('port', v.port, 4010, 0, 65535);
  const host = v.host ?? '127.0.0.1';
  const file = v.db ?? '.data/hubspot-mock.sqlite';
  const seed = v.seed ?? 'demo';
  if (seed !== 'demo' && seed !== 'empty') fail('--seed must be demo or empty');
  const seedCalls = num('seed-calls', v['seed-calls'], 0, 0, MAX_SEED_CALLS);
  const latencyMs = num('latency', v.latency, 0, 0, 600_000);
  const failRate = num('fail-rate', v['fail-rate'], 0, 0, 1);
  const scopes = v.scopes?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = scopes?.filter((s) => !KNOWN_SCOPES.includes(s)) ?? [];
  if (unknown.length) fail(`--scopes: unknown scope ${unknown.join(', ')}`);
  const searchLagMs = num('search-lag', v['search-lag'], 0, 0, 600_000);
  const batch207 = v['batch-207'] ?? false;

  const started = Date.now();
  const db = openMockDb({ file, seed, seedCalls, customCallLabels: v['custom-call-labels'] ?? false });
  const openMs = Date.now() - started;
  const app = createMockApp({
    db,
    ...(v.token ? { token: v.token } : {}),
    rateLimit: v['rate-limit'] ?? false,
    latencyMs,
    failRate,
    readCache: !v['no-read-cache'],
    ...(scopes ? { scopes } : {}),
    batchMode: batch207 ? 'per-item' : 'atomic',
    searchLagMs,
  });

  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const dbShown = file === ':memory:' ? ':memory:' : path.resolve(file);
    process.stdout.write(
      `HubSpot mock listening on http://${shownHost}:${info.port}\n` +
        `Database: ${dbShown} (opened in ${openMs} ms)\n` +
        `Token: ${v.token ? 'only the configured --token' : 'any non-empty bearer token'}` +
        `${v['rate-limit'] ? ', rate limits enforced' : ''}${latencyMs ? `, latency ${latencyMs} ms` : ''}${failRate ? `, fail rate ${failRate}` : ''}${v['no-read-cache'] ? ', read cache off' : ''}` +
        `${batch207 ? ', per-item batches (207)' : ''}${searchLagMs ? `, search lag ${searchLagMs} ms` : ''}\n` +
        (scopes ? `Scopes granted: ${scopes.join(', ') || 'none'} (403 MISSING_SCOPES for others)\n` : ''),
    );
  });
  server.on('error', (err) => {
    process.stderr.write(`HubSpot mock could not listen on ${host}:${port}: ${err.message}\n`);
    db.close();
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: closing the HubSpot mock\n`);
    const force = setTimeout(() => {
      db.close();
      process.exit(0);
    }, 3000);
    force.unref();
    server.close(() => {
      db.close();
      process.exit(0);
    });
    // idle keep-alive sockets would hold close() open
    if ('closeIdleConnections' in server && typeof server.closeIdleConnections === 'function') server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main();
