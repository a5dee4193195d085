/**
 * The call table's styles, set once on its root (plain class selectors, no styles per cell): a page shows up
 * to 100 rows of 13 cells. Widths and heights come in as CSS variables (CallGrid sets them).
 */
import type { Theme } from '@mui/material/styles';
import { CELL_SX } from './columns';

/** The app bar's height (MUI's toolbar): the sticky column headers stop below it. */
const APP_BAR_HEIGHT = { xs: 56, sm: 64 };

/** Row and header heights per density. */
export const ROW_HEIGHT = { compact: 32, standard: 44 } as const;
export const HEADER_HEIGHT = { compact: 40, standard: 52 } as const;

/** The checkbox column's width. */
export const CHECK_WIDTH = 48;

const focusRing = { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: '-2px' } as const;

export const TABLE_SX = {
  position: 'relative',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  bgcolor: 'background.paper',
  typography: 'body2',
  // The header sticks below the app bar while the page (the scroll container) scrolls; it scrolls sideways with
  // the body (CallGrid syncs it), so it clips instead of scrolling itself.
  '& .calls-head': {
    position: 'sticky',
    top: APP_BAR_HEIGHT,
    zIndex: 2,
    overflow: 'hidden',
    bgcolor: 'background.paper',
    borderBottom: 1,
    borderColor: 'divider',
    borderRadius: '4px 4px 0 0',
  },
  '& .calls-body': { overflowX: 'auto' },
  '& .calls-row': { display: 'grid', gridTemplateColumns: 'var(--calls-columns)', minWidth: 'var(--calls-min-width)', height: 'var(--calls-row-height)' },
  '& .calls-head .calls-row': { height: 'var(--calls-header-height)' },
  '& .calls-body .calls-row': {
    cursor: 'pointer',
    borderBottom: 1,
    borderColor: 'divider',
    // A row the keyboard moves to is not hidden under the app bar and the sticky header.
    scrollMarginTop: { xs: APP_BAR_HEIGHT.xs + HEADER_HEIGHT.standard, sm: APP_BAR_HEIGHT.sm + HEADER_HEIGHT.standard },
    '&:hover': { bgcolor: 'action.hover' },
  },
  '& .calls-body .calls-row[aria-selected="true"]': { bgcolor: 'action.selected' },
  '& .calls-cell': { display: 'flex', alignItems: 'center', minWidth: 0, px: 1.25, overflow: 'hidden', '&:focus, &:focus-within': focusRing },
  '& .calls-right': { justifyContent: 'flex-end', textAlign: 'right' },
  '& .calls-center': { justifyContent: 'center', textAlign: 'center' },
  '& .calls-check': { px: 0, justifyContent: 'center' },
  '& .calls-check label': { display: 'flex', alignItems: 'center', justifyContent: 'center', width: '100%', height: '100%', cursor: 'pointer' },
  '& .calls-check input': { width: 18, height: 18, m: 0, cursor: 'pointer', accentColor: (t: Theme) => t.palette.primary.main },
  '& .calls-check input:focus': { outline: 'none' },
  // Column headers: the title cut with an ellipsis, the sort icon (faint on hover when not the sort), the resize handle.
  '& .calls-header': { position: 'relative', fontWeight: 500, gap: 0.5, userSelect: 'none' },
  '& .calls-header-label': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .calls-sortable': { cursor: 'pointer' },
  '& .calls-sort-icon': { fontSize: 18, color: 'action.active', opacity: 0, flexShrink: 0 },
  '& .calls-sortable:hover .calls-sort-icon': { opacity: 0.6 },
  '& .calls-header[aria-sort] .calls-sort-icon': { opacity: 1 },
  '& .calls-resize': {
    position: 'absolute',
    top: 0,
    right: 0,
    bottom: 0,
    width: 8,
    cursor: 'col-resize',
    touchAction: 'none',
    '&::after': { content: '""', position: 'absolute', top: '25%', bottom: '25%', right: 3, width: 2, bgcolor: 'divider' },
    '&:hover::after': { bgcolor: 'primary.main' },
  },
  '& .calls-progress': { position: 'absolute', left: 0, right: 0, bottom: 0 },
  '& .calls-skeleton': { px: 1.25 },
  '& .calls-empty': { p: 2, color: 'text.secondary' },
  // The footer: rows per page, the range and the pager.
  '& .calls-footer': { display: 'flex', alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap', gap: 2, minHeight: 52, px: 1, borderTop: 1, borderColor: 'divider' },
  '& .calls-pager': {
    display: 'inline-flex',
    p: 1,
    border: 0,
    borderRadius: '50%',
    bgcolor: 'transparent',
    color: 'action.active',
    cursor: 'pointer',
    '& .calls-icon': { width: 24, height: 24 },
    '&:hover:not(:disabled)': { bgcolor: 'action.hover' },
    '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
    '&:disabled': { color: 'action.disabled', cursor: 'default' },
  },
  '& .calls-footer select': { font: 'inherit', color: 'text.primary', bgcolor: 'background.paper', border: 1, borderColor: 'divider', borderRadius: 1, p: '2px 4px', ml: 1 },
  ...CELL_SX,
} as const;
