/**
 * Bulk work on calls through HubSpot's batch endpoints: chunks of 100, one chunk at a time, waiting out
 * rate limits, and a per-record report (succeeded / failed with HubSpot's reason). The runner is pure
 * over an injected `work` function so it can be unit tested; the two actions below bind the real API.
 */
import { batchArchiveCalls, batchUpdateCalls } from '../../../api/calls';
import { isHubSpotApiError } from '../../../api/errors';
import { describeError } from '../../../lib/describeError';

const BATCH_SIZE = 100;

export interface BulkReport {
  succeeded: string[];
  failed: { id: string; reason: string }[];
  /** The run was cancelled; ids after the cancel point are in neither list. */
  cancelled: boolean;
}

/** What one chunk did: the ids HubSpot reported as failed (with reasons); the rest succeeded. */
export type ChunkWork = (ids: string[], signal?: AbortSignal) => Promise<Map<string, string>>;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Waits between retries of a rate-limited chunk (injected for tests). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How often a chunk rate-limited even after http.ts's own retries is tried again. */
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

/** Runs `work` over `ids` in chunks of 100, one at a time, and reports per record. Never throws for HubSpot errors. */
export async function runBulk(ids: readonly string[], work: ChunkWork, opts: RunOptions = {}): Promise<BulkReport> {
  const sleep = opts.sleep ?? defaultSleep;
  const report: BulkReport = { succeeded: [], failed: [], cancelled: false };
  const unique = [...new Set(ids)];
  let done = 0;
  opts.onProgress?.(0, unique.length);
  for (const part of chunk(unique, BATCH_SIZE)) {
    if (opts.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    let failures: Map<string, string>;
    for (let attempt = 0; ; attempt++) {
      try {
        failures = await work(part, opts.signal);
        break;
      } catch (e) {
        if (opts.signal?.aborted) {
          report.cancelled = true;
          return report;
        }
        if (isRateLimit(e) && attempt < (opts.rateLimitRetries ?? 3)) {
          const seconds = (isHubSpotApiError(e) && e.retryAfterSeconds) || 10;
          try {
            await sleep(seconds * 1000, opts.signal);
          } catch {
            report.cancelled = true;
            return report;
          }
          continue;
        }
        const reason = describeError(e).text;
        failures = new Map(part.map((id) => [id, reason]));
        break;
      }
    }
    for (const id of part) {
      const reason = failures.get(id);
      if (reason === undefined) report.succeeded.push(id);
      else report.failed.push({ id, reason });
    }
    done += part.length;
    opts.onProgress?.(done, unique.length);
  }
  return report;
}

/** Sets `properties` on every call of the chunk (batch update; a 207 names the failed ids). */
export function updateWork(properties: Record<string, string>): ChunkWork {
  return async (ids) => {
    const res = await batchUpdateCalls(ids.map((id) => ({ id, properties })));
    const failures = new Map<string, string>();
    for (const err of res.errors) {
      const named = err.ids.length ? err.ids : [];
      for (const id of named) failures.set(id, err.message);
    }
    const ok = new Set(res.results.map((r) => r.id));
    // An id HubSpot neither returned nor named in an error is not known to have changed.
    const unnamed = res.errors.find((e) => e.ids.length === 0)?.message ?? 'HubSpot did not confirm this change.';
    for (const id of ids) if (!ok.has(id) && !failures.has(id)) failures.set(id, unnamed);
    return failures;
  };
}

/** Moves every call of the chunk to HubSpot's recycling bin (batch archive answers 204 or fails as a whole). */
export const archiveWork: ChunkWork = async (ids) => {
  await batchArchiveCalls(ids);
  return new Map();
};
