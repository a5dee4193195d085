/**
 * Bulk work on HubSpot records through its batch endpoints: chunks of 100, four in flight, waiting out
 * rate limits, and a per-record report (succeeded / failed with HubSpot's reason). HubSpot may answer a
 * batch per item (207) or refuse it as a whole when one input is bad (all-or-nothing, naming the bad
 * inputs or not): a refused batch is narrowed down to its bad records, by the ids HubSpot names, else by
 * splitting it in halves, so every record gets its own outcome. The runner is pure over an injected
 * `work` function (one batch's request), so it can be unit tested and bound to any batch endpoint.
 */
import { HubSpotApiError, hubSpotErrorBodySchema, isHubSpotApiError } from './errors';
import { describeError } from '../lib/describeError';

const BATCH_SIZE = 100;
/** Batches sent at once (each still narrowed down one request at a time). */
const BATCHES_IN_FLIGHT = 4;

export interface BulkReport {
  succeeded: string[];
  failed: { id: string; reason: string }[];
  /** The run was cancelled; ids after the cancel point are in neither list. */
  cancelled: boolean;
}

/**
 * What one batch did: the ids HubSpot reported as failed (with reasons); the rest succeeded. Throws
 * (HubSpotApiError) when HubSpot refuses the whole batch.
 */
export type ChunkWork = (ids: string[], signal?: AbortSignal) => Promise<Map<string, string>>;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Waits between retries of a rate-limited request (injected for tests). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How often a request rate-limited even after http.ts's own retries is tried again. */
  rateLimitRetries?: number;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    });
  });

const isRateLimit = (e: unknown) => isHubSpotApiError(e) && e.status === 429;

/** HubSpot refused the batch because of its inputs (a bad value, a missing record, a conflict): a smaller batch may pass. */
const isInputRefusal = (e: unknown): e is HubSpotApiError => isHubSpotApiError(e) && [400, 404, 409, 422].includes(e.status);

const asIds = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String) : []);

/**
 * The records of `ids` a refusal names, each with its reason: `errors[].context.ids` (that entry's
 * message), then the top-level `context.ids` (the error's message).
 */
function namedFailures(e: HubSpotApiError, ids: readonly string[]): Map<string, string> {
  const inBatch = new Set(ids);
  const reason = (message: string, category: string) =>
    describeError(new HubSpotApiError({ status: e.status, message, category, ...(e.correlationId ? { correlationId: e.correlationId } : {}) })).text;
  const named = new Map<string, string>();
  const body = hubSpotErrorBodySchema.safeParse(e.body);
  if (!body.success) return named;
  for (const detail of body.data.errors ?? []) {
    for (const id of asIds(detail.context?.ids)) {
      if (inBatch.has(id) && !named.has(id)) named.set(id, reason(detail.message, detail.code ?? e.category));
    }
  }
  for (const id of asIds(body.data.context?.ids)) if (inBatch.has(id) && !named.has(id)) named.set(id, describeError(e).text);
  return named;
}

/** Runs `work` over `ids` in batches of 100, four at a time, and reports per record. Never throws for HubSpot errors. */
export async function runBulk(ids: readonly string[], work: ChunkWork, opts: RunOptions = {}): Promise<BulkReport> {
  const sleep = opts.sleep ?? defaultSleep;
  const report: BulkReport = { succeeded: [], failed: [], cancelled: false };
  const unique = [...new Set(ids)];

  /** One request for `part`, rate limits waited out: the failures it reported, its error, or 'cancelled'. */
  const attempt = async (part: string[]): Promise<{ failures: Map<string, string> } | { error: unknown } | 'cancelled'> => {
    for (let tries = 0; ; tries++) {
      if (opts.signal?.aborted) return 'cancelled';
      try {
        return { failures: await work(part, opts.signal) };
      } catch (e) {
        if (opts.signal?.aborted) return 'cancelled';
        if (!isRateLimit(e) || tries >= (opts.rateLimitRetries ?? 3)) return { error: e };
        const seconds = (isHubSpotApiError(e) && e.retryAfterSeconds) || 10;
        try {
          await sleep(seconds * 1000, opts.signal);
        } catch {
          return 'cancelled';
        }
      }
    }
  };

  /**
   * Settles every record of `part` into the report; false when cancelled. A refused batch: the records
   * HubSpot names fail and the rest is sent again; when it names none, each half is sent on its own. Every
   * step sends fewer records than the last, so this ends, and a lone record's refusal is its own.
   */
  const settle = async (part: string[]): Promise<boolean> => {
    if (part.length === 0) return true;
    const result = await attempt(part);
    if (result === 'cancelled') return false;
    if ('failures' in result) {
      for (const id of part) {
        const reason = result.failures.get(id);
        if (reason === undefined) report.succeeded.push(id);
        else report.failed.push({ id, reason });
      }
      return true;
    }
    const e = result.error;
    if (!isInputRefusal(e) || part.length === 1) {
      const reason = describeError(e).text;
      for (const id of part) report.failed.push({ id, reason });
      return true;
    }
    const named = namedFailures(e, part);
    if (named.size > 0) {
      for (const [id, reason] of named) report.failed.push({ id, reason });
      return settle(part.filter((id) => !named.has(id)));
    }
    const half = Math.ceil(part.length / 2);
    return (await settle(part.slice(0, half))) && settle(part.slice(half));
  };

  let done = 0;
  opts.onProgress?.(0, unique.length);
  const parts = chunk(unique, BATCH_SIZE);
  let next = 0;
  // A few batches in flight, each narrowed down on its own: one at a time, each waited on HubSpot's answer
  // (hundreds of ms), well below the 190 requests per 10 s HubSpot allows. After a cancel no new batch starts.
  const worker = async () => {
    while (next < parts.length && !report.cancelled) {
      const part = parts[next++]!;
      if (!(await settle(part))) {
        report.cancelled = true;
        return;
      }
      done += part.length;
      opts.onProgress?.(done, unique.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, parts.length) }, worker));
  return report;
}
