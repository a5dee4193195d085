/**
 * The MUI X Data Grid in server mode: HubSpot does the paging and sorting; the URL holds the state.
 * Opening a call remembers its row, cell and the scroll position; coming back (Open in list, Back, closing
 * triage) puts the keyboard focus on that row again. `E` changes the focused row's outcome.
 * The column headers stick below the app bar while the page scrolls; text a column cuts shows in full in a
 * tooltip while the pointer is on its cell or the cell has the keyboard focus.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Popper from '@mui/material/Popper';
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
import { buildColumns, CELL_SX, CUT_TEXT_CLASS, LookupsContext, type ColumnContext } from './columns';
import { setWidth, type ColumnPrefs, type Density } from './column-prefs';
import { formatCount } from './counts';
import { RowCheckbox, ROW_CHECKBOX_SX } from './RowCheckbox';
import { PAGE_SIZES, parseListState, serializeListState, type ListSort, type PageSize } from './list-state';

export interface CallGridProps {
  rows: HubSpotObject[];
  lookups: RowLookups;
  loading: boolean;
  page: number;
  pageSize: PageSize;
  /** -1 when HubSpot gives no total; at most HubSpot's search cap (the pages the grid can reach). */
  rowCount: number;
  /** HubSpot's count of matching calls (search only), which the footer states even above the search cap. */
  total: number | undefined;
  density: Density;
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

/** The app bar's height (MUI's toolbar): the sticky column headers stop below it. */
const APP_BAR_HEIGHT = { xs: 56, sm: 64 };
const GRID_SX = {
  '& .MuiDataGrid-row': { cursor: 'pointer' },
  '& .MuiDataGrid-cell:focus-within': { outlineOffset: -2 },
  // Sticky headers need the page to be their scroll container: the grid's own boxes must not clip.
  '&, & .MuiDataGrid-main, & .MuiDataGrid-mainContent, & .MuiDataGrid-virtualScroller': { overflow: 'visible !important' },
  '& .MuiDataGrid-topContainer': { top: APP_BAR_HEIGHT },
  ...CELL_SX,
  ...ROW_CHECKBOX_SX,
};
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

/** The footer's "1–50 of 1,234": the total is HubSpot's, as the status line above the list says it. */
function footerLabel(total: number | undefined) {
  return ({ from, to, count }: { from: number; to: number; count: number }) => {
    const of = total ?? (count === -1 ? undefined : count);
    return `${formatCount(from)}–${formatCount(to)} of ${of === undefined ? `more than ${formatCount(to)}` : formatCount(of)}`;
  };
}

interface CutTip {
  anchor: HTMLElement;
  text: string;
  /** The rows the anchor belongs to: a new page closes the tooltip. */
  rows: readonly HubSpotObject[];
}

/**
 * One tooltip for the whole grid (cells stay light): when the pointer enters a cell or a cell gets the
 * keyboard focus, and the cell's text is cut, the tooltip shows it in full. Escape closes it.
 */
function useCutTextTip(rows: readonly HubSpotObject[]) {
  const [shownTip, setTip] = useState<CutTip | null>(null);
  const tip = shownTip?.rows === rows ? shownTip : null;
  const showFor = (target: EventTarget) => {
    const cell = target instanceof Element ? target.closest<HTMLElement>('[role="gridcell"]') : null;
    const cut = cell?.querySelector<HTMLElement>(`.${CUT_TEXT_CLASS}`);
    const text = cut && cut.scrollWidth > cut.clientWidth ? (cut.textContent ?? '') : '';
    setTip((now) => (cell && text ? (now?.anchor === cell && now.text === text && now.rows === rows ? now : { anchor: cell, text, rows }) : null));
  };
  const hide = () => setTip(null);
  const handlers = {
    onMouseOver: (e: React.MouseEvent) => showFor(e.target),
    onMouseLeave: hide,
    onFocus: (e: React.FocusEvent) => showFor(e.target),
    onBlur: hide,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    },
  };
  const element = (
    // Popper's root has role="tooltip".
    <Popper open={!!tip} anchorEl={tip?.anchor} placement="bottom-start" sx={{ zIndex: 'tooltip', pointerEvents: 'none' }}>
      <Box
        sx={{ bgcolor: 'grey.800', color: 'common.white', typography: 'body2', px: 1, py: 0.5, borderRadius: 1, maxWidth: 480, overflowWrap: 'anywhere' }}
      >
        {tip?.text}
      </Box>
    </Popper>
  );
  return { handlers, element };
}


function CallGrid(props: CallGridProps) {
  const { columnContext: ctx } = props;
  const columns = useMemo(() => buildColumns(ctx), [ctx]);
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const apiRef = useGridApiRef();
  useFocusOnReturn(apiRef, props.rows, props.loading, ctx.prefs.hidden);
  const cutTip = useCutTextTip(props.rows);
  const localeText = useMemo(() => ({ paginationDisplayedRows: footerLabel(props.total) }), [props.total]);

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
      <Box {...cutTip.handlers}>
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
          autoHeight
          density={props.density}
          localeText={localeText}
          disableColumnMenu={false}
          sx={GRID_SX}
        />
      </Box>
      {cutTip.element}
    </LookupsContext.Provider>
  );
}

export default CallGrid;
