/**
 * The call list's table, in server mode: HubSpot does the paging and sorting; the URL holds the state. A light
 * table of our own (ARIA grid of plain elements, styled once on its root, memoised rows; see CallTableRow):
 * the header (select all, sort, resize; CallTableHeader) sticks below the app bar while the page scrolls and
 * follows the rows sideways when a narrow screen scrolls them; the footer pages (CallTableFooter).
 * Keyboard as a grid (call-table-keys): one tab stop, arrows between cells, Enter opens the call (on the
 * outcome cell: the outcome menu), Space toggles a row's checkbox, `E` changes the focused row's outcome.
 * Opening a call remembers its row, cell and the scroll position; coming back (Open in list, Back, closing
 * triage) puts the keyboard focus on that cell again (useFocusOnReturn). Text a column cuts shows in full in a
 * tooltip while the pointer is on its cell or the cell has the keyboard focus (useCutTextTip).
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import type { HubSpotObject } from '../../../api/schemas';
import { useShortcuts } from '../../../lib/useShortcuts';
import type { ColumnId } from '../call-properties';
import { rememberListFocus } from '../shared/list-return';
import { onGridKeyDown } from './call-table-keys';
import { CHECK_WIDTH, HEADER_HEIGHT, ROW_HEIGHT, TABLE_SX } from './call-table-sx';
import type { RowLookups } from './call-row';
import { CallTableFooter } from './CallTableFooter';
import { CallTableHeader } from './CallTableHeader';
import { CallTableRow, CHECK_FIELD } from './CallTableRow';
import { buildColumns, columnTracks, LookupsContext, nextSort, type ColumnContext } from './columns';
import { setWidth, type ColumnPrefs, type Density } from './column-prefs';
import type { ListSort, PageSize } from './list-state';
import { useCutTextTip } from './useCutTextTip';
import { here, useFocusOnReturn } from './useFocusOnReturn';

interface CallGridProps {
  rows: HubSpotObject[];
  lookups: RowLookups;
  loading: boolean;
  page: number;
  pageSize: PageSize;
  /** -1 when HubSpot gives no total; at most HubSpot's search cap (the pages the table can reach). */
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
/** The header row's id in the tab stop. */
const HEADER = 'header';

interface TabStop {
  /** A call id, or HEADER. */
  row: string;
  field: string;
}

/** The cell (and its row's id, or HEADER) an event happened in. */
function cellOf(target: EventTarget): { cell: HTMLElement; row: string; field: string } | null {
  const cell = target instanceof Element ? target.closest<HTMLElement>('[role="gridcell"], [role="columnheader"]') : null;
  const field = cell?.dataset.field;
  if (!cell || !field) return null;
  return { cell, row: cell.closest<HTMLElement>('[role="row"]')?.dataset.id ?? HEADER, field };
}

