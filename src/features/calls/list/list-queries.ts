/**
 * Queries only the call list needs, built on the lead's API functions and query factories:
 * the associations of one page of calls (one v4 batch read per record type per page), the
 * "every call of this view" walkers used by CSV export and "select all matching". (The overlay of the
 * user's own recent writes on pages of HubSpot's lagging search: recent-writes.ts.)
 */
import { queryOptions } from '@tanstack/react-query';
import { batchReadAssociations } from '../../../api/associations';
import { batchReadRecords, recordDisplayName, type RecordType } from '../../../api/records';
import type { HubSpotObject } from '../../../api/schemas';
import { recordKeys } from '../../../api/records-queries';
import { CALL_PROPERTIES } from '../call-properties';
import { callKeys, fetchCallPage, type CallListParams } from '../calls-queries';

export type NameType = Extract<RecordType, 'contacts' | 'companies'>;

const listKeys = {
  /** Under ['calls'] so anything that invalidates calls refreshes these too. */
  pageAssociations: (type: NameType, callIds: readonly string[]) =>
    [...callKeys.all, 'page-associations', type, [...new Set(callIds)].sort()] as const,
  recordNames: (type: NameType, ids: readonly string[]) => [...recordKeys.type(type), 'names', [...new Set(ids)].sort()] as const,
};

export const listQueries = {
  /** Call id -> associated record ids of `type`, for one page of calls: one request (another only for calls with more than HubSpot's page of them). */
  pageAssociations: (type: NameType, callIds: readonly string[]) =>
    queryOptions({
      queryKey: listKeys.pageAssociations(type, callIds),
      queryFn: async ({ signal }) => {
        const map = await batchReadAssociations('calls', type, [...new Set(callIds)], signal);
        return new Map([...map].map(([id, recs]) => [id, recs.map((r) => r.toObjectId)]));
      },
      staleTime: 30_000,
    }),
  /** Record id -> display name, batch reads of 100 (one request for a normal page). */
  recordNames: (type: NameType, ids: readonly string[]) =>
    queryOptions({
      queryKey: listKeys.recordNames(type, ids),
      queryFn: ({ signal }) => fetchRecordNames(type, ids, signal),
      staleTime: 60_000,
    }),
};

/** Search pages up to 200. */
const SEARCH_PAGE_MAX = 200;

export interface WalkProgress {
  fetched: number;
  /** HubSpot's search total of the view. */
  total?: number;
}

export interface WalkResult {
  calls: HubSpotObject[];
  total?: number;
}

/**
 * Fetches every call of a view in its order, page by page, past HubSpot's 10,000-result cap (slice by
 * slice: search-slices.ts). Sequential: HubSpot's search allows a few requests per second, and http.ts
 * waits out 429s.
 */
export async function walkView(
  params: CallListParams,
  opts: { properties?: readonly string[]; onPage?: (page: HubSpotObject[], progress: WalkProgress) => Promise<void> | void; signal?: AbortSignal },
): Promise<WalkResult> {
  const calls: HubSpotObject[] = [];
  let after: string | undefined;
  let total: number | undefined;
  do {
    opts.signal?.throwIfAborted();
    const page = await fetchCallPage(
      { ...params, after, pageSize: SEARCH_PAGE_MAX },
      { properties: opts.properties ?? CALL_PROPERTIES, viewTotal: false, signal: opts.signal },
    );
    total ??= page.total;
    after = page.nextAfter;
    calls.push(...page.results);
    await opts.onPage?.(page.results, { fetched: calls.length, total });
  } while (after);
  return { calls, total };
}

/**
 * Ids of every call matching a view (for "select all matching"), with each call's outcome as search has it (what
 * a bulk outcome change journals as the value before; read in the same pages, at no extra request).
 */
export async function fetchMatchingIds(
  params: CallListParams,
  onProgress: (p: WalkProgress) => void,
  signal?: AbortSignal,
): Promise<{ ids: string[]; outcomes: Map<string, string | null>; total?: number }> {
  const res = await walkView(params, { properties: ['hs_object_id', 'hs_call_disposition'], onPage: (_p, progress) => onProgress(progress), signal });
  return { ids: res.calls.map((c) => c.id), outcomes: new Map(res.calls.map((c) => [c.id, c.properties.hs_call_disposition ?? null])), total: res.total };
}

/** Names of records by id, in batch reads of 100 (unknown ids are simply absent). */
export async function fetchRecordNames(type: NameType, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 100) {
    const res = await batchReadRecords(type, unique.slice(i, i + 100), undefined, signal);
    for (const r of res.results) names.set(r.id, recordDisplayName(type, r));
  }
  return names;
}
