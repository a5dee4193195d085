/**
 * The controls a list screen shares with a rule view (the call list and FilteredCallGrid): the filter bar with
 * its search box (`/` focuses it) and Clear all, and the outcome cell's menu with the grid's column context.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { HubSpotObject } from '../../../api/schemas';
import { useShortcuts } from '../../../lib/useShortcuts';
import { outcomeLabel } from '../call-properties';
import { useOutcomeEdit } from '../shared/useOutcomeEdit';
import type { ColumnContext } from './columns';
import type { FilterBarProps } from './FilterBar';
import { clearAll, withView } from './list-state';
import { SearchBox } from './SearchBox';
import type { useCallListPage } from './useCallListPage';

type ListPage = Pick<ReturnType<typeof useCallListPage>, 'state' | 'filters' | 'update' | 'metadata' | 'dispositions' | 'owners' | 'timeZone' | 'prefs'>;

export function useListControls({ state, filters, update, metadata, dispositions, owners, timeZone, prefs }: ListPage) {
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

  return { filterBar, onClearAll, onEditOutcome, columnContext, outcomeMenu: { ...outcomeMenu, dispositions } };
}
