/**
 * /calls: browse, filter, triage and bulk-edit calls. The URL holds the view (filters, sort, search,
 * page size, cursor trail); useCallListPage reads it and loads the page, useSelection holds the selection.
 * A saved view's link (`?view=<id>`) is resolved first into that URL and the view's columns.
 */
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { appPaths, navigate as navigateTo, Link as RouterLink, useSearchParams } from '../../../lib/router';
import { writeStoredString } from '../../../lib/useStoredString';
import { useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import AddIcon from '@mui/icons-material/Add';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { ErrorState } from '../../../components/ErrorState';
import { OpenSavedView, SAVED_VIEW_PARAM, ViewsMenu, type SavedView, type ViewState } from '../../views';
import { callKeys } from '../calls-queries';
import type { BulkAction, BulkRequest } from './BulkDialog';
import type { BulkReport } from '../../../api/batch-runner';
import CallGrid from './CallGrid';
import { CallListEmpty } from './CallListEmpty';
import { ColumnChooser } from './ColumnChooser';
import { DENSITY_STORAGE_KEY, normalizePrefs, STORAGE_KEY } from './column-prefs';
import { listStatus } from './counts';
import { FilterBar } from './FilterBar';
import { serializeListState, withView } from './list-state';
import { OutcomeMenu } from './OutcomeMenu';
import { CallCards } from './phone/CallCards';
import { SelectionBar } from './SelectionBar';
import { SummaryStrip } from './summary/SummaryStrip';
import { useCallListPage } from './useCallListPage';
import { useListControls } from './useListControls';
import { RecentChanges } from '../shared/RecentChanges';
import { ShortcutsHelp } from '../shared/ShortcutsHelp';
import { useSelection } from './useSelection';

// Loaded on first use: they are not needed to show the list (keeps the /calls JavaScript small).
const BulkDialog = lazy(() => import('./BulkDialog').then((m) => ({ default: m.BulkDialog })));
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

/**
 * Opens a saved view: its columns and density (when it has them) become this browser's list prefs, and the
 * address becomes the list's URL for its filters, sort, search and page size.
 */
function openSavedView(view: SavedView) {
  if (view.columns) writeStoredString(STORAGE_KEY, JSON.stringify(normalizePrefs(view.columns)));
  if (view.density) writeStoredString(DENSITY_STORAGE_KEY, view.density);
  navigateTo(appPaths.calls(view.search), { replace: true });
}

export default function CallListPage() {
  const [params] = useSearchParams();
  const savedViewId = params.get(SAVED_VIEW_PARAM);
  return savedViewId === null ? <CallList /> : <OpenSavedView id={savedViewId} onOpen={openSavedView} />;
}

/** Below this width (MUI's `sm`, 600 px) the list shows cards and the filters open in a drawer. */
const narrowQuery = (theme: Theme) => theme.breakpoints.down('sm');

function CallList() {
  // Read at once in the browser (useSyncExternalStore), so a phone never starts with the grid; a page the server
  // rendered (never for a phone) hydrates as the grid, and a narrow window then turns it into cards.
  const narrow = useMediaQuery(narrowQuery);
  const list = useCallListPage({ cards: narrow });
  const { state, setState, update, query, data, rows, page, metadata } = list;
  const qc = useQueryClient();
  const selection = useSelection(list.viewKey);

  const [bulk, setBulk] = useState<BulkRequest | null>(null);
  const [exporting, setExporting] = useState(false);

  const { timeZone, prefs, density } = list;
  const { filterBar, onClearAll, onEditOutcome, outcomeMenu, grid, onPageChange, onPrefetch } = useListControls(list);
  // What "Save current view" stores: the view from its first page.
  const currentView: ViewState = useMemo(() => ({ search: serializeListState({ ...state, trail: [] }).toString(), columns: prefs, density }), [state, prefs, density]);

  const clearSelection = selection.clear;
  const onRan = useCallback(
    (action: BulkAction, report: BulkReport) => {
      if (action === 'delete') for (const id of report.succeeded) qc.removeQueries({ queryKey: callKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: callKeys.all });
      clearSelection();
    },
    [qc, clearSelection],
  );

  const toFirstPage = () => setState(withView(state, {}));
  const pageIds = rows.map((r) => r.id);
  const wholePageSelected = pageIds.length > 0 && pageIds.every((id) => selection.ids.has(id));
  const moreThanPage = list.hasNextPage || page > 0;

  let body: React.ReactNode;
  if (query.isError && !query.data) {
    body = (
      <Stack spacing={1}>
        <ErrorState error={query.error} title="Could not load calls" onRetry={() => void query.refetch()} />
        {page > 0 && (
          <Box>
            <Button onClick={toFirstPage}>Back to the first page</Button>
          </Box>
        )}
      </Stack>
    );
  } else if (data && data.results.length === 0) {
    body = <CallListEmpty laterPage={page > 0} filtered={list.filtered} onFirstPage={toFirstPage} onClearFilters={onClearAll} />;
  } else if (narrow) {
    body = (
      <CallCards
        rows={rows}
        lookups={list.lookups}
        timeZone={timeZone}
        loading={query.isPending || query.isPlaceholderData}
        page={page}
        hasNextPage={list.hasNextPage}
        onPageChange={onPageChange}
        selection={selection.ids}
        onSelectionChange={selection.setIds}
        onEditOutcome={onEditOutcome}
        onPrefetch={onPrefetch}
      />
    );
  } else {
    body = (
      <Box sx={{ display: 'flex', flexDirection: 'column', width: '100%' }}>
        <CallGrid {...grid} selection={selection.ids} onSelectionChange={selection.setIds} />
      </Box>
    );
  }

  const { total } = list;
  return (
    <>
      <Stack spacing={2} sx={{ width: '100%', minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
            Calls
          </Typography>
          <RecentChanges />
          <ShortcutsHelp />
          <ViewsMenu current={currentView} />
          {!narrow && <ColumnChooser prefs={prefs} onChange={list.updatePrefs} density={density} onDensityChange={list.updateDensity} />}
          <Button component={RouterLink} to={appPaths.attention()}>
            Needs attention
          </Button>
          <Button component={RouterLink} to={appPaths.deletedCalls()}>
            Recently deleted
          </Button>
          <Button startIcon={<FileDownloadIcon />} onClick={() => setExporting(true)} disabled={!data || data.results.length === 0}>
            Export CSV
          </Button>
          <Button variant="contained" component={RouterLink} to={appPaths.newCall()} startIcon={<AddIcon />}>
            Log a call
          </Button>
        </Box>

        <FilterBar {...filterBar} drawer={narrow} />

        <Box>
          <Typography variant="body2" color="text.secondary" aria-live="polite" component="p">
            {listStatus({
              loaded: !!data,
              failed: query.isError && !query.data,
              total,
            })}
          </Typography>
          {list.awaitingCreated && (
            <Typography variant="body2" color="text.secondary" aria-live="polite" component="p">
              A call you just logged may take a few seconds to appear in search results.
            </Typography>
          )}
        </Box>

        <SummaryStrip params={list.viewParams} update={update} listLoaded={!!data || query.isError} />

        <SelectionBar
          selection={selection}
          canSelectAllMatching={wholePageSelected && moreThanPage}
          total={list.total}
          viewParams={list.viewParams}
          onBulk={setBulk}
        />

        {body}

        <Suspense fallback={null}>
          {bulk && <BulkDialog request={bulk} dispositions={list.dispositions} onClose={() => setBulk(null)} onRan={onRan} />}
          {exporting && <ExportDialog params={list.viewParams} columns={list.visible} lookups={metadata} onClose={() => setExporting(false)} />}
        </Suspense>
      </Stack>
      {/* Outside the Stack: the menu renders in place (in the main landmark), where the Stack's spacing would shift it. */}
      <OutcomeMenu {...outcomeMenu} />
    </>
  );
}
