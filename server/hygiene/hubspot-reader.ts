/**
 * Reads HubSpot for the hygiene scans and counts, through the same upstream (and token) the /hubspot proxy
 * forwards to, in the API family the server is configured for (src/api/hubspot-paths.ts builds every path).
 * Read-only: GETs, searches and batch reads, nothing that changes HubSpot's data.
 *
 * Rate limits (hubspot-api-notes §9): at most 190 requests per rolling 10 s (private apps / service keys on
 * Professional and Enterprise), searches apart at 5 per second; a 429 waits for its Retry-After (or the
 * policy's window) and is retried, as are 502/503/504 a few times.
 */
import { z } from 'zod';
import { hubspotPaths, type ApiVersion, type HubSpotPaths } from '../../src/api/hubspot-paths.ts';
import type { Upstream } from '../proxy.ts';

const BURST_LIMIT = { max: 190, windowMs: 10_000 } as const;
const SEARCH_LIMIT = { max: 5, windowMs: 1000 } as const;
const MAX_RETRIES = 6;

/** A request answered with an error HubSpot (or the network) gave. */
class HubSpotReadError extends Error {
  override readonly name = 'HubSpotReadError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Sliding window: at most `max` starts in any `windowMs`. */
class Window {
  private readonly starts: number[] = [];
  constructor(private readonly limit: { max: number; windowMs: number }) {}
  /** How long to wait before the next request may start. */
  waitMs(now: number): number {
    while (this.starts.length && (this.starts[0] as number) <= now - this.limit.windowMs) this.starts.shift();
    return this.starts.length < this.limit.max ? 0 : (this.starts[0] as number) + this.limit.windowMs - now;
  }
  record(now: number): void {
    this.starts.push(now);
  }
}

const properties = z.record(z.string(), z.string().nullable());
const associated = z.object({ results: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String) })) });
const record = z.object({
  id: z.string(),
  properties,
  associations: z.record(z.string(), associated).optional(),
});
const nextPage = z.object({ next: z.object({ after: z.string() }).optional() }).optional();
export const listPageSchema = z.object({ results: z.array(record), paging: nextPage });
export const searchPageSchema = z.object({ total: z.number(), results: z.array(record), paging: nextPage });
export const batchReadSchema = z.object({ results: z.array(record) });
export const associationBatchSchema = z.object({
  results: z.array(
    z.object({
      from: z.object({ id: z.string() }),
      to: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]).transform(String) })),
      paging: nextPage,
    }),
  ),
});
const ownersPage = z.object({ results: z.array(z.object({ id: z.string() })), paging: nextPage });
const dispositionsBeta = z.object({ results: z.array(z.object({ id: z.string(), archived: z.boolean().optional() })) });
const dispositionsLegacy = z.array(z.object({ id: z.string() }));

export type HubSpotRecord = z.output<typeof record>;

export interface ReaderOptions {
  upstream: Upstream;
  apiVersion: ApiVersion;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HubSpotReader {
  readonly paths: HubSpotPaths;
  /** Requests sent so far (retries included). */
  readonly requests: number;
  get<S extends z.ZodType>(path: string, query: Record<string, string>, schema: S, signal?: AbortSignal): Promise<z.output<S>>;
  post<S extends z.ZodType>(path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.output<S>>;
  activeOutcomeIds(signal?: AbortSignal): Promise<string[]>;
  deactivatedOwnerIds(signal?: AbortSignal): Promise<string[]>;
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHubSpotReader(opts: ReaderOptions): HubSpotReader {
  const { upstream } = opts;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const burst = new Window(BURST_LIMIT);
  const search = new Window(SEARCH_LIMIT);
  const paths = hubspotPaths(opts.apiVersion);
  let requests = 0;

  async function send(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    const isSearch = method === 'POST' && path.endsWith('/search');
    const window = isSearch ? search : burst;
    for (let attempt = 0; ; attempt += 1) {
      for (let wait = window.waitMs(now()); wait > 0; wait = window.waitMs(now())) await sleep(wait);
      signal?.throwIfAborted();
      window.record(now());
      requests += 1;
      const headers = new Headers({ accept: 'application/json', 'user-agent': 'hubspot-calls-admin-hygiene' });
      if (upstream.token) headers.set('authorization', `Bearer ${upstream.token}`);
      if (body !== undefined) headers.set('content-type', 'application/json');
      let res: Response;
      try {
        const request = new Request(`${upstream.baseUrl}${path}`, { method, headers, redirect: 'manual', ...(body === undefined ? {} : { body: JSON.stringify(body) }), ...(signal ? { signal } : {}) });
        // The in-process mock does not watch the signal: a cancel must not wait for its answer.
        res = await (signal ? Promise.race([upstream.fetch(request), untilAborted(signal)]) : upstream.fetch(request));
      } catch (error) {
        signal?.throwIfAborted();
        if (attempt < MAX_RETRIES) {
          await sleep(1000 * 2 ** Math.min(attempt, 4));
          continue;
        }
        throw new HubSpotReadError(502, `Could not reach HubSpot (${upstream.host}): ${error instanceof Error ? error.message : String(error)}`);
      }
      const text = await res.text();
      if ((res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504) && attempt < MAX_RETRIES) {
        const retryAfter = Number(res.headers.get('retry-after'));
        const policyWindow = res.status === 429 ? (/TEN_SECONDLY/.test(text) ? BURST_LIMIT.windowMs : 1000) : 1000 * 2 ** Math.min(attempt, 4);
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : policyWindow);
        continue;
      }
      if (res.status !== 200 && res.status !== 207) {
        let message = `HubSpot answered ${res.status} to ${method} ${path}`;
        try {
          const parsed = JSON.parse(text) as { message?: unknown };
          if (typeof parsed.message === 'string') message += `: ${parsed.message}`;
        } catch {
          // not JSON: the status says enough
        }
        throw new HubSpotReadError(res.status, message);
      }
      return JSON.parse(text) as unknown;
    }
  }

  async function read<S extends z.ZodType>(schema: S, method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal): Promise<z.output<S>> {
    const parsed = schema.safeParse(await send(method, path, body, signal));
    if (!parsed.success) throw new HubSpotReadError(502, `HubSpot's answer to ${method} ${path} was not in the expected shape: ${parsed.error.issues[0]?.message ?? 'unknown'}.`);
    return parsed.data;
  }

  const reader: HubSpotReader = {
    paths,
    get requests() {
      return requests;
    },
    get: (path, query, schema, signal) => read(schema, 'GET', `${path}${Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : ''}`, undefined, signal),
    post: (path, body, schema, signal) => read(schema, 'POST', path, body, signal),

    /** The account's current outcomes: the dispositions beta, or the legacy list when HubSpot refuses the beta. */
    async activeOutcomeIds(signal) {
      try {
        const beta = await reader.get(paths.dispositions(), {}, dispositionsBeta, signal);
        return beta.results.filter((d) => !d.archived).map((d) => d.id);
      } catch (error) {
        if (!(error instanceof HubSpotReadError) || (error.status !== 403 && error.status !== 404)) throw error;
        return (await reader.get(paths.legacyDispositions(), {}, dispositionsLegacy, signal)).map((d) => d.id);
      }
    },

    async deactivatedOwnerIds(signal) {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await reader.get(paths.owners(), { archived: 'true', limit: '100', ...(after ? { after } : {}) }, ownersPage, signal);
        ids.push(...page.results.map((o) => o.id));
        after = page.paging?.next?.after;
      } while (after);
      return ids;
    },
  };
  return reader;
}
