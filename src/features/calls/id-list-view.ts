/**
 * A rule given as a list of call ids, `[[hs_object_id IN ids]]`: the calls a scan found (e.g. "Needs attention"
 * queues whose rule HubSpot's search cannot express). HubSpot's IN takes up to 100 values, so a view of such a
 * rule (the list's filters, search and sort over those calls) is one search per 100 ids, merged here in the view's
 * order (the order HubSpot's search uses: search-slices.ts) and paged here. Its page cursors are offsets into the
 * merged view, which is cached under ['calls'] so that every change to calls reads it again.
 */
import type { QueryClient } from '@tanstack/react-query';
import { searchCalls } from '../../api/calls';
import type { HubSpotObject, SearchFilter } from '../../api/schemas';
import { sortProperty } from './call-properties';
import { buildCallSearchRequest, callKeys, DEFAULT_SORT, type CallListPage, type CallListParams } from './calls-queries';
import { orderKeys } from './search-slices';

const ID_PROPERTY = 'hs_object_id';
/** Values one IN filter takes. */
const IDS_PER_SEARCH = 100;
/** How long a merged view is reused for its pages before it is read again. */
const VIEW_STALE_MS = 30_000;

/** The rule of the calls `ids`. */
export function idRule(ids: readonly string[]): SearchFilter[][] {
  return [[{ propertyName: ID_PROPERTY, operator: 'IN', values: [...ids] }]];
}

/** The ids of a rule made by idRule, or undefined for any other rule. */
export function idsOfRule(groups: readonly SearchFilter[][] | undefined): string[] | undefined {
  const only = groups?.length === 1 && groups[0]?.length === 1 ? groups[0][0] : undefined;
  return only?.propertyName === ID_PROPERTY && only.operator === 'IN' ? (only.values ?? []) : undefined;
}

const NUMERIC = new Set(['hs_object_id', 'hs_call_duration']);

/** A comparable form of one order key's value: null sorts first ascending (last descending), as in HubSpot's search. */
function comparable(call: HubSpotObject, key: string): number | string | null {
  const raw = key === ID_PROPERTY ? call.id : call.properties[key];
  if (raw === null || raw === undefined || raw === '') return null;
  if (key === 'hs_timestamp') return Date.parse(raw);
  if (NUMERIC.has(key)) return Number(raw);
  return raw.toLowerCase();
}

/** Orders calls as a search sorted by `keys` (most significant first) would. */
function compareInOrder(keys: readonly string[], descending: boolean) {
  return (a: HubSpotObject, b: HubSpotObject): number => {
    for (const key of keys) {
      const x = comparable(a, key);
      const y = comparable(b, key);
      if (x === y) continue;
      const order = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return 0;
  };
}

type View = Omit<CallListParams, 'after' | 'pageSize'>;

/** Every call of a view over an id list, in the view's order: a search per 100 ids (the tab's search pacer spaces them). */
async function readView(view: View, signal?: AbortSignal): Promise<HubSpotObject[]> {
  const ids = idsOfRule(view.groups) ?? [];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_SEARCH) chunks.push(ids.slice(i, i + IDS_PER_SEARCH));
  const pages = await Promise.all(
    chunks.map((chunk) => {
      const req = buildCallSearchRequest({ ...view, groups: idRule(chunk), pageSize: chunk.length });
      if (!req) throw new Error('The view could not be read.');
      return searchCalls(req, signal);
    }),
  );
  const sort = view.sort ?? DEFAULT_SORT;
  return pages.flatMap((page) => page.results).sort(compareInOrder(orderKeys(sortProperty(sort.field)), sort.direction === 'desc'));
}

/** An offset cursor of an id-list view (a whole number), or undefined when `after` is not one. */
function offsetOf(after: string | undefined): number | undefined {
  if (after === undefined || after === '') return 0;
  const n = Number(after);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** One page of a view over an id list (the merged view is read once for all its pages, and after any change to calls). */
export async function fetchIdListPage(client: QueryClient, p: CallListParams): Promise<CallListPage> {
  const offset = offsetOf(p.after);
  if (offset === undefined) throw new Error('This page link is not valid any more: go back to the first page.');
  const { after: _after, pageSize: _size, ...view } = p;
  const calls = await client.fetchQuery({
    queryKey: [...callKeys.all, 'id-view', view],
    queryFn: (context) => readView(view, context.signal),
    staleTime: VIEW_STALE_MS,
  });
  const end = offset + p.pageSize;
  return { results: calls.slice(offset, end), total: calls.length, ...(end < calls.length ? { nextAfter: String(end) } : {}) };
}
