/**
 * Queries only the call list needs, built on the lead's API functions and query factories:
 * the associations of one page of calls (one v4 batch read per record type per page), the
 * "every call of this view" walkers used by CSV export and "select all matching", and the overlay of
 * the user's own recent writes on pages served by HubSpot's search, which lags behind writes.
 */
import { useMemo } from 'react';
import { queryOptions, useMutationState, type Mutation } from '@tanstack/react-query';
import { batchReadAssociations } from '../../../api/associations';
import { batchReadRecords, recordDisplayName, type RecordType } from '../../../api/records';
import type { HubSpotObject } from '../../../api/schemas';
import { recordKeys } from '../../../api/records-queries';
import { CALL_PROPERTIES } from '../call-properties';
import { callKeys, callWriteKeys, fetchCallPage, type CallListPage, type CallListParams } from '../calls-queries';

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

/** Ids of every call matching a view (for "select all matching"). */
export async function fetchMatchingIds(
  params: CallListParams,
  onProgress: (p: WalkProgress) => void,
  signal?: AbortSignal,
): Promise<{ ids: string[]; total?: number }> {
  const res = await walkView(params, { properties: ['hs_object_id'], onPage: (_p, progress) => onProgress(progress), signal });
  return { ids: res.calls.map((c) => c.id), total: res.total };
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

/** What one successful write left in HubSpot: the calls as HubSpot answered them (by id or batch), the ids archived. */
export interface CallWrites {
  saved: readonly HubSpotObject[];
  archived: readonly string[];
}

/** The user's recent writes: the newest saved version of each call, and the calls archived. */
export interface RecentWrites {
  saved: ReadonlyMap<string, HubSpotObject>;
  archived: ReadonlySet<string>;
}

const NO_WRITES: CallWrites = { saved: [], archived: [] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCall = (v: unknown): v is HubSpotObject => isObject(v) && typeof v.id === 'string' && typeof v.updatedAt === 'string' && isObject(v.properties);

/** The writes of one successful mutation under callWriteKeys (an update answers the saved call; an archive names its id). */
function writesOf(m: Mutation<unknown, unknown, unknown>): CallWrites {
  const kind = m.options.mutationKey?.[2];
  const { data, variables } = m.state;
  if (kind === 'update' && isCall(data)) {
    // HubSpot's answer may leave out a property the update cleared: what was sent is what HubSpot now has
    const sent = isObject(variables) && isObject(variables.properties) ? (variables.properties as Record<string, string>) : {};
    return { saved: [{ ...data, properties: { ...data.properties, ...sent } }], archived: [] };
  }
  if (kind === 'archive' && isObject(variables) && typeof variables.id === 'string') return { saved: [], archived: [variables.id] };
  if (kind === 'bulk' && isObject(data) && Array.isArray(data.saved) && Array.isArray(data.archived)) return data as unknown as CallWrites;
  return NO_WRITES;
}

/**
 * The user's writes of the last minutes (the successful mutations TanStack Query still holds: gcTime),
 * for useQuery's `select` over list pages: HubSpot's search may answer with a call's values from before
 * the write, or with a call just archived, for a few seconds.
 */
export function useRecentCallWrites(): RecentWrites {
  const writes = useMutationState({ filters: { mutationKey: callWriteKeys.all, status: 'success' }, select: writesOf });
  return useMemo(() => {
    const saved = new Map<string, HubSpotObject>();
    const archived = new Set<string>();
    for (const w of writes) {
      for (const call of w.saved) {
        const known = saved.get(call.id);
        if (!known || Date.parse(call.updatedAt) > Date.parse(known.updatedAt)) saved.set(call.id, call);
      }
      for (const id of w.archived) archived.add(id);
    }
    return { saved, archived };
  }, [writes]);
}

/**
 * A list page as the user's own writes left it: a call HubSpot answered with an older version than the
 * user saved shows the saved values (until search has caught up: its `updatedAt` is as new); a call the
 * user archived is not shown. The same page when nothing applies.
 */
export function overlayRecentWrites(page: CallListPage, recent: RecentWrites): CallListPage {
  if (recent.saved.size === 0 && recent.archived.size === 0) return page;
  let changed = false;
  const results = page.results.flatMap((call) => {
    if (recent.archived.has(call.id)) {
      changed = true;
      return [];
    }
    const saved = recent.saved.get(call.id);
    if (!saved || Date.parse(saved.updatedAt) <= Date.parse(call.updatedAt)) return [call];
    changed = true;
    return [{ ...call, properties: { ...call.properties, ...saved.properties }, updatedAt: saved.updatedAt }];
  });
  if (!changed) return page;
  const removed = page.results.length - results.length;
  return { ...page, results, ...(page.total === undefined ? {} : { total: Math.max(0, page.total - removed) }) };
}
