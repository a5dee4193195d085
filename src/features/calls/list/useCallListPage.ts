/**
 * The call list's data: the view from the URL, its page of calls (HubSpot's search, sorted, sliced past
 * 10,000 results: callQueries.list), the paging facts the grid needs, column prefs and the labels and
 * names the cells show (a page resolves with its contact and company names: pageWithNames), and the
 * row density.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { keepPreviousData, usePrefetchQuery, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { metadataQueries } from '../../../api/metadata-queries';
import type { SearchFilter } from '../../../api/schemas';
import { useTimeZone } from '../../../lib/timezone';
import { readStoredString, useStoredString } from '../../../lib/useStoredString';
import { SAVED_VIEW_PARAM } from '../../views';
import { type CallListPage, type CallListParams } from '../calls-queries';
import type { ColumnId } from '../call-properties';
import { DENSITY_STORAGE_KEY, parseDensity, parsePrefs, STORAGE_KEY, visibleColumns, type ColumnPrefs, type Density } from './column-prefs';
import { overlayRecentWrites, useRecentCallWrites } from './recent-writes';
import { activeFilterCount, parseListState, toCallListParams } from './list-state';
import { useMetadataLookups } from './lookups';
import { useListState } from './useListState';
import { pageWithNames, usePageNames, type NameColumns } from './usePageNames';
import { catchUpInterval, useSearchCatchUp } from './search-catch-up';

/** Whose names a page loads: the shown name columns, and contacts on cards, which always name them. */
const nameColumnsOf = (visible: readonly ColumnId[], cards: boolean): NameColumns => ({
  contacts: cards || visible.includes('contacts'),
  companies: visible.includes('companies'),
});

/** What the list's screen reads as it opens: its page with the names it shows, the account's outcomes, call properties and owners. */
function screenQueries(qc: QueryClient, params: CallListParams, names: NameColumns) {
  return [pageWithNames(qc, params, names), metadataQueries.dispositions(), metadataQueries.properties('calls'), metadataQueries.owners()] as const;
}

/**
 * Reads the list's first screen as `search` (the address's query) describes it, with dates in `timeZone`: in the
 * browser before React first renders (app/start.tsx), so its data is on its way while the app renders; on the
 * server before it renders the page (entry-server.tsx), which waits for it. The same queries as the list's own,
 * so the list finds them in the cache.
 */
export async function prefetchCallList(qc: QueryClient, search: string, timeZone: string): Promise<void> {
  const url = new URLSearchParams(search);
  // A saved view's link becomes another address first (CallListPage).
  if (url.has(SAVED_VIEW_PARAM)) return;
  const params = toCallListParams(parseListState(url), timeZone);
  const prefs = parsePrefs(readStoredString(STORAGE_KEY));
  const [page, dispositions, properties, owners] = screenQueries(qc, params, nameColumnsOf(visibleColumns(prefs), false));
  await Promise.all([qc.prefetchQuery(page), qc.prefetchQuery(dispositions), qc.prefetchQuery(properties), qc.prefetchQuery(owners)]);
}

/**
 * `cards`: the list shows cards (a narrow screen), which name each call's contacts whatever the columns.
 * `groups`: a rule view (e.g. a "Needs attention" queue): the calls match one of the rule's filter groups as
 * well as the view's filters and search.
 */
export function useCallListPage({ cards = false, groups }: { cards?: boolean; groups?: SearchFilter[][] } = {}) {
  const [state, setState, update] = useListState(groups);
  const filtersKey = JSON.stringify(state.filters);
  // Same object while the filters are the same, so the memoised filter panel skips page changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => state.filters, [filtersKey]);
  const qc = useQueryClient();
  const timeZone = useTimeZone();
  const params = useMemo(() => toCallListParams(state, timeZone, groups), [state, timeZone, groups]);
  const viewKey = JSON.stringify({ ...params, after: undefined });
  // The view without its page cursor (for export and "all matching"); stable while the view is.
  const viewParams = useMemo(() => {
    const { after: _after, ...rest } = params;
    return rest;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewKey]);

  const [prefsText, storePrefs] = useStoredString(STORAGE_KEY);
  const prefs = useMemo(() => parsePrefs(prefsText), [prefsText]);
  const updatePrefs = useCallback((p: ColumnPrefs) => storePrefs(JSON.stringify(p)), [storePrefs]);
  const [densityText, updateDensity] = useStoredString(DENSITY_STORAGE_KEY);
  const density: Density = parseDensity(densityText);
  const visible = useMemo(() => visibleColumns(prefs), [prefs]);
  const { contacts: showContacts, companies: showCompanies } = nameColumnsOf(visible, cards);
  const nameColumns = useMemo(() => ({ contacts: showContacts, companies: showCompanies }), [showContacts, showCompanies]);

  // Requests start during this first render, not after it commits.
  const [pageQuery, dispositionsQuery, propertiesQuery, ownersQuery] = screenQueries(qc, params, nameColumns);
  usePrefetchQuery(pageQuery);
  usePrefetchQuery(dispositionsQuery);
  usePrefetchQuery(propertiesQuery);
  usePrefetchQuery(ownersQuery);
  // HubSpot's search lags behind writes: the user's own recent writes win over older search answers.
  const recent = useRecentCallWrites();
  const select = useCallback((page: CallListPage) => overlayRecentWrites(page, recent), [recent]);
  const query = useQuery({
    ...pageWithNames(qc, params, nameColumns),
    placeholderData: keepPreviousData,
    select,
    // The list (not a rule view: a queue's calls come from its scan, and a scan queue's page costs up to 20
    // searches) is searched again while a call the user has just created is not on the page yet.
    refetchInterval: (q) => (groups ? false : catchUpInterval(q.state.data, recent.created)),
  });
  /** This view's page; undefined while another view's page stands in. */
  const data = query.isPlaceholderData ? undefined : query.data;
  const awaitingCreated = useSearchCatchUp(groups ? undefined : data, recent.created);
  const rows = query.data?.results ?? [];

  // Prefetch the next page and its names so "next" is instant.
  const nextAfter = data?.nextAfter;
  useEffect(() => {
    if (nextAfter) void qc.prefetchQuery(pageWithNames(qc, { ...params, after: nextAfter }, nameColumns));
  }, [qc, params, nextAfter, nameColumns]);

  const dispositions = useQuery(metadataQueries.dispositions());
  const owners = useQuery(metadataQueries.owners());
  const metadata = useMetadataLookups();

  const pageNames = usePageNames(query.data?.results, nameColumns);
  const lookups = useMemo(() => ({ ...metadata, ...pageNames }), [metadata, pageNames]);

  const page = state.trail.length;
  const total = data?.total;
  // While the next page loads, the grid keeps the previous page's paging facts: flipping hasNextPage to
  // false for a moment would make it shrink its row count and clamp the page.
  const shown = query.data;
  let rowCount = -1;
  if (shown?.total !== undefined) rowCount = shown.total;
  else if (data && !data.nextAfter) rowCount = page * state.pageSize + data.results.length;
  const hasNextPage = query.isPlaceholderData ? true : !!data?.nextAfter;

  return {
    state,
    setState,
    update,
    filters,
    timeZone,
    params,
    viewKey,
    viewParams,
    query,
    data,
    rows,
    filtered: !!state.q || activeFilterCount(state.filters) > 0,
    dispositions: dispositions.data,
    owners: owners.data,
    metadata,
    lookups,
    prefs,
    updatePrefs,
    density,
    updateDensity,
    visible,
    page,
    total,
    rowCount,
    hasNextPage,
    awaitingCreated,
  };
}
