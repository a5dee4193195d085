/**
 * A small loopback HTTP/1.1 load generator: N keep-alive connections, opened before the clock
 * starts, each running one request at a time for a bounded time and count, with latency
 * percentiles and the generator's own CPU time.
 *
 * It writes HTTP/1.1 over node:net itself rather than through node:http's client: on the 2-vCPU
 * VM, node:http's client (and autocannon, tried too) spent 0.5-0.7 ms of CPU per 51 KB list page,
 * about twice what the mock spends answering it from its cache, so the generator set the pace of
 * every benchmark that returns real pages. Here a request is one string written to the socket and
 * an answer is framed by its Content-Length (every server measured here sends one; an answer
 * without it counts as an error): 0.10-0.17 ms per page. Answers reach `onResponse` as bytes,
 * never decoded unless a check asks.
 */
import net from 'node:net';

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
  /** Hard cap on measured requests, whatever the duration. */
  maxRequests?: number;
  /** The next request of one connection (worker index, its request count so far). */
  next: (worker: number, n: number) => LoadRequest;
  /** Sees each 2xx answer's body bytes (e.g. to follow a paging cursor); return false to count it as an error. */
  onResponse?: (worker: number, body: Buffer) => boolean;
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
  /** CPU time (user + system) of the load generator itself during the run (ms). */
  generatorCpuMs: number;
  /** First error seen, for the report. */
  firstError?: string;
  /** Every measured latency, sorted (ms). */
  samples: number[];
}

/** True when the bytes start with `prefix` (ASCII), without decoding the rest. */
export function startsWith(body: Buffer, prefix: string): boolean {
  return body.length >= prefix.length && body.toString('latin1', 0, prefix.length) === prefix;
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
    generatorCpuMs: runs.reduce((s, r) => s + r.generatorCpuMs, 0),
    firstError: runs.find((r) => r.firstError)?.firstError,
    samples,
  };
}

/** Share of one core the load generator used during the run (1 = saturated: throughput is its limit, not the server's). */
export function generatorBusy(r: LoadResult): number {
  return r.generatorCpuMs / Math.max(1, r.durationMs);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? Number.NaN;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;
const CONNECTION_CLOSE = /\r\nconnection:[ \t]*close/i;
const TIMEOUT_MS = 30_000;

/** The request as one HTTP/1.1 message. */
function serialize(host: string, req: LoadRequest): string {
  let head = `${req.method ?? 'GET'} ${req.path} HTTP/1.1\r\nHost: ${host}\r\n`;
  const headers = { ...req.headers };
  if (req.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(req.body));
  }
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  return `${head}\r\n${req.body ?? ''}`;
}

/** One keep-alive connection carrying one request at a time. */
class Connection {
  private chunks: Buffer[] = [];
  private received = 0;
  /** Byte length of the whole answer (head + body) once its head is read, else -1. */
  private expected = -1;
  private bodyStart = 0;
  private status = 0;
  /** The answer being read says the server closes the connection after it. */
  private lastOnThis = false;
  private pending: { resolve: (a: { status: number; body: Buffer }) => void; reject: (e: Error) => void } | undefined;
  private closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('the server closed the connection')));
  }

  static open(port: number, host: string): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new Connection(socket));
      });
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  send(message: string): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(message);
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private fail(e: Error): void {
    this.closed = true;
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (this.expected < 0) {
      const head = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.received);
      this.chunks = [head];
      const end = head.indexOf(HEAD_END);
      if (end < 0) return;
      const text = head.toString('latin1', 0, end);
      const length = CONTENT_LENGTH.exec(text)?.[1];
      if (length === undefined) {
        this.socket.destroy(new Error(`an answer without Content-Length: ${text.split('\r\n')[0] ?? ''}`));
        return;
      }
      this.status = Number(text.slice(9, 12));
      this.lastOnThis = CONNECTION_CLOSE.test(text);
      this.bodyStart = end + HEAD_END.length;
      this.expected = this.bodyStart + Number(length);
    }
    if (this.received < this.expected) return;
    if (this.received > this.expected) {
      this.socket.destroy(new Error('more bytes than the answer announced'));
      return;
    }
    const whole = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.received);
    const answer = { status: this.status, body: whole.subarray(this.bodyStart) };
    this.chunks = [];
    this.received = 0;
    this.expected = -1;
    const p = this.pending;
    this.pending = undefined;
    if (this.lastOnThis) this.close();
    p?.resolve(answer);
  }
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const base = new URL(opts.base);
  const port = Number(base.port || 80);
  const maxRequests = opts.maxRequests ?? 2_000_000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const connections = await Promise.all(Array.from({ length: opts.connections }, () => Connection.open(port, base.hostname)));
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const end = start + opts.durationMs;

  async function worker(w: number): Promise<void> {
    let conn: Connection | undefined = connections[w];
    for (let n = 0; ; n++) {
      const t0 = performance.now();
      if (t0 >= end || latencies.length + errors >= maxRequests) break;
      let why = '';
      try {
        conn = conn?.isOpen ? conn : await Connection.open(port, base.hostname);
        const res = await conn.send(serialize(base.host, opts.next(w, n)));
        if (res.status < 200 || res.status >= 300) why = `HTTP ${res.status}: ${res.body.toString('utf8', 0, 200)}`;
        else if (opts.onResponse && !opts.onResponse(w, res.body)) why = `unexpected answer: ${res.body.toString('utf8', 0, 200)}`;
      } catch (e) {
        why = e instanceof Error ? e.message : String(e);
      }
      if (why) {
        errors += 1;
        firstError ??= why;
      } else latencies.push(performance.now() - t0);
    }
    conn?.close();
  }

  await Promise.all(connections.map((_, w) => worker(w)));
  const measured = Math.max(1, Math.min(performance.now(), end) - start);
  const cpu = process.cpuUsage(cpu0);
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
    generatorCpuMs: (cpu.user + cpu.system) / 1000,
    firstError,
    samples: latencies,
  };
}
