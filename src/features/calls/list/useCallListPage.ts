/**
 * The call list's data: the view from the URL, its page of calls (the list endpoint for the plain view,
 * search for the rest: callQueries.list decides), the paging facts the grid needs, column prefs and the
 * labels and names the cells show.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { keepPreviousData, usePrefetchQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { metadataQueries } from '../../../api/metadata-queries';
import { userTimeZone } from '../../../lib/timezone';
import { callQueries, isPlainListView, type CallListPage } from '../calls-queries';
import { loadPrefs, savePrefs, visibleColumns, type ColumnPrefs } from './column-prefs';
import { overlayRecentWrites, useRecentCallWrites } from './list-queries';
import { SEARCH_RESULT_CAP, toCallListParams } from './list-state';
import { useMetadataLookups } from './lookups';
import { useListState } from './useListState';
import { usePageNames } from './usePageNames';

/** `cards`: the list shows cards (a narrow screen), which name each call's contacts whatever the columns. */
export function useCallListPage({ cards = false }: { cards?: boolean } = {}) {
  const [state, setState, update] = useListState();
  const filtersKey = JSON.stringify(state.filters);
  // Same object while the filters are the same, so the memoised filter panel skips page changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => state.filters, [filtersKey]);
  const qc = useQueryClient();
  const [timeZone] = useState(userTimeZone);
  const params = useMemo(() => toCallListParams(state, timeZone), [state, timeZone]);
  const viewKey = JSON.stringify({ ...params, after: undefined });
  // The view without its page cursor (for export and "all matching"); stable while the view is.
  const viewParams = useMemo(() => {
    const { after: _after, ...rest } = params;
    return rest;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewKey]);

  // Requests start during this first render, not after it commits (the grid's code may still be loading).
  usePrefetchQuery(callQueries.list(params));
  usePrefetchQuery(metadataQueries.dispositions());
  usePrefetchQuery(metadataQueries.properties('calls'));
  usePrefetchQuery(metadataQueries.owners());
  // HubSpot's search lags behind writes: the user's own recent writes win over older search answers.
  const recent = useRecentCallWrites();
  const select = useCallback((page: CallListPage) => overlayRecentWrites(page, recent), [recent]);
  const query = useQuery({ ...callQueries.list(params), placeholderData: keepPreviousData, select });
  /** This view's page; undefined while another view's page stands in. */
  const data = query.isPlaceholderData ? undefined : query.data;
  const rows = query.data?.results ?? [];

  // Prefetch the next page so "next" is instant.
  const nextAfter = data?.nextAfter;
  useEffect(() => {
    if (nextAfter) void qc.prefetchQuery(callQueries.list({ ...params, after: nextAfter }));
  }, [qc, params, nextAfter]);

  const dispositions = useQuery(metadataQueries.dispositions());
  const owners = useQuery(metadataQueries.owners());
  const metadata = useMetadataLookups();

  const [prefs, setPrefs] = useState<ColumnPrefs>(() => loadPrefs());
  const updatePrefs = useCallback((p: ColumnPrefs) => {
    setPrefs(p);
    savePrefs(p);
  }, []);
  const visible = useMemo(() => visibleColumns(prefs), [prefs]);
  const pageNames = usePageNames(query.data?.results, { contacts: cards || visible.includes('contacts'), companies: visible.includes('companies') });
  const lookups = useMemo(() => ({ ...metadata, ...pageNames }), [metadata, pageNames]);

  const page = state.trail.length;
  const total = data?.total;
  const cappedTotal = total === undefined ? undefined : Math.min(total, SEARCH_RESULT_CAP);
  // While the next page loads, the grid keeps the previous page's paging facts: flipping hasNextPage to
  // false for a moment would make it shrink its row count and clamp the page.
  const shown = query.data;
  const shownTotal = shown?.total === undefined ? undefined : Math.min(shown.total, SEARCH_RESULT_CAP);
  let rowCount = -1;
  if (shownTotal !== undefined) rowCount = shownTotal;
  else if (data && !data.nextAfter) rowCount = page * state.pageSize + data.results.length;
  const hasNextPage = query.isPlaceholderData ? true : !!data?.nextAfter && (cappedTotal === undefined || (page + 1) * state.pageSize < cappedTotal);

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
    filtered: !isPlainListView(params),
    dispositions: dispositions.data,
    owners: owners.data,
    metadata,
    lookups,
    prefs,
    updatePrefs,
    visible,
    page,
    total,
    cappedTotal,
    rowCount,
    hasNextPage,
  };
}
