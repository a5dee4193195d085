/**
 * Query keys, query options and mutation hooks for calls. Keys go from general to specific:
 * ['calls'] ⊃ ['calls','list'] ⊃ ['calls','list',params]; ['calls','detail',id].
 */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { archiveCall, createCall, getCall, searchCalls, updateCall, type AssociationInput } from '../../api/calls';
import type { HubSpotApiError } from '../../api/errors';
import { RECORD_TYPES, type RecordType } from '../../api/records';
import type { HubSpotObject, SearchFilter, SearchRequest } from '../../api/schemas';
import { CALL_DETAIL_PROPERTIES, CALL_HISTORY_PROPERTIES, CALL_PROPERTIES, sortProperty, type SortKey } from './call-properties';
import { fetchIdListPage, idsOfRule } from './id-list-view';
import { boundOf, formatCursor, nextCursor, orderKeys, parseCursor, SEARCH_RESULT_CAP, sliceFilterGroups } from './search-slices';


export interface CallListFilters {
  /** Outcome GUIDs (any of). */
  outcomes?: string[];
  direction?: string;
  /** hs_call_status values (any of). */
  statuses?: string[];
  ownerIds?: string[];
  /** Inclusive bounds, ISO-8601. */
  from?: string;
  to?: string;
  hasRecording?: boolean;
  associated?: { type: RecordType; id: string };
}

export interface CallListParams {
  pageSize: number;
  after?: string;
  sort?: { field: SortKey; direction: 'asc' | 'desc' };
  search?: string;
  filters?: CallListFilters;
  /**
   * Search filter groups of a rule (e.g. a "Needs attention" queue): a call matches one group (OR) and the
   * view's filters (AND). Absent: the view's filters alone.
   */
  groups?: SearchFilter[][];
}

export interface CallListPage {
  results: HubSpotObject[];
  nextAfter?: string;
  /** The view's search total (every page of the view is a search). */
  total?: number;
}

const singular: Record<RecordType, string> = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };

function callSearchFilters(f: CallListFilters = {}): SearchFilter[] {
  const filters: SearchFilter[] = [];
  if (f.outcomes?.length) filters.push({ propertyName: 'hs_call_disposition', operator: 'IN', values: f.outcomes });
  if (f.direction) filters.push({ propertyName: 'hs_call_direction', operator: 'EQ', value: f.direction });
  if (f.statuses?.length) filters.push({ propertyName: 'hs_call_status', operator: 'IN', values: f.statuses });
  if (f.ownerIds?.length) filters.push({ propertyName: 'hubspot_owner_id', operator: 'IN', values: f.ownerIds });
  const from = f.from ? Date.parse(f.from) : NaN;
  const to = f.to ? Date.parse(f.to) : NaN;
  if (!Number.isNaN(from) && !Number.isNaN(to)) {
    filters.push({ propertyName: 'hs_timestamp', operator: 'BETWEEN', value: String(from), highValue: String(to) });
  } else if (!Number.isNaN(from)) {
    filters.push({ propertyName: 'hs_timestamp', operator: 'GTE', value: String(from) });
  } else if (!Number.isNaN(to)) {
    filters.push({ propertyName: 'hs_timestamp', operator: 'LTE', value: String(to) });
  }
  if (f.hasRecording !== undefined) {
    filters.push({ propertyName: 'hs_call_recording_url', operator: f.hasRecording ? 'HAS_PROPERTY' : 'NOT_HAS_PROPERTY' });
  }
  if (f.associated) filters.push({ propertyName: `associations.${singular[f.associated.type]}`, operator: 'EQ', value: f.associated.id });
  return filters;
}

/** The order of a view with no sort chosen: newest first. */
export const DEFAULT_SORT = { field: 'time', direction: 'desc' } as const satisfies NonNullable<CallListParams['sort']>;

/**
 * The search request for one page of a view. Every view is sorted (newest first unless another sort is
 * chosen), so every view is served by HubSpot's search; `p.after` is a page cursor (search-slices.ts):
 * beyond HubSpot's 10,000-result cap, the page's slice narrows the view's filters to the calls after the
 * slice's bound. Undefined for a cursor that is not one.
 */
