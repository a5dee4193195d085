/**
 * A small loopback HTTP load generator: N concurrent keep-alive connections (node:http Agent),
 * each running one request at a time for a bounded time and count, with latency percentiles.
 */
import http from 'node:http';

export interface LoadRequest {
  method?: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  /** Base URL, e.g. http://127.0.0.1:4010 */
  base: string;
  connections: number;
  /** Measured phase length. */
  durationMs: number;
  /** Unmeasured warm-up before it (same requests). */
  warmupMs?: number;
  /** Hard cap on measured requests, whatever the duration. */
  maxRequests?: number;
  /** The next request of one connection (worker index, its request count so far). */
  next: (worker: number, n: number) => LoadRequest;
  /** Sees each answer (e.g. to follow a paging cursor); return false to count it as an error. */
  onResponse?: (worker: number, status: number, body: string) => boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  durationMs: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** First error seen, for the report. */
  firstError?: string;
  /** Every measured latency, sorted (ms). */
  samples: number[];
}

/** Combines several runs of the same load (e.g. interleaved rounds) into one result. */
export function mergeResults(runs: readonly LoadResult[]): LoadResult {
  const samples = runs.flatMap((r) => r.samples).sort((a, b) => a - b);
  const durationMs = runs.reduce((s, r) => s + r.durationMs, 0);
  return {
    requests: samples.length,
    errors: runs.reduce((s, r) => s + r.errors, 0),
    durationMs,
    rps: samples.length / (Math.max(1, durationMs) / 1000),
    p50: percentile(samples, 50),
    p90: percentile(samples, 90),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1] ?? Number.NaN,
    firstError: runs.find((r) => r.firstError)?.firstError,
    samples,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? Number.NaN;
}

function once(agent: http.Agent, base: URL, req: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(Buffer.byteLength(req.body));
    }
    const r = http.request(
      { agent, hostname: base.hostname, port: base.port, method: req.method ?? 'GET', path: req.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.setTimeout(30_000, () => r.destroy(new Error('request timed out after 30 s')));
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const base = new URL(opts.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections, maxFreeSockets: opts.connections });
  const maxRequests = opts.maxRequests ?? 2_000_000;
  const warmupMs = opts.warmupMs ?? 0;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + opts.durationMs;

  async function worker(w: number): Promise<void> {
    let n = 0;
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end || latencies.length + errors >= maxRequests) return;
      let ok = false;
      let why = '';
      try {
        const res = await once(agent, base, opts.next(w, n));
        ok = res.status >= 200 && res.status < 300;
        if (ok && opts.onResponse) ok = opts.onResponse(w, res.status, res.body);
        else if (!ok && opts.onResponse) opts.onResponse(w, res.status, res.body);
        if (!ok) why = `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
      } catch (e) {
        why = e instanceof Error ? e.message : String(e);
      }
      const t1 = performance.now();
      n += 1;
      if (t0 < measureFrom) continue;
      if (ok) latencies.push(t1 - t0);
      else {
        errors += 1;
        firstError ??= why;
      }
    }
  }

  await Promise.all(Array.from({ length: opts.connections }, (_, w) => worker(w)));
  const measured = Math.max(1, Math.min(performance.now(), end) - measureFrom);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    durationMs: Math.round(measured),
    rps: latencies.length / (measured / 1000),
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    firstError,
    samples: latencies,
  };
}
