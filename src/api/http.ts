/**
 * The only code in the browser that calls `fetch`. JSON in and out, HubSpot paths (hubspot-paths.ts) under
 * the `/hubspot` proxy prefix, responses validated by zod schemas, one error type, and HubSpot-aware
 * retries: reads retry on 429 (after Retry-After) and on 502/503/504 (exponential backoff);
 * writes retry only on 429, which HubSpot answers before applying anything; nothing else retries.
 */
import * as z from 'zod/mini';
import { errorFromResponse, invalidResponseError, networkError } from './errors';

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface RequestOptions<T> {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Validates the answer: a zod/mini schema whose output is T. */
  schema: z.ZodMiniType<T>;
  signal?: AbortSignal;
  /** A POST that only reads (search, batch read) may be retried like a GET. Derived from the path when omitted. */
  idempotent?: boolean;
}

export interface RetryNotice {
  retryInSeconds: number;
  reason: 'rate-limit' | 'unavailable';
}

export interface HttpConfig {
  /** Our server: '' in the browser (same origin), e.g. `http://127.0.0.1:4173` in Node tests. */
  origin: string;
  /** Retries after the first attempt for 429 answers. */
  maxRateLimitRetries: number;
  /** Retries after the first attempt for 502/503/504 answers to reads. */
  maxUnavailableRetries: number;
  /** First backoff for 502/503/504; doubles each time. */
  backoffMs: number;
  /** Longest wait honoured for one Retry-After. */
  maxRetryAfterMs: number;
  /**
   * HubSpot allows 5 searches a second per account: this tab sends at most `searchBurst` at once, then one every
   * `searchIntervalMs` (a little over 200 ms, so searches that reach HubSpot closer together than they left still
   * fit), instead of meeting 429 answers. 0 turns the pacing off.
   */
  searchIntervalMs: number;
  searchBurst: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  /** The browser's fetch; the server's page renderer (src/entry-server.tsx) answers in-process instead. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const defaults: HttpConfig = {
  origin: '',
  maxRateLimitRetries: 3,
  maxUnavailableRetries: 3,
  backoffMs: 500,
  maxRetryAfterMs: 30_000,
  searchIntervalMs: 205,
  searchBurst: 5,
  sleep: abortableSleep,
  now: () => Date.now(),
  // Read at each call, so tests' stubbed global fetch is the one used.
  fetch: (url, init) => globalThis.fetch(url, init),
};
let config: HttpConfig = { ...defaults };

/** The search pacer's theoretical arrival time (GCRA): a search may start once `now ≥ tat − (burst − 1) × interval`. */
let searchTat = 0;

/** Waits for this search's turn under HubSpot's search limit (see `searchIntervalMs`). */
async function searchTurn(signal?: AbortSignal): Promise<void> {
  const interval = config.searchIntervalMs;
  if (interval <= 0) return;
  const now = config.now();
  const start = Math.max(now, searchTat - (config.searchBurst - 1) * interval);
  searchTat = Math.max(searchTat, start) + interval;
  if (start > now) await config.sleep(start - now, signal);
}

/** Tests and embedders adjust the base URL or retry timing; `resetHttpConfig` restores defaults. */
export function configureHttp(patch: Partial<HttpConfig>): void {
  config = { ...config, ...patch };
}
export function resetHttpConfig(): void {
  config = { ...defaults };
  searchTat = 0;
}

const listeners = new Set<(notice: RetryNotice | null) => void>();
/** Requests waiting to retry, newest last; the notice shows the newest and clears when none waits. */
const waiting: RetryNotice[] = [];
/** The app shell shows "HubSpot is rate-limiting, retrying in N s" while a request waits. */
export function subscribeRetryNotice(fn: (notice: RetryNotice | null) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
function emit() {
  const notice = waiting.at(-1) ?? null;
  for (const fn of listeners) fn(notice);
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const readOnlyPost = /\/(search|batch\/read)$/;
const searchPath = /\/search$/;

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await config.fetch(url, init);
  } catch (e) {
    if (init.signal?.aborted) throw init.signal.reason;
    throw networkError(e);
  }
}

async function request<T>(url: string, label: string, opts: RequestOptions<T>, canRetryUnavailable: boolean): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let rateLimitRetries = 0;
  let unavailableRetries = 0;
  for (;;) {
    const res = await send(url, { method, headers, body, signal: opts.signal });
    const data = await readBody(res);
    if (res.ok) {
      const parsed = z.safeParse(opts.schema, data);
      if (!parsed.success) {
        throw invalidResponseError(label, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
      }
      return parsed.data;
    }
    const error = errorFromResponse(res.status, data, res.headers);
    let waitMs: number | undefined;
    let reason: RetryNotice['reason'] = 'rate-limit';
    if (res.status === 429 && rateLimitRetries < config.maxRateLimitRetries) {
      rateLimitRetries += 1;
      waitMs = Math.min((error.retryAfterSeconds ?? 1) * 1000, config.maxRetryAfterMs);
    } else if (canRetryUnavailable && [502, 503, 504].includes(res.status) && unavailableRetries < config.maxUnavailableRetries) {
      waitMs = config.backoffMs * 2 ** unavailableRetries;
      unavailableRetries += 1;
      reason = 'unavailable';
    }
    if (waitMs === undefined) throw error;
    const notice: RetryNotice = { retryInSeconds: Math.max(1, Math.ceil(waitMs / 1000)), reason };
    waiting.push(notice);
    emit();
    try {
      await config.sleep(waitMs, opts.signal);
    } finally {
      waiting.splice(waiting.indexOf(notice), 1);
      emit();
    }
  }
}

/** Calls HubSpot (through our server's `/hubspot` proxy) at `path`, built by hubspot-paths.ts. */
export async function hubspotRequest<T>(path: string, opts: RequestOptions<T>): Promise<T> {
  const method = opts.method ?? 'GET';
  const idempotent = opts.idempotent ?? (method === 'GET' || (method === 'POST' && readOnlyPost.test(path)));
  if (method === 'POST' && searchPath.test(path)) await searchTurn(opts.signal);
  return request(`${config.origin}/hubspot${path}${buildQuery(opts.query)}`, path, opts, idempotent);
}

/** A JSON request to our own server's API outside the HubSpot prefix (e.g. `/api/views`); only reads retry on 502/503/504. */
export function serverRequest<T>(url: string, opts: RequestOptions<T>): Promise<T> {
  return request(`${config.origin}${url}${buildQuery(opts.query)}`, url, opts, (opts.method ?? 'GET') === 'GET');
}

/** A JSON GET on our own server outside the HubSpot prefix (e.g. `/hubspot-connection`). */
export function getJson<T>(path: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T> {
  return request(`${config.origin}${path}`, path, { schema, signal }, true);
}

/** A body-less JSON POST on our own server outside the HubSpot prefix (e.g. `/hubspot-connection/check`). */
export function postJson<T>(url: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<T> {
  return request(`${config.origin}${url}`, url, { method: 'POST', schema, signal }, false);
}

