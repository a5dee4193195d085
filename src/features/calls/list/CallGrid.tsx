/**
 * The MUI X Data Grid in server mode: HubSpot does the paging and sorting; the URL holds the state.
 * Opening a call remembers its row, cell and the scroll position; coming back (Open in list, Back, closing
 * triage) puts the keyboard focus on that row again. `E` changes the focused row's outcome.
 */
import { useEffect, useMemo, useRef } from 'react';
import {
  DataGrid,
  useGridApiRef,
  type GridApi,
  type GridColumnVisibilityModel,
  type GridPaginationModel,
  type GridRowSelectionModel,
  type GridSortModel,
} from '@mui/x-data-grid';
import type { RefObject } from 'react';
import type { HubSpotObject } from '../../../api/schemas';
import { navigate } from '../../../lib/router';
import { useShortcuts } from '../../../lib/useShortcuts';
import { COLUMN_IDS, isColumnId } from '../call-properties';
import { clearListFocus, listFocus, rememberListFocus, type ListFocus } from '../shared/list-return';
import type { RowLookups } from './call-row';
import { buildColumns, LookupsContext, OUTCOME_CELL_SX, type ColumnContext } from './columns';
import { setWidth, type ColumnPrefs } from './column-prefs';
import { RowCheckbox, ROW_CHECKBOX_SX } from './RowCheckbox';
import { PAGE_SIZES, parseListState, serializeListState, type ListSort, type PageSize } from './list-state';

export interface CallGridProps {
  rows: HubSpotObject[];
  lookups: RowLookups;
  loading: boolean;
  page: number;
  pageSize: PageSize;
  /** -1 when HubSpot gives no total. */
  rowCount: number;
  hasNextPage: boolean;
  sort: ListSort | undefined;
  columnContext: ColumnContext;
  selection: ReadonlySet<string>;
  onSelectionChange: (ids: Set<string>) => void;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: PageSize) => void;
  onSortChange: (sort: ListSort | undefined) => void;
  onPrefsChange: (prefs: ColumnPrefs) => void;
  onOpen: (id: string) => void;
  onPrefetch: (id: string) => void;
}

const HOVER_PREFETCH_DELAY_MS = 80;

const GRID_SX = { '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .MuiDataGrid-cell:focus-within': { outlineOffset: -2 }, ...OUTCOME_CELL_SX, ...ROW_CHECKBOX_SX };
const GRID_SLOTS = { rowCheckbox: RowCheckbox };

const here = () => `${window.location.pathname}${window.location.search}`;
/** A list URL without its page (cursor trail). */
const viewOf = (url: string) => serializeListState({ ...parseListState(new URL(url, window.location.origin).searchParams), trail: [] }).toString();

/**
 * Coming back from a call: once the page is loaded, focus the remembered row (Tab and arrow keys go on from
 * there) and scroll as the list was, or bring the row into view. When triage moved on to a later page of the
 * same view, Back lands on the page the user opened the call from: the list then moves to the row's page.
 */
function useFocusOnReturn(apiRef: RefObject<GridApi | null>, rows: readonly HubSpotObject[], loading: boolean, hidden: readonly string[]) {
  const target = useRef<ListFocus | null | undefined>(undefined);
  useEffect(() => {
    if (target.current === undefined) target.current = listFocus();
    const focus = target.current;
    const api = apiRef.current;
    if (!focus || !api) return;
    if (focus.listUrl !== here() && viewOf(focus.listUrl) === viewOf(here())) {
      navigate(focus.listUrl, { replace: true });
      return;
    }
    if (loading) return;
    target.current = null;
    clearListFocus();
    if (!rows.some((r) => r.id === focus.callId)) return;
    const field = focus.field && isColumnId(focus.field) && !hidden.includes(focus.field) ? focus.field : 'title';
    if (focus.scrollY !== undefined) window.scrollTo({ top: focus.scrollY });
    api.setCellFocus(focus.callId, field);
    requestAnimationFrame(() => api.getRowElement(focus.callId)?.scrollIntoView({ block: focus.scrollY === undefined ? 'center' : 'nearest' }));
  }, [apiRef, rows, loading, hidden]);
}

