/**
 * Queries only the call list needs, built on the lead's API functions and query factories:
 * the associations of one page of calls (one v4 batch read per record type per page), the
 * "every page of this view" walkers used by CSV export and "select all matching". (The overlay of the
 * user's own recent writes on pages of HubSpot's lagging search: recent-writes.ts.)
 */
import { queryOptions } from '@tanstack/react-query';
import { batchReadAssociations } from '../../../api/associations';
import { listCalls, searchCalls } from '../../../api/calls';
import { batchReadRecords, recordDisplayName, type RecordType } from '../../../api/records';
import type { HubSpotObject } from '../../../api/schemas';
import { recordKeys } from '../../../api/records-queries';
import { CALL_PROPERTIES } from '../call-properties';
import { buildCallSearchRequest, callKeys, isPlainListView, type CallListParams } from '../calls-queries';
import { SEARCH_RESULT_CAP } from './list-state';

export type NameType = Extract<RecordType, 'contacts' | 'companies'>;

const listKeys = {
  /** Under ['calls'] so anything that invalidates calls refreshes these too. */
  pageAssociations: (type: NameType, callIds: readonly string[]) =>
    [...callKeys.all, 'page-associations', type, [...new Set(callIds)].sort()] as const,
  recordNames: (type: NameType, ids: readonly string[]) => [...recordKeys.type(type), 'names', [...new Set(ids)].sort()] as const,
};

export const listQueries = {
  /** Call id -> associated record ids of `type`, for one page of calls, in one request. */
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

/** The list endpoint pages up to 100; search up to 200. */
const LIST_PAGE_MAX = 100;
const SEARCH_PAGE_MAX = 200;

export interface WalkProgress {
  fetched: number;
  /** HubSpot's total (search only), already capped at 10,000. */
  total?: number;
}

export interface WalkResult {
  calls: HubSpotObject[];
  /** The search total was above 10,000, so only the first 10,000 are in `calls`. */
  capped: boolean;
  total?: number;
}

/**
 * Fetches every call of a view, page by page (sequentially: HubSpot's search allows a few requests per
 * second, and http.ts waits out 429s). Stops at HubSpot's 10,000-result search cap.
 */
export async function walkView(
  params: CallListParams,
  opts: { properties?: readonly string[]; onPage?: (page: HubSpotObject[], progress: WalkProgress) => Promise<void> | void; signal?: AbortSignal },
): Promise<WalkResult> {
  const calls: HubSpotObject[] = [];
  const plain = isPlainListView(params);
  let after: string | undefined;
  let total: number | undefined;
  let capped = false;
  let page: HubSpotObject[];
  do {
    opts.signal?.throwIfAborted();
    if (plain) {
      const res = await listCalls({ limit: LIST_PAGE_MAX, after, properties: opts.properties ?? CALL_PROPERTIES }, opts.signal);
      page = res.results;
      after = res.nextAfter;
    } else {
      const req = { ...buildCallSearchRequest({ ...params, after, pageSize: SEARCH_PAGE_MAX }), properties: opts.properties ?? CALL_PROPERTIES };
      const res = await searchCalls(req, opts.signal);
      page = res.results;
      after = res.nextAfter;
      total = Math.min(res.total, SEARCH_RESULT_CAP);
      capped = res.total > SEARCH_RESULT_CAP;
      if (calls.length + page.length >= SEARCH_RESULT_CAP) {
        page = page.slice(0, SEARCH_RESULT_CAP - calls.length);
        after = undefined;
      }
    }
    calls.push(...page);
    await opts.onPage?.(page, { fetched: calls.length, total });
  } while (after && page.length > 0);
  return { calls, capped, total };
}

/** Ids of every call matching a view (for "select all matching"). */
export async function fetchMatchingIds(
  params: CallListParams,
  onProgress: (p: WalkProgress) => void,
  signal?: AbortSignal,
): Promise<{ ids: string[]; capped: boolean; total?: number }> {
  const res = await walkView(params, { properties: ['hs_object_id'], onPage: (_p, progress) => onProgress(progress), signal });
  return { ids: res.calls.map((c) => c.id), capped: res.capped, total: res.total };
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
