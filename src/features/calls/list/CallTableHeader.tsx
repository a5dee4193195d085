/**
 * The call table's header row: "Select all rows" (the page's rows; mixed when some are selected), the column
 * headers (a click, Enter or Space on a sortable one sorts by it; `aria-sort` on the sorted one) and a handle
 * on each header's right edge that resizes its column by dragging. The loading bar runs along its bottom.
 */
import LinearProgress from '@mui/material/LinearProgress';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import type { ColumnId } from '../call-properties';
import type { CallColumn } from './columns';
import { ALIGN_CLASS, CHECK_FIELD } from './CallTableRow';
import type { ListSort } from './list-state';

/** The least width a drag leaves a column. */
const MIN_WIDTH = 50;

export interface CallTableHeaderProps {
  columns: readonly CallColumn[];
  sort: ListSort | undefined;
  tabField: string | undefined;
  /** How many of the page's rows are selected, out of `rows`. */
  selected: number;
  rows: number;
  loading: boolean;
  onToggleAll: () => void;
  onSort: (column: CallColumn) => void;
  /** A column's width while its handle is dragged (`done` false), then once more when it is let go. */
  onResize: (id: ColumnId, width: number, done: boolean) => void;
}

export function CallTableHeader({ columns, sort, tabField, selected, rows, loading, onToggleAll, onSort, onResize }: CallTableHeaderProps) {
  const all = rows > 0 && selected === rows;
  const startResize = (e: React.PointerEvent<HTMLElement>, id: ColumnId) => {
    e.preventDefault();
    e.stopPropagation();
    const handle = e.currentTarget;
    const startX = e.clientX;
    const start = handle.parentElement?.getBoundingClientRect().width ?? MIN_WIDTH;
    const widthAt = (x: number) => Math.max(MIN_WIDTH, Math.round(start + x - startX));
    handle.setPointerCapture(e.pointerId);
    // A click without a drag keeps the column as it is (the title keeps taking the rest of the row).
    let moved = false;
    const move = (ev: PointerEvent) => {
      moved ||= ev.clientX !== startX;
      if (moved) onResize(id, widthAt(ev.clientX), false);
    };
    const end = (ev: PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      if (moved) onResize(id, widthAt(ev.clientX), true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };

  return (
    <div role="row" className="calls-row">
      <div role="columnheader" className="calls-cell calls-check" data-field={CHECK_FIELD} tabIndex={tabField === CHECK_FIELD ? 0 : -1}>
        <label>
          <input
            type="checkbox"
            aria-label="Select all rows"
            tabIndex={-1}
            checked={all}
            ref={(el) => {
              if (el) el.indeterminate = selected > 0 && !all;
            }}
            disabled={rows === 0}
            onChange={onToggleAll}
          />
        </label>
      </div>
      {columns.map((c) => {
        const sorted = sort?.field === c.id ? sort.direction : undefined;
        const SortIcon = (sorted ?? c.firstOrder) === 'desc' ? ArrowDownwardIcon : ArrowUpwardIcon;
        return (
          <div
            key={c.id}
            role="columnheader"
            className={`${ALIGN_CLASS[c.align]} calls-header${c.firstOrder ? ' calls-sortable' : ''}`}
            data-field={c.id}
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
            tabIndex={tabField === c.id ? 0 : -1}
            onClick={c.firstOrder ? () => onSort(c) : undefined}
          >
            <span className="calls-header-label">{c.header}</span>
            {c.firstOrder && <SortIcon className="calls-sort-icon" />}
            <span className="calls-resize" aria-hidden onPointerDown={(e) => startResize(e, c.id)} onClick={(e) => e.stopPropagation()} />
          </div>
        );
      })}
      {loading && (
        <span className="calls-progress" aria-hidden>
          <LinearProgress />
        </span>
      )}
    </div>
  );
}
