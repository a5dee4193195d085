/**
 * /calls: browse, filter, triage and bulk-edit calls. The URL holds the view (filters, sort, search,
 * page size, cursor trail); HubSpot's list endpoint serves the plain view and search everything else
 * (callQueries.list decides).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from '../../../lib/router';
import { keepPreviousData, usePrefetchQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import ErrorState from '../../../components/ErrorState';
import { userTimeZone } from '../../../lib/timezone';
import type { HubSpotObject } from '../../../api/schemas';
import { callKeys, callQueries, isPlainListView } from '../calls-queries';
import { metadataQueries } from '../../../api/metadata-queries';
import type { BulkAction, BulkRequest } from './BulkDialog';
import type { ColumnContext } from './columns';
import { ColumnChooser } from './ColumnChooser';
import { loadPrefs, savePrefs, visibleColumns, type ColumnPrefs } from './column-prefs';
import { trailForPage } from './cursor-trail';
import { FilterChips } from './FilterChips';
import { FiltersPanel } from './FiltersPanel';
import { clearAll, SEARCH_RESULT_CAP, toCallListParams, withView } from './list-state';
import { useMetadataLookups } from './lookups';
import { outcomeLabel } from '../call-properties';
import { OutcomeMenu } from './OutcomeMenu';
import { SearchBox } from './SearchBox';
import { GridSkeleton } from './GridSkeleton';
import type { BulkReport } from './bulk';
import { useListState } from './useListState';
import { useOutcomeEdit } from './useOutcomeEdit';
import { usePageNames } from './usePageNames';

const n = (x: number) => x.toLocaleString('en-US');
// Loaded on first use: they are not needed to show the list (keeps the /calls JavaScript small).
const BulkDialog = lazy(() => import('./BulkDialog').then((m) => ({ default: m.BulkDialog })));
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));
// The Data Grid is most of this page's JavaScript. Its download starts as soon as this module runs, while
// the page's first render already sends the list request, so the two overlap instead of queueing.
const gridModule = import('./CallGrid');
const CallGrid = lazy(() => gridModule);
const EMPTY_SELECTION: ReadonlySet<string> = new Set();

export default function CallListPage() {
  const [state, setState, update] = useListState();
  const filtersKey = JSON.stringify(state.filters);
  // Same object while the filters are the same, so the memoised filter panel skips page changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => state.filters, [filtersKey]);
  const navigate = useNavigate();
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
  const query = useQuery({ ...callQueries.list(params), placeholderData: keepPreviousData });
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
  const pageNames = usePageNames(query.data?.results, { contacts: visible.includes('contacts'), companies: visible.includes('companies') });
  const lookups = useMemo(() => ({ ...metadata, ...pageNames }), [metadata, pageNames]);

  // Selection: explicit ids (kept across pages) or "every call matching the view". A new view clears it.
  const [selection, setSelection] = useState<ReadonlySet<string>>(EMPTY_SELECTION);
  const [allMatching, setAllMatching] = useState(false);
  const [selectionView, setSelectionView] = useState(viewKey);
  if (selectionView !== viewKey) {
    setSelectionView(viewKey);
    setSelection(EMPTY_SELECTION);
    setAllMatching(false);
  }

  const [outcomeTarget, setOutcomeTarget] = useState<{ call: HubSpotObject; anchor: HTMLElement } | null>(null);
  const [bulk, setBulk] = useState<BulkRequest | null>(null);
  const [exporting, setExporting] = useState(false);

  const labelOf = useCallback((guid: string) => outcomeLabel(guid, metadata.dispositions)?.label ?? '', [metadata.dispositions]);
  const editOutcome = useOutcomeEdit(labelOf);
  const onEditOutcome = useCallback((call: HubSpotObject, anchor: HTMLElement) => setOutcomeTarget({ call, anchor }), []);
  const columnContext: ColumnContext = useMemo(() => ({ timeZone, prefs, onEditOutcome }), [timeZone, prefs, onEditOutcome]);

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
  const hasNextPage = query.isPlaceholderData
    ? true
    : !!data?.nextAfter && (cappedTotal === undefined || (page + 1) * state.pageSize < cappedTotal);

  const onRan = useCallback(
    (action: BulkAction, report: BulkReport) => {
      if (action === 'delete') for (const id of report.succeeded) qc.removeQueries({ queryKey: callKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: callKeys.all });
      setSelection(EMPTY_SELECTION);
      setAllMatching(false);
    },
    [qc],
  );

  const onSearch = useCallback((q: string) => update((s) => withView(s, { q })), [update]);
  const filtered = !isPlainListView(params);
  const pageIds = rows.map((r) => r.id);
  const wholePageSelected = pageIds.length > 0 && pageIds.every((id) => selection.has(id));
  const moreThanPage = hasNextPage || page > 0;

  let body: React.ReactNode;
  if (query.isError && !query.data) {
    body = (
      <Stack spacing={1}>
        <ErrorState error={query.error} title="Could not load calls" onRetry={() => void query.refetch()} />
        {page > 0 && (
          <Box>
            <Button onClick={() => setState(withView(state, {}))}>Back to the first page</Button>
          </Box>
        )}
      </Stack>
    );
  } else if (data && data.results.length === 0) {
    body = (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} role="status">
        {page > 0 ? (
          <>
            <Typography gutterBottom>This page has no calls any more.</Typography>
            <Button onClick={() => setState(withView(state, {}))}>Back to the first page</Button>
          </>
        ) : filtered ? (
          <>
            <Typography variant="h6" component="h2" gutterBottom>
              No calls match
            </Typography>
            <Typography color="text.secondary" gutterBottom>
              No call matches the search and filters.
            </Typography>
            <Button variant="outlined" onClick={() => setState(clearAll(state))}>
              Clear filters
            </Button>
          </>
        ) : (
          <>
            <Typography variant="h6" component="h2" gutterBottom>
              No calls yet
            </Typography>
            <Typography color="text.secondary" gutterBottom>
              Calls logged in HubSpot show up here.
            </Typography>
            <Button variant="contained" component={RouterLink} to="/calls/new" startIcon={<AddIcon />}>
              Log a call
            </Button>
          </>
        )}
      </Paper>
    );
  } else {
    body = (
      <Box sx={{ display: 'flex', flexDirection: 'column', width: '100%' }}>
        <Suspense fallback={<GridSkeleton rows={Math.min(state.pageSize, 10)} />}>
          <CallGrid
            rows={rows}
            lookups={lookups}
            loading={query.isPending || query.isPlaceholderData}
            page={page}
            pageSize={state.pageSize}
            rowCount={rowCount}
            hasNextPage={hasNextPage}
            sort={state.sort}
            columnContext={columnContext}
            selection={selection}
            onSelectionChange={(ids) => {
              setSelection(ids);
              setAllMatching(false);
            }}
            onPageChange={(p) => {
              if (query.isPlaceholderData) return;
              const trail = trailForPage(state.trail, p, data?.nextAfter);
              if (trail) setState({ ...state, trail });
            }}
            onPageSizeChange={(pageSize) => setState(withView(state, { pageSize }))}
            onSortChange={(sort) => setState(withView(state, { sort }))}
            onPrefsChange={updatePrefs}
            onOpen={(id) => void navigate(`/calls/${encodeURIComponent(id)}`)}
            onPrefetch={(id) => void qc.prefetchQuery(callQueries.detail(id))}
          />
        </Suspense>
      </Box>
    );
  }

  return (
    <Stack spacing={2} sx={{ width: '100%', minWidth: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          Calls
        </Typography>
        <ColumnChooser prefs={prefs} onChange={updatePrefs} />
        <Button startIcon={<FileDownloadIcon />} onClick={() => setExporting(true)} disabled={!data || data.results.length === 0}>
          Export CSV
        </Button>
        <Button variant="contained" component={RouterLink} to="/calls/new" startIcon={<AddIcon />}>
          Log a call
        </Button>
      </Box>

      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <SearchBox value={state.q} onCommit={onSearch} />
      </Box>
      <FiltersPanel filters={filters} update={update} dispositions={dispositions.data} owners={owners.data} />
      <FilterChips state={state} setState={setState} lookups={metadata} />

      <Typography variant="body2" color="text.secondary" aria-live="polite" component="p">
        {total !== undefined
          ? total === 1
            ? '1 call matches.'
            : `${n(total)} calls match.`
          : data
            ? `Page ${page + 1}. HubSpot does not report a total for the unfiltered list; search or filter to get a count.`
            : 'Loading calls…'}
      </Typography>
      {total !== undefined && total > SEARCH_RESULT_CAP && (
        <Alert severity="info">
          HubSpot&apos;s search returns at most the first {n(SEARCH_RESULT_CAP)} of these {n(total)} calls. Narrow the filters to reach the
          rest.
        </Alert>
      )}

      {(selection.size > 0 || allMatching) && (
        <Paper variant="outlined" sx={{ p: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }} role="region" aria-label="Selection">
          <Typography sx={{ flex: 1 }}>
            {allMatching
              ? cappedTotal !== undefined
                ? `All ${n(cappedTotal)} calls matching this view are selected.`
                : 'Every call in this view is selected.'
              : `${n(selection.size)} selected.`}
            {!allMatching && wholePageSelected && moreThanPage && (
              <Button size="small" sx={{ ml: 1 }} onClick={() => setAllMatching(true)}>
                {cappedTotal !== undefined ? `Select all ${n(cappedTotal)} matching calls` : 'Select every call in this view'}
              </Button>
            )}
          </Typography>
          <Button onClick={() => setBulk(allMatching ? { action: 'outcome', matching: viewParams } : { action: 'outcome', ids: [...selection] })}>
            Set outcome…
          </Button>
          <Button color="error" onClick={() => setBulk(allMatching ? { action: 'delete', matching: viewParams } : { action: 'delete', ids: [...selection] })}>
            Delete…
          </Button>
          <Button
            onClick={() => {
              setSelection(EMPTY_SELECTION);
              setAllMatching(false);
            }}
          >
            Clear selection
          </Button>
        </Paper>
      )}

      {body}

      <OutcomeMenu target={outcomeTarget} dispositions={dispositions.data} onPick={editOutcome} onClose={() => setOutcomeTarget(null)} />
      <Suspense fallback={null}>
        {bulk && <BulkDialog request={bulk} dispositions={dispositions.data} onClose={() => setBulk(null)} onRan={onRan} />}
        {exporting && <ExportDialog params={viewParams} columns={visible} lookups={metadata} onClose={() => setExporting(false)} />}
      </Suspense>
    </Stack>
  );
}