export function buildCallSearchRequest(p: CallListParams, properties: readonly string[] = CALL_PROPERTIES): SearchRequest | undefined {
  const cursor = parseCursor(p.after);
  if (!cursor) return undefined;
  const sort = p.sort ?? DEFAULT_SORT;
  const property = sortProperty(sort.field);
  const descending = sort.direction === 'desc';
  const filters = callSearchFilters(p.filters);
  const bases = p.groups?.length ? p.groups.map((g) => [...filters, ...g]) : [filters];
  const groups = cursor.bound
    ? bases.flatMap((base) => sliceFilterGroups(base, orderKeys(property), cursor.bound ?? [], descending))
    : bases.some((base) => base.length === 0)
      ? []
      : bases;
  const req: SearchRequest = {
    filterGroups: groups.map((g) => ({ filters: g })),
    sorts: [{ propertyName: property, direction: descending ? 'DESCENDING' : 'ASCENDING' }],
    properties: [...new Set([...properties, ...orderKeys(property)])],
    limit: Math.min(p.pageSize, SEARCH_RESULT_CAP - cursor.offset),
  };
  const q = p.search?.trim();
  if (q) req.query = q;
  if (cursor.offset) req.after = String(cursor.offset);
  return req;
}

/**
 * One page of a view (search; past 10,000 results, a slice of it). `total` is the search total of the view
 * itself, not of the slice: a page in a later slice costs one more search (`viewTotal: false` skips it).
 */
export async function fetchCallPage(
  p: CallListParams,
  opts: { properties?: readonly string[]; viewTotal?: boolean; signal?: AbortSignal } = {},
): Promise<CallListPage> {
  const cursor = parseCursor(p.after);
  const req = buildCallSearchRequest(p, opts.properties);
  if (!cursor || !req) throw new Error('This page link is not valid any more: go back to the first page.');
  const viewReq = cursor.bound && opts.viewTotal !== false ? buildCallSearchRequest({ ...p, after: undefined }, ['hs_object_id']) : undefined;
  const [res, view] = await Promise.all([searchCalls(req, opts.signal), viewReq && searchCalls({ ...viewReq, limit: 1 }, opts.signal)]);
  const last = res.results.at(-1);
  const keys = orderKeys(sortProperty((p.sort ?? DEFAULT_SORT).field));
  const next = nextCursor(cursor, { count: res.results.length, sliceTotal: res.total, last: last && boundOf(last, keys) });
  const nextAfter = next && formatCursor(next);
  const total = view ? view.total : cursor.bound ? undefined : res.total;
  return { results: res.results, ...(total === undefined ? {} : { total }), ...(nextAfter ? { nextAfter } : {}) };
}

export const callKeys = {
  all: ['calls'] as const,
  lists: () => [...callKeys.all, 'list'] as const,
  list: (p: CallListParams) => [...callKeys.lists(), p] as const,
  details: () => [...callKeys.all, 'detail'] as const,
  detail: (id: string) => [...callKeys.details(), id] as const,
};

/**
 * Keys of the mutations that write calls. Views served by HubSpot's search, which lags behind writes,
 * overlay what these saved (list/recent-writes.ts, recorded by the query client's MutationCache).
 */
export const callWriteKeys = {
  all: [...callKeys.all, 'write'] as const,
  create: [...callKeys.all, 'write', 'create'] as const,
  update: [...callKeys.all, 'write', 'update'] as const,
  archive: [...callKeys.all, 'write', 'archive'] as const,
  bulk: [...callKeys.all, 'write', 'bulk'] as const,
};

export const callQueries = {
  list: (p: CallListParams) =>
    queryOptions({
      queryKey: callKeys.list(p),
      queryFn: ({ signal, client }) => (idsOfRule(p.groups) ? fetchIdListPage(client, p) : fetchCallPage(p, { signal })),
      meta: { errorTitle: 'Could not refresh the call list' },
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: callKeys.detail(id),
      queryFn: ({ signal }) =>
        getCall(id, { properties: CALL_DETAIL_PROPERTIES, propertiesWithHistory: CALL_HISTORY_PROPERTIES, associations: RECORD_TYPES }, signal),
      meta: { errorTitle: 'Could not refresh the call' },
    }),
};

/** Applies `change` to the call wherever a cached list page holds it. */
function updateCallInLists(qc: QueryClient, id: string, change: (call: HubSpotObject) => HubSpotObject | null): void {
  qc.setQueriesData<CallListPage>({ queryKey: callKeys.lists() }, (page) => {
    if (!page?.results.some((c) => c.id === id)) return page;
    const results = page.results.flatMap((c) => {
      if (c.id !== id) return [c];
      const next = change(c);
      return next ? [next] : [];
    });
    return { ...page, results, total: page.total !== undefined && results.length < page.results.length ? page.total - 1 : page.total };
  });
}