function CallGrid(props: CallGridProps) {
  const { columnContext: ctx, rows, selection } = props;
  const { order, hidden, widths } = ctx.prefs;
  const { timeZone, onEditOutcome } = ctx;
  // Widths are not part of the columns: a resize changes the grid tracks (a CSS variable), not the rows.
  const columns = useMemo(
    () => buildColumns(order.filter((id) => !hidden.includes(id)), { timeZone, onEditOutcome }),
    [order, hidden, timeZone, onEditOutcome],
  );
  const [dragged, setDragged] = useState<{ id: ColumnId; width: number } | null>(null);
  const tracks = columnTracks(
    columns.map((c) => c.id),
    dragged ? { ...widths, [dragged.id]: dragged.width } : widths,
  );
  const gridVars = {
    '--calls-columns': `${CHECK_WIDTH}px ${tracks.tracks.join(' ')}`,
    '--calls-min-width': `${CHECK_WIDTH + tracks.minWidth}px`,
    '--calls-row-height': `${ROW_HEIGHT[props.density]}px`,
    '--calls-header-height': `${HEADER_HEIGHT[props.density]}px`,
  } as React.CSSProperties;

  // The rows' callbacks read the latest props through a ref, so they stay the same function and rows stay memoised.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const onToggle = useCallback((id: string) => {
    const next = new Set(latest.current.selection);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    latest.current.onSelectionChange(next);
  }, []);
  const pageIds = rows.map((r) => r.id);
  const selectedOnPage = pageIds.filter((id) => selection.has(id)).length;
  const onToggleAll = () => {
    const next = new Set(selection);
    const all = selectedOnPage === pageIds.length;
    for (const id of pageIds) {
      if (all) next.delete(id);
      else next.add(id);
    }
    props.onSelectionChange(next);
  };

  const gridRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  useFocusOnReturn(gridRef, rows, props.loading, hidden);
  const cutTip = useCutTextTip(rows);

  const open = (id: string, field: string) => {
    rememberListFocus({ callId: id, listUrl: here(), field, scrollY: window.scrollY });
    props.onOpen(id);
  };
  const callOf = (id: string) => rows.find((r) => r.id === id);
  useShortcuts({
    e: () => {
      const row = document.activeElement?.closest<HTMLElement>('[role="row"][data-id]');
      const call = row && gridRef.current?.contains(row) ? callOf(row.dataset.id ?? '') : undefined;
      if (call && row) onEditOutcome(call, row.querySelector<HTMLElement>('[data-field="outcome"]') ?? row);
    },
  });

  // The one cell Tab lands on: the last focused one while it is shown, else the first row's title.
  const [tabStop, setTabStop] = useState<TabStop | null>(null);
  const shown = (t: TabStop) => (t.row === HEADER || pageIds.includes(t.row)) && (t.field === CHECK_FIELD || columns.some((c) => c.id === t.field));
  const tab: TabStop = tabStop && shown(tabStop) ? tabStop : rows[0] ? { row: rows[0].id, field: 'title' } : { row: HEADER, field: CHECK_FIELD };

  const sort = (column: (typeof columns)[number]) => {
    const next = nextSort(column, props.sort);
    if (next) props.onSortChange(next);
  };
  const activate = (cell: HTMLElement, key: 'Enter' | ' '): boolean => {
    const at = cellOf(cell);
    if (!at) return false;
    if (at.field === CHECK_FIELD) {
      if (key !== ' ') return false;
      if (at.row === HEADER) onToggleAll();
      else onToggle(at.row);
      return true;
    }
    if (at.row === HEADER) {
      const column = columns.find((c) => c.id === at.field);
      if (!column?.firstOrder) return false;
      sort(column);
      return true;
    }
    const call = callOf(at.row);
    if (key !== 'Enter' || !call) return false;
    if (at.field === 'outcome') onEditOutcome(call, cell);
    else open(call.id, at.field);
    return true;
  };

  const hoverTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hovered = useRef<string | undefined>(undefined);
  const bodyHandlers = {
    onClick: (e: React.MouseEvent) => {
      const at = cellOf(e.target);
      if (!at || at.row === HEADER || at.field === CHECK_FIELD) return;
      open(at.row, at.field);
    },
    onMouseOver: (e: React.MouseEvent) => {
      const id = (e.target as Element).closest<HTMLElement>('[role="row"]')?.dataset.id;
      if (id === hovered.current) return;
      hovered.current = id;
      clearTimeout(hoverTimer.current);
      if (id) hoverTimer.current = setTimeout(() => props.onPrefetch(id), HOVER_PREFETCH_DELAY_MS);
    },
    onMouseLeave: () => {
      hovered.current = undefined;
      clearTimeout(hoverTimer.current);
    },
    onScroll: (e: React.UIEvent<HTMLElement>) => {
      if (headRef.current) headRef.current.scrollLeft = e.currentTarget.scrollLeft;
    },
  };
  const onFocus = (e: React.FocusEvent) => {
    const at = cellOf(e.target);
    if (!at) return;
    setTabStop((now) => (now?.row === at.row && now.field === at.field ? now : { row: at.row, field: at.field }));
    if (at.row !== HEADER) props.onPrefetch(at.row);
  };

  return (
    <LookupsContext.Provider value={props.lookups}>
      <Box sx={TABLE_SX} style={gridVars} {...cutTip.handlers}>
        <div
          ref={gridRef}
          role="grid"
          aria-label="Calls"
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length + 1}
          aria-multiselectable
          aria-busy={props.loading || undefined}
          onKeyDown={(e) => onGridKeyDown(e, activate)}
          onFocus={onFocus}
        >
          <div role="rowgroup" className="calls-head" ref={headRef}>
            <CallTableHeader
              columns={columns}
              sort={props.sort}
              tabField={tab.row === HEADER ? tab.field : undefined}
              selected={selectedOnPage}
              rows={rows.length}
              loading={props.loading}
              onToggleAll={onToggleAll}
              onSort={sort}
              onResize={(id, width, done) => {
                setDragged(done ? null : { id, width });
                if (done) props.onPrefsChange(setWidth(ctx.prefs, id, width));
              }}
            />
          </div>
          <div role="rowgroup" className="calls-body" {...bodyHandlers}>
            {rows.map((call) => (
              <CallTableRow
                key={call.id}
                call={call}
                columns={columns}
                selected={selection.has(call.id)}
                tabField={tab.row === call.id ? tab.field : undefined}
                onToggle={onToggle}
              />
            ))}
          </div>
        </div>
        {rows.length === 0 &&
          (props.loading ? (
            <div className="calls-skeleton" aria-hidden>
              {Array.from({ length: Math.min(props.pageSize, 10) }, (_, i) => (
                <Skeleton key={i} variant="text" height={ROW_HEIGHT[props.density]} />
              ))}
            </div>
          ) : (
            <div className="calls-empty">No calls on this page.</div>
          ))}
        <CallTableFooter
          page={props.page}
          pageSize={props.pageSize}
          rowCount={props.rowCount}
          total={props.total}
          hasNextPage={props.hasNextPage}
          onPageChange={props.onPageChange}
          onPageSizeChange={props.onPageSizeChange}
        />
      </Box>
      {cutTip.element}
    </LookupsContext.Provider>
  );
}

export default CallGrid;
