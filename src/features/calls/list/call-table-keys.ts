/**
 * The call table's keyboard, as a grid: one tab stop (the last focused cell), arrow keys move between cells
 * and rows, Home/End to the row's first and last cell (with Ctrl/⌘: the first or last row), PageUp/PageDown
 * ten rows. Enter and Space on a cell itself (not on its checkbox or button) go to `activate`.
 */
const CELL = '[role="gridcell"], [role="columnheader"]';
const PAGE_ROWS = 10;

const cellsOf = (row: Element) => [...row.children].filter((c): c is HTMLElement => c instanceof HTMLElement && c.matches(CELL));

/** The cell a navigation key moves to from `cell`, or undefined when the key is not one. */
function cellAfterKey(grid: HTMLElement, cell: HTMLElement, key: string, mod: boolean): HTMLElement | undefined {
  const rows = [...grid.querySelectorAll('[role="row"]')];
  const row = cell.closest('[role="row"]');
  if (!row) return undefined;
  const r = rows.indexOf(row);
  const c = cellsOf(row).indexOf(cell);
  const at = (ri: number, ci: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, ri))];
    const cells = target ? cellsOf(target) : [];
    return cells[Math.max(0, Math.min(cells.length - 1, ci))] ?? cell;
  };
  switch (key) {
    case 'ArrowLeft':
      return at(r, c - 1);
    case 'ArrowRight':
      return at(r, c + 1);
    case 'ArrowUp':
      return at(r - 1, c);
    case 'ArrowDown':
      return at(r + 1, c);
    case 'PageUp':
      return at(r - PAGE_ROWS, c);
    case 'PageDown':
      return at(r + PAGE_ROWS, c);
    case 'Home':
      return mod ? at(0, 0) : at(r, 0);
    case 'End':
      return mod ? at(rows.length - 1, Infinity) : at(r, Infinity);
    default:
      return undefined;
  }
}

/** The table's keydown handler; `activate` returns whether it handled Enter or Space on `cell`. */
export function onGridKeyDown(event: React.KeyboardEvent<HTMLElement>, activate: (cell: HTMLElement, key: 'Enter' | ' ') => boolean): void {
  if (event.altKey || event.defaultPrevented) return;
  const target = event.target as HTMLElement;
  const cell = target.closest<HTMLElement>(CELL);
  if (!cell || !event.currentTarget.contains(cell)) return;
  if (event.key === 'Enter' || event.key === ' ') {
    if (target === cell && activate(cell, event.key)) event.preventDefault();
    return;
  }
  const next = cellAfterKey(event.currentTarget, cell, event.key, event.ctrlKey || event.metaKey);
  if (!next) return;
  event.preventDefault();
  next.focus();
}
