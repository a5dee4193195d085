/**
 * The call table's footer: rows per page, "1–50 of 1,234" and the pager (HubSpot pages; the URL holds the page).
 * Plain buttons styled by the table: an IconButton's ripple repaints for half a second after every page change.
 */
import { useId } from 'react';
import { formatCount } from './counts';
import { PAGE_SIZES, type PageSize } from './list-state';

export interface CallTableFooterProps {
  page: number;
  pageSize: PageSize;
  /** -1 when HubSpot gives no total. */
  rowCount: number;
  /** HubSpot's count of matching calls, stated even above the search cap. */
  total: number | undefined;
  hasNextPage: boolean;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: PageSize) => void;
}

/** "1–50 of 1,234": the total is HubSpot's, as the status line above the list says it; "more than 50" when unknown. */
function rangeLabel(page: number, pageSize: number, rowCount: number, total: number | undefined) {
  const from = rowCount === 0 ? 0 : page * pageSize + 1;
  const to = rowCount === -1 ? (page + 1) * pageSize : Math.min(rowCount, (page + 1) * pageSize);
  const of = total ?? (rowCount === -1 ? undefined : rowCount);
  return `${formatCount(from)}–${formatCount(to)} of ${of === undefined ? `more than ${formatCount(to)}` : formatCount(of)}`;
}

export function CallTableFooter({ page, pageSize, rowCount, total, hasNextPage, onPageChange, onPageSizeChange }: CallTableFooterProps) {
  const sizeId = useId();
  const canGoOn = rowCount === -1 ? hasNextPage : (page + 1) * pageSize < rowCount;
  return (
    <div className="calls-footer">
      <span>
        <label htmlFor={sizeId}>Rows per page:</label>
        <select id={sizeId} value={pageSize} onChange={(e) => onPageSizeChange(Number(e.target.value) as PageSize)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </span>
      <span>{rangeLabel(page, pageSize, rowCount, total)}</span>
      <span>
        <button type="button" className="calls-pager" aria-label="Go to previous page" disabled={page === 0} onClick={() => onPageChange(page - 1)}>
          <svg viewBox="0 0 24 24" className="calls-icon" aria-hidden focusable="false">
            <path d="M15.41 7.41 14 6l-6 6 6 6 1.41-1.41L10.83 12z" />
          </svg>
        </button>
        <button type="button" className="calls-pager" aria-label="Go to next page" disabled={!canGoOn} onClick={() => onPageChange(page + 1)}>
          <svg viewBox="0 0 24 24" className="calls-icon" aria-hidden focusable="false">
            <path d="M10 6 8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z" />
          </svg>
        </button>
      </span>
    </div>
  );
}
