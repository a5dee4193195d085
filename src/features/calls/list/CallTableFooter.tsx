/** The call table's footer: rows per page, "1–50 of 1,234" and the pager (HubSpot pages; the URL holds the page). */
import { useId } from 'react';
import IconButton from '@mui/material/IconButton';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
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
        <IconButton aria-label="Go to previous page" disabled={page === 0} onClick={() => onPageChange(page - 1)}>
          <ChevronLeftIcon />
        </IconButton>
        <IconButton aria-label="Go to next page" disabled={!canGoOn} onClick={() => onPageChange(page + 1)}>
          <ChevronRightIcon />
        </IconButton>
      </span>
    </div>
  );
}
