/**
 * The summary strip's figures, each from HubSpot's search totals over the list's current view (its
 * filters and search text; sort and page do not change what is counted). HubSpot's search has no sum
 * or group-by, so a count is one search with `limit: 1` read for its `total`, and talk time is summed
 * over the calls themselves, paged with only `hs_call_duration`. Every search goes through pacedSearch.
 */
import { queryOptions } from '@tanstack/react-query';
import { searchCalls } from '../../../../api/calls';
import { buildCallSearchRequest, callKeys, fetchCallPage, type CallListParams } from '../../calls-queries';
import { pacedSearch } from './pace';

/** HubSpot's default "Connected" outcome: the one the connect rate counts as connected. */
export const CONNECTED_OUTCOME = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';

/** Talk time is summed over at most this many calls unless the user asks for all (5 searches of 200). */
export const TALK_TIME_CALLS = 1_000;
const SEARCH_PAGE_MAX = 200;

/** What the strip counts over: the list's filters and search text. */
export type SummaryView = Pick<CallListParams, 'search' | 'filters'>;

export function summaryView(params: CallListParams): SummaryView {
  const view: SummaryView = {};
  if (params.search) view.search = params.search;
  if (params.filters) view.filters = params.filters;
  return view;
}

/**
 * The view narrowed to one outcome (or owner): null when the view's own filter on that property leaves it
 * out, so nothing of it can be in the view (no request needed: the count is 0).
 */
export function narrowView(view: SummaryView, by: 'outcomes' | 'ownerIds', value: string): SummaryView | null {
  const current = view.filters?.[by];
  if (current?.length && !current.includes(value)) return null;
  return { ...view, filters: { ...view.filters, [by]: [value] } };
}

export interface TalkTime {
  /** Sum of hs_call_duration (ms) over the calls read. */
  totalMs: number;
  /** Calls read that have a duration. */
  withDuration: number;
  /** Calls read (the most recent first). */
  read: number;
  /** Calls in the view (HubSpot's search total). */
  total: number;
}

// Under ['calls'] so whatever refreshes calls (bulk edits) refreshes these; not under ['calls','list'],
// whose entries are list pages.
export const summaryKeys = {
  all: [...callKeys.all, 'summary'] as const,
  count: (view: SummaryView) => [...summaryKeys.all, 'count', view] as const,
  talkTime: (view: SummaryView, upTo: number) => [...summaryKeys.all, 'talk-time', view, upTo] as const,
};

// The strip shows its own failures, with Retry: no toast from the cache.
const meta = { errorTitle: false } as const;

export const summaryQueries = {
  /** How many calls match `view`: HubSpot's search total. */
  count: (view: SummaryView) =>
    queryOptions({
      queryKey: summaryKeys.count(view),
      queryFn: async ({ signal }) => {
        const req = { ...buildCallSearchRequest({ ...view, pageSize: 1 }), properties: ['hs_object_id'] };
        return (await pacedSearch(() => searchCalls(req, signal), signal)).total;
      },
      meta,
    }),
  /**
   * Talk time over the `upTo` most recent calls of `view` (every call when `upTo` is at least the total: past
   * HubSpot's 10,000 search results too, slice by slice as the list pages).
   */
  talkTime: (view: SummaryView, upTo: number) =>
    queryOptions({
      queryKey: summaryKeys.talkTime(view, upTo),
      queryFn: async ({ signal }): Promise<TalkTime> => {
        const result: TalkTime = { totalMs: 0, withDuration: 0, read: 0, total: 0 };
        let after: string | undefined;
        do {
          const params = { ...view, pageSize: Math.min(SEARCH_PAGE_MAX, upTo - result.read), after, sort: { field: 'time', direction: 'desc' } } as const;
          const page = await pacedSearch(() => fetchCallPage(params, { properties: ['hs_call_duration'], viewTotal: false, signal }), signal);
          if (after === undefined) result.total = page.total ?? 0;
          for (const call of page.results) {
            const raw = call.properties.hs_call_duration;
            const ms = raw ? Number(raw) : NaN;
            if (Number.isFinite(ms) && ms >= 0) {
              result.totalMs += ms;
              result.withDuration += 1;
            }
          }
          result.read += page.results.length;
          after = page.results.length > 0 ? page.nextAfter : undefined;
        } while (after && result.read < upTo);
        return result;
      },
      meta,
    }),
};
