/**
 * The call list's grid over the calls matching a rule's search filter groups (e.g. a "Needs attention" queue),
 * for other features (exported lazily by features/calls/index.ts). It is the list (useCallListPage) narrowed to
 * the rule: the same columns, column prefs, density, filters and search (ANDed with the rule), paging past
 * 10,000, names, outcome editing (E / Enter on the outcome cell), `/` to search, return-to-row, and triage:
 * a call opened from here walks the rule's calls with J / K and returns here.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { metadataQueries } from '../../../api/metadata-queries';
import type { HubSpotObject, SearchFilter } from '../../../api/schemas';
import { ErrorState } from '../../../components/ErrorState';
import { appPaths, useNavigate } from '../../../lib/router';
import { useShortcuts } from '../../../lib/useShortcuts';
import { outcomeLabel } from '../call-properties';
import { callQueries } from '../calls-queries';
import CallGrid from '../list/CallGrid';
import type { ColumnContext } from '../list/columns';
import { listStatus } from '../list/counts';
import { trailForPage } from '../list/cursor-trail';
import { FilterBar } from '../list/FilterBar';
import { clearAll, effectiveSort, withView } from '../list/list-state';
import { OutcomeMenu } from '../list/OutcomeMenu';
import { SearchBox } from '../list/SearchBox';
import { useCallListPage } from '../list/useCallListPage';
import { useOutcomeEdit } from '../shared/useOutcomeEdit';

export interface FilteredCallGridProps {
  /** The rule's filter groups: a call matches one of them. */
  groups: SearchFilter[][];
  /** The selected calls (what a fix acts on). */
  onSelectionChange?: (ids: ReadonlySet<string>) => void;
}

export default function FilteredCallGrid({ groups, onSelectionChange }: FilteredCallGridProps) {
  // The same rule while its groups are the same, whatever array the caller built this render.
  const groupsKey = JSON.stringify(groups);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rule = useMemo(() => groups, [groupsKey]);
  const list = useCallListPage({ groups: rule });
  const { state, setState, update, query, data, rows, page, metadata, timeZone, prefs, density } = list;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const dispositions = useQuery(metadataQueries.dispositions());

  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const select = (ids: Set<string>) => {
    setSelection(ids);
    onSelectionChange?.(ids);
  };

  const [outcomeTarget, setOutcomeTarget] = useState<{ call: HubSpotObject; anchor: HTMLElement } | null>(null);
  const labelOf = useCallback((guid: string) => outcomeLabel(guid, metadata.dispositions)?.label ?? '', [metadata.dispositions]);
  const editOutcome = useOutcomeEdit(labelOf);
  const onEditOutcome = useCallback((call: HubSpotObject, anchor: HTMLElement) => setOutcomeTarget({ call, anchor }), []);
  const columnContext: ColumnContext = useMemo(() => ({ timeZone, prefs, onEditOutcome }), [timeZone, prefs, onEditOutcome]);

  const onSearch = useCallback((q: string) => update((s) => withView(s, { q })), [update]);
  const searchRef = useRef<HTMLInputElement>(null);
  useShortcuts({
    '/': () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
  });
  const [filterResets, setFilterResets] = useState(0);
  const onClearAll = useCallback(() => {
    update(clearAll);
    setFilterResets((n) => n + 1);
  }, [update]);

  let body: React.ReactNode;
  if (query.isError && !query.data) body = <ErrorState error={query.error} title="Could not load the calls" onRetry={() => void query.refetch()} />;
  else if (data && data.results.length === 0 && page === 0) {
    body = (
      <Typography color="text.secondary" role="status">
        {list.filtered ? 'No calls of this rule match these filters.' : 'No calls match this rule now.'}
      </Typography>
    );
  } else {
    body = (
      <Box sx={{ display: 'flex', flexDirection: 'column', width: '100%' }}>
        <CallGrid
          rows={rows}
          lookups={list.lookups}
          loading={query.isPending || query.isPlaceholderData}
          page={page}
          pageSize={state.pageSize}
          rowCount={list.rowCount}
          total={query.data?.total}
          density={density}
          hasNextPage={list.hasNextPage}
          sort={effectiveSort(state)}
          columnContext={columnContext}
          selection={selection}
          onSelectionChange={select}
          onPageChange={(p) => {
            if (query.isPlaceholderData) return;
            const trail = trailForPage(state.trail, p, data?.nextAfter);
            if (trail) setState({ ...state, trail });
          }}
          onPageSizeChange={(pageSize) => setState(withView(state, { pageSize }))}
          onSortChange={(sort) => setState(withView(state, { sort }))}
          onPrefsChange={list.updatePrefs}
          onOpen={(id) => navigate(appPaths.call(id))}
          onPrefetch={(id) => void qc.prefetchQuery(callQueries.detail(id))}
        />
      </Box>
    );
  }
  return (
    <Stack spacing={1} sx={{ width: '100%', minWidth: 0 }}>
      <FilterBar
        state={state}
        filters={list.filters}
        update={update}
        lookups={metadata}
        dispositions={list.dispositions}
        owners={list.owners}
        search={<SearchBox value={state.q} onCommit={onSearch} inputRef={searchRef} />}
        onClearAll={onClearAll}
        resetKey={filterResets}
      />
      <Typography variant="body2" color="text.secondary" aria-live="polite">
        {listStatus({ loaded: !!data, failed: query.isError && !query.data, total: list.total })}
      </Typography>
      {body}
      <OutcomeMenu target={outcomeTarget} dispositions={dispositions.data} onPick={editOutcome} onClose={() => setOutcomeTarget(null)} />
    </Stack>
  );
}
