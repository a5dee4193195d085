/**
 * The call list's grid over the calls matching a rule's search filter groups (e.g. a "Needs attention" queue),
 * for other features (exported lazily by features/calls/index.ts). Same columns, column prefs, density, paging
 * past 10,000, names, outcome editing (E / Enter on the outcome cell) and return-to-row as the list; page, page
 * size and sort live in the URL like the list's (the list's filters and search do not apply here).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { metadataQueries } from '../../../api/metadata-queries';
import type { HubSpotObject, SearchFilter } from '../../../api/schemas';
import { ErrorState } from '../../../components/ErrorState';
import { appPaths, useNavigate } from '../../../lib/router';
import { userTimeZone } from '../../../lib/timezone';
import { outcomeLabel } from '../call-properties';
import { callQueries, type CallListParams } from '../calls-queries';
import CallGrid from '../list/CallGrid';
import { loadDensity, loadPrefs, savePrefs, visibleColumns, type ColumnPrefs } from '../list/column-prefs';
import type { ColumnContext } from '../list/columns';
import { callCount } from '../list/counts';
import { trailForPage } from '../list/cursor-trail';
import { effectiveSort, toCallListParams, withView } from '../list/list-state';
import { useMetadataLookups } from '../list/lookups';
import { OutcomeMenu } from '../list/OutcomeMenu';
import { useListState } from '../list/useListState';
import { pageWithNames, usePageNames } from '../list/usePageNames';
import { useOutcomeEdit } from '../shared/useOutcomeEdit';

export interface FilteredCallGridProps {
  /** The rule's filter groups: a call matches one of them. */
  groups: SearchFilter[][];
  /** The selected calls (what a fix acts on). */
  onSelectionChange?: (ids: ReadonlySet<string>) => void;
}

export default function FilteredCallGrid({ groups, onSelectionChange }: FilteredCallGridProps) {
  const [state, setState] = useListState();
  const [timeZone] = useState(userTimeZone);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const params: CallListParams = useMemo(() => {
    const { filters: _filters, search: _search, ...view } = toCallListParams(state, timeZone);
    return { ...view, groups };
  }, [state, timeZone, groups]);

  const [prefs, setPrefs] = useState<ColumnPrefs>(() => loadPrefs());
  const updatePrefs = useCallback((p: ColumnPrefs) => {
    setPrefs(p);
    savePrefs(p);
  }, []);
  const [density] = useState(loadDensity);
  const visible = useMemo(() => visibleColumns(prefs), [prefs]);
  const showContacts = visible.includes('contacts');
  const showCompanies = visible.includes('companies');
  const nameColumns = useMemo(() => ({ contacts: showContacts, companies: showCompanies }), [showContacts, showCompanies]);

  const query = useQuery({ ...pageWithNames(qc, params, nameColumns), placeholderData: keepPreviousData });
  const data = query.isPlaceholderData ? undefined : query.data;
  const rows = useMemo(() => query.data?.results ?? [], [query.data]);
  const nextAfter = data?.nextAfter;
  useEffect(() => {
    if (nextAfter) void qc.prefetchQuery(pageWithNames(qc, { ...params, after: nextAfter }, nameColumns));
  }, [qc, params, nextAfter, nameColumns]);

  const metadata = useMetadataLookups();
  const pageNames = usePageNames(query.data?.results, nameColumns);
  const lookups = useMemo(() => ({ ...metadata, ...pageNames }), [metadata, pageNames]);
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

  const page = state.trail.length;
  let rowCount = -1;
  if (query.data?.total !== undefined) rowCount = query.data.total;
  else if (data && !data.nextAfter) rowCount = page * state.pageSize + data.results.length;

  if (query.isError && !query.data) return <ErrorState error={query.error} title="Could not load the calls" onRetry={() => void query.refetch()} />;
  if (data && data.results.length === 0 && page === 0) {
    return (
      <Typography color="text.secondary" role="status">
        No calls match this rule now.
      </Typography>
    );
  }
  return (
    <Stack spacing={1} sx={{ width: '100%', minWidth: 0 }}>
      <Typography variant="body2" color="text.secondary" aria-live="polite">
        {data?.total !== undefined ? `${callCount(data.total)} match` : 'Loading calls…'}
      </Typography>
      <Box sx={{ display: 'flex', flexDirection: 'column', width: '100%' }}>
        <CallGrid
          rows={rows}
          lookups={lookups}
          loading={query.isPending || query.isPlaceholderData}
          page={page}
          pageSize={state.pageSize}
          rowCount={rowCount}
          total={query.data?.total}
          density={density}
          hasNextPage={query.isPlaceholderData ? true : !!nextAfter}
          sort={effectiveSort(state)}
          columnContext={columnContext}
          selection={selection}
          onSelectionChange={select}
          onPageChange={(p) => {
            if (query.isPlaceholderData) return;
            const trail = trailForPage(state.trail, p, nextAfter);
            if (trail) setState({ ...state, trail });
          }}
          onPageSizeChange={(pageSize) => setState(withView(state, { pageSize }))}
          onSortChange={(sort) => setState(withView(state, { sort }))}
          onPrefsChange={updatePrefs}
          onOpen={(id) => navigate(appPaths.call(id))}
          onPrefetch={(id) => void qc.prefetchQuery(callQueries.detail(id))}
        />
      </Box>
      <OutcomeMenu target={outcomeTarget} dispositions={dispositions.data} onPick={editOutcome} onClose={() => setOutcomeTarget(null)} />
    </Stack>
  );
}