const withProperties = (call: HubSpotObject, properties: HubSpotObject['properties']): HubSpotObject => ({
  ...call,
  properties: { ...call.properties, ...properties },
});

/** Sets properties of one call in its detail and in every cached list page, leaving every other call as it is. */
function setCallProperties(qc: QueryClient, id: string, properties: HubSpotObject['properties'], updatedAt?: string): void {
  const change = (c: HubSpotObject) => ({ ...withProperties(c, properties), ...(updatedAt ? { updatedAt } : {}) });
  const detail = qc.getQueryData<HubSpotObject>(callKeys.detail(id));
  if (detail) qc.setQueryData(callKeys.detail(id), change(detail));
  updateCallInLists(qc, id, change);
}

/** The cached values of `names` for one call (detail first, else a list page), '' where unset. */
function cachedValues(qc: QueryClient, id: string, names: readonly string[]): Record<string, string> | undefined {
  const call =
    qc.getQueryData<HubSpotObject>(callKeys.detail(id)) ??
    qc
      .getQueriesData<CallListPage>({ queryKey: callKeys.lists() })
      .flatMap(([, page]) => page?.results ?? [])
      .find((c) => c.id === id);
  return call ? Object.fromEntries(names.map((n) => [n, call.properties[n] ?? ''])) : undefined;
}

interface UpdateContext {
  /** This call's values of the changed properties before the change; undefined when no cache held the call. */
  previous: Record<string, string> | undefined;
}

/**
 * Saves changed properties. The detail and every cached list page show the new values at once; on failure
 * the changed properties of this call return to what they were (other calls, perhaps being edited at the same
 * moment, keep theirs) and the error reaches the caller. The caches are re-read from HubSpot once the last
 * pending update has settled, so a re-read never overwrites an edit still on its way.
 */
export function useUpdateCall() {
  const qc = useQueryClient();
  return useMutation<HubSpotObject, HubSpotApiError, { id: string; properties: Record<string, string> }, UpdateContext>({
    mutationKey: callWriteKeys.update,
    // Callers report failures in place (form, snackbar, dialog).
    meta: { errorTitle: false },
    mutationFn: ({ id, properties }) => updateCall(id, properties),
    onMutate: async ({ id, properties }) => {
      await qc.cancelQueries({ queryKey: callKeys.detail(id) });
      await qc.cancelQueries({ queryKey: callKeys.lists() });
      const previous = cachedValues(qc, id, Object.keys(properties));
      setCallProperties(qc, id, properties);
      return { previous };
    },
    onError: (_error, { id, properties }, context) => {
      if (!context?.previous) return;
      // Only what is still this update's optimistic value goes back (a later edit of the same call stays).
      const current = cachedValues(qc, id, Object.keys(properties)) ?? {};
      const restore = Object.fromEntries(Object.entries(context.previous).filter(([name]) => current[name] === properties[name]));
      setCallProperties(qc, id, restore);
    },
    onSuccess: (saved, { id }) => {
      setCallProperties(qc, id, saved.properties, saved.updatedAt);
    },
    onSettled: () => {
      // This mutation still counts as pending here.
      if (qc.isMutating({ mutationKey: callWriteKeys.update }) > 1) return;
      void qc.invalidateQueries({ queryKey: callKeys.details() });
      void qc.invalidateQueries({ queryKey: callKeys.lists() });
    },
  });
}

export function useCreateCall() {
  const qc = useQueryClient();
  return useMutation<HubSpotObject, HubSpotApiError, { properties: Record<string, string>; associations?: AssociationInput[] }>({
    mutationKey: callWriteKeys.create,
    // Callers report failures in place (form, snackbar, dialog).
    meta: { errorTitle: false },
    mutationFn: (input) => createCall(input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: callKeys.lists() });
    },
  });
}

/** Moves a call to HubSpot's recycling bin and drops it from every cached view. */
export function useArchiveCall() {
  const qc = useQueryClient();
  return useMutation<void, HubSpotApiError, { id: string }>({
    mutationKey: callWriteKeys.archive,
    // Callers report failures in place (form, snackbar, dialog).
    meta: { errorTitle: false },
    mutationFn: ({ id }) => archiveCall(id),
    onSuccess: (_data, { id }) => {
      qc.removeQueries({ queryKey: callKeys.detail(id) });
      updateCallInLists(qc, id, () => null);
      void qc.invalidateQueries({ queryKey: callKeys.lists() });
    },
  });
}