function CallGrid(props: CallGridProps) {
  const { columnContext: ctx } = props;
  const columns = useMemo(() => buildColumns(ctx), [ctx]);
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const apiRef = useGridApiRef();
  useFocusOnReturn(apiRef, props.rows, props.loading, ctx.prefs.hidden);

  const open = (id: string, field: string) => {
    rememberListFocus({ callId: id, listUrl: here(), field, scrollY: window.scrollY });
    props.onOpen(id);
  };
  useShortcuts({
    e: () => {
      const row = document.activeElement?.closest<HTMLElement>('[role="row"][data-id]');
      const call = row && apiRef.current?.rootElementRef.current?.contains(row) ? props.rows.find((r) => r.id === row.dataset.id) : undefined;
      if (call && row) ctx.onEditOutcome(call, row.querySelector<HTMLElement>('[data-field="outcome"]') ?? row);
    },
  });

  // Models are memoised: a new (even equal) sort model makes the grid jump back to the first page.
  const paginationModel: GridPaginationModel = useMemo(() => ({ page: props.page, pageSize: props.pageSize }), [props.page, props.pageSize]);
  const sortField = props.sort?.field;
  const sortDirection = props.sort?.direction;
  const sortModel: GridSortModel = useMemo(
    () => (sortField && sortDirection ? [{ field: sortField, sort: sortDirection }] : []),
    [sortField, sortDirection],
  );
  const paginationMeta = useMemo(() => ({ hasNextPage: props.hasNextPage }), [props.hasNextPage]);
  const visibility: GridColumnVisibilityModel = useMemo(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, !ctx.prefs.hidden.includes(id)])),
    [ctx.prefs.hidden],
  );
  const selectionModel: GridRowSelectionModel = useMemo(() => ({ type: 'include', ids: new Set(props.selection) }), [props.selection]);

  return (
    <LookupsContext.Provider value={props.lookups}>
      <DataGrid<HubSpotObject>
        apiRef={apiRef}
        aria-label="Calls"
        rows={props.rows}
        columns={columns}
        loading={props.loading}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        disableColumnFilter
        rowCount={props.rowCount}
        paginationMeta={paginationMeta}
        paginationModel={paginationModel}
        pageSizeOptions={PAGE_SIZES as unknown as number[]}
        onPaginationModelChange={(m) => {
          if (m.pageSize !== props.pageSize) props.onPageSizeChange(m.pageSize as PageSize);
          else if (m.page !== props.page) props.onPageChange(m.page);
        }}
        sortModel={sortModel}
        onSortModelChange={(m) => {
          const first = m[0];
          props.onSortChange(first?.sort && isColumnId(first.field) ? { field: first.field as ListSort['field'], direction: first.sort } : undefined);
        }}
        columnVisibilityModel={visibility}
        onColumnVisibilityModelChange={(m) => {
          const hidden = ctx.prefs.order.filter((id) => m[id] === false);
          props.onPrefsChange({ ...ctx.prefs, hidden });
        }}
        onColumnWidthChange={(p) => {
          if (isColumnId(p.colDef.field)) props.onPrefsChange(setWidth(ctx.prefs, p.colDef.field, p.width));
        }}
        checkboxSelection
        slots={GRID_SLOTS}
        disableRowSelectionOnClick
        disableRowSelectionExcludeModel
        keepNonExistentRowsSelected
        rowSelectionModel={selectionModel}
        onRowSelectionModelChange={(m) => props.onSelectionChange(new Set([...m.ids].map(String)))}
        onCellClick={(p) => {
          if (p.field !== '__check__') open(String(p.id), p.field);
        }}
        onCellKeyDown={(p, event) => {
          if (event.key !== 'Enter' || p.field === '__check__') return;
          event.defaultMuiPrevented = true;
          if (p.field === 'outcome') ctx.onEditOutcome(p.row, event.currentTarget as HTMLElement);
          else open(String(p.id), p.field);
        }}
        slotProps={{
          row: {
            onMouseEnter: (e) => {
              const id = e.currentTarget.dataset.id;
              clearTimeout(hoverTimer.current);
              if (id) hoverTimer.current = setTimeout(() => props.onPrefetch(id), HOVER_PREFETCH_DELAY_MS);
            },
            onMouseLeave: () => clearTimeout(hoverTimer.current),
            onFocus: (e) => {
              const id = e.currentTarget.dataset.id;
              if (id) props.onPrefetch(id);
            },
          },
          loadingOverlay: { variant: 'linear-progress', noRowsVariant: 'skeleton' },
        }}
        rowHeight={44}
        disableColumnMenu={false}
        sx={GRID_SX}
      />
    </LookupsContext.Provider>
  );
}

export default CallGrid;
