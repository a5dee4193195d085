/**
 * The controls a list screen shares with a rule view (the call list and FilteredCallGrid): the filter bar with
 * its search box (`/` focuses it) and Clear all, the outcome cell's menu with the grid's column context, and the
 * grid's props but its selection (paging, sort, columns, opening and prefetching a call).
 */
import { useCallback, useMemo, useRef, useState, type ComponentProps } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HubSpotObject } from '../../../api/schemas';
import { appPaths, useNavigate } from '../../../lib/router';
import { useShortcuts } from '../../../lib/useShortcuts';
import { outcomeLabel } from '../call-properties';
import { callQueries } from '../calls-queries';
import { useOutcomeEdit } from '../shared/useOutcomeEdit';
import type CallGrid from './CallGrid';
import type { ColumnContext } from './columns';
import { trailForPage } from './cursor-trail';
import type { FilterBarProps } from './FilterBar';
import { clearAll, effectiveSort, withView } from './list-state';
import { SearchBox } from './SearchBox';
import type { useCallListPage } from './useCallListPage';

type GridProps = Omit<ComponentProps<typeof CallGrid>, 'selection' | 'onSelectionChange'>;

export function useListControls(list: ReturnType<typeof useCallListPage>) {
  const { state, setState, filters, update, metadata, dispositions, owners, timeZone, prefs, query, data } = list;
  const onSearch = useCallback((q: string) => update((s) => withView(s, { q })), [update]);
  const searchRef = useRef<HTMLInputElement>(null);
  useShortcuts({
    '/': () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
  });
  // Clear all (in the filter bar or the empty list) also starts the filter panel afresh: its controls hold
  // what the user typed or picked but the URL does not have (a half-typed date, a record type).
  const [filterResets, setFilterResets] = useState(0);
  const onClearAll = useCallback(() => {
    update(clearAll);
    setFilterResets((n) => n + 1);
  }, [update]);

  const [outcomeTarget, setOutcomeTarget] = useState<{ call: HubSpotObject; anchor: HTMLElement } | null>(null);
  const labelOf = useCallback((guid: string) => outcomeLabel(guid, metadata.dispositions)?.label ?? '', [metadata.dispositions]);
  const editOutcome = useOutcomeEdit(labelOf);
  const onEditOutcome = useCallback((call: HubSpotObject, anchor: HTMLElement) => setOutcomeTarget({ call, anchor }), []);
  const columnContext: ColumnContext = useMemo(() => ({ timeZone, prefs, onEditOutcome }), [timeZone, prefs, onEditOutcome]);
  /** The OutcomeMenu's props. */
  const outcomeMenu = { target: outcomeTarget, onPick: editOutcome, onClose: () => setOutcomeTarget(null) };

  /** The FilterBar's props but `drawer`. */
  const filterBar: FilterBarProps = {
    state,
    filters,
    update,
    lookups: metadata,
    dispositions,
    owners,
    search: <SearchBox value={state.q} onCommit={onSearch} inputRef={searchRef} />,
    onClearAll,
    resetKey: filterResets,
  };

  const qc = useQueryClient();
  const navigate = useNavigate();
  const onPageChange = (p: number) => {
    if (query.isPlaceholderData) return;
    const trail = trailForPage(state.trail, p, data?.nextAfter);
    if (trail) setState({ ...state, trail });
  };
  const onPrefetch = (id: string) => void qc.prefetchQuery(callQueries.detail(id));
  const grid: GridProps = {
    rows: list.rows,
    lookups: list.lookups,
    loading: query.isPending || query.isPlaceholderData,
    page: list.page,
    pageSize: state.pageSize,
    rowCount: list.rowCount,
    total: query.data?.total,
    density: list.density,
    hasNextPage: list.hasNextPage,
    sort: effectiveSort(state),
    columnContext,
    onPageChange,
    onPageSizeChange: (pageSize) => setState(withView(state, { pageSize })),
    onSortChange: (sort) => setState(withView(state, { sort })),
    onPrefsChange: list.updatePrefs,
    onOpen: (id) => void navigate(appPaths.call(id)),
    onPrefetch,
  };

  return { filterBar, onClearAll, onEditOutcome, columnContext, outcomeMenu: { ...outcomeMenu, dispositions }, grid, onPageChange, onPrefetch };
}
