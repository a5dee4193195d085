/**
 * The list's filters in one line: the search box, a "Filters" button (with how many apply) that opens the
 * full panel below, and the active filters as removable chips with Clear all. Collapsed, the grid gets the
 * screen; the panel opens on demand. On a narrow screen (`drawer`) the panel opens in a drawer from the bottom.
 */
import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Drawer from '@mui/material/Drawer';
import Typography from '@mui/material/Typography';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import FilterListIcon from '@mui/icons-material/FilterList';
import type { Disposition, Owner } from '../../../api/schemas';
import type { RowLookups } from './call-row';
import { FilterChips } from './FilterChips';
import { activeFilterCount, type ListFilters, type ListState } from './list-state';
import type { ListStateUpdate } from './useListState';

// The panel opens on demand: its code (owner and record pickers) is not part of the list's first load.
const FiltersPanel = lazy(() => import('./FiltersPanel').then((m) => ({ default: m.FiltersPanel })));

export interface FilterBarProps {
  state: ListState;
  /** state.filters, the same object while they are the same (the panel is memoised on it). */
  filters: ListFilters;
  update: ListStateUpdate;
  lookups: RowLookups;
  dispositions: readonly Disposition[] | undefined;
  owners: readonly Owner[] | undefined;
  /** First on the line: the search box. */
  search: ReactNode;
  onClearAll: () => void;
  /** Changes on Clear all: the panel starts afresh, so every control shows its empty state. */
  resetKey: number;
  /** Open the panel in a drawer (narrow screens) rather than below the bar. */
  drawer?: boolean;
}

export function FilterBar({ state, filters, update, lookups, dispositions, owners, search, onClearAll, resetKey, drawer = false }: FilterBarProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const count = activeFilterCount(filters);
  const panel = (
    <Suspense fallback={null}>
      <FiltersPanel key={resetKey} id={panelId} filters={filters} update={update} dispositions={dispositions} owners={owners} />
    </Suspense>
  );
  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        {search}
        <Button
          variant={open ? 'contained' : 'outlined'}
          startIcon={<FilterListIcon />}
          endIcon={drawer ? undefined : open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          aria-expanded={open}
          aria-haspopup={drawer ? 'dialog' : undefined}
          aria-controls={open ? panelId : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          {count > 0 ? `Filters (${count})` : 'Filters'}
        </Button>
        <FilterChips state={state} update={update} lookups={lookups} onClearAll={onClearAll} />
      </Box>
      {drawer ? (
        <Drawer
          anchor="bottom"
          open={open}
          onClose={() => setOpen(false)}
          slotProps={{ paper: { role: 'dialog', 'aria-labelledby': titleId, sx: { maxHeight: '85vh', p: 2, pt: 1 } } }}
        >
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography id={titleId} variant="h6" component="h2">
              Filters
            </Typography>
            <Button onClick={() => setOpen(false)}>Done</Button>
          </Box>
          {panel}
        </Drawer>
      ) : (
        <Collapse in={open} unmountOnExit>
          {panel}
        </Collapse>
      )}
    </Box>
  );
}
