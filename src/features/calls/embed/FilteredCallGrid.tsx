/**
 * The call list's grid over the calls matching a rule's search filter groups (e.g. a "Needs attention" queue),
 * for other features (exported lazily by features/calls/index.ts). It is the list (useCallListPage) narrowed to
 * the rule: the same columns, column prefs, density, filters and search (ANDed with the rule), paging past
 * 10,000, names, outcome editing (E / Enter on the outcome cell), `/` to search, return-to-row, and triage:
 * a call opened from here walks the rule's calls with J / K and returns here.
 */
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SearchFilter } from '../../../api/schemas';
import { ErrorState } from '../../../components/ErrorState';
import CallGrid from '../list/CallGrid';
import { listStatus } from '../list/counts';
import { FilterBar } from '../list/FilterBar';
import { OutcomeMenu } from '../list/OutcomeMenu';
import { useCallListPage } from '../list/useCallListPage';
import { useListControls } from '../list/useListControls';

export interface FilteredCallGridProps {
  /** The rule's filter groups: a call matches one of them. */
  groups: SearchFilter[][];
  /** The selected calls (what a fix acts on). */
  onSelectionChange?: (ids: ReadonlySet<string>) => void;
}

export default function FilteredCallGrid({ groups, onSelectionChange }: FilteredCallGridProps) {
  // The same rule while its groups are the same, whatever array the caller built this render.
  const groupsKey = JSON.stringify(groups);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rule = useMemo(() => groups, [groupsKey]);
  const list = useCallListPage({ groups: rule });
  const { query, data, page } = list;

  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const select = (ids: Set<string>) => {
    setSelection(ids);
    onSelectionChange?.(ids);
  };

  const { filterBar, grid, outcomeMenu } = useListControls(list);

  let body: React.ReactNode;
  if (query.isError && !query.data) body = <ErrorState error={query.error} title="Could not load the calls" onRetry={() => void query.refetch()} />;
  else if (data && data.results.length === 0 && page === 0) {
    body = (
      <Typography color="text.secondary" role="status">
        {list.filtered ? 'No calls of this rule match these filters.' : 'No calls match this rule now.'}
      </Typography>
    );
  } else {
    body = (
      <Box sx={{ display: 'flex', flexDirection: 'column', width: '100%' }}>
        <CallGrid {...grid} selection={selection} onSelectionChange={select} />
      </Box>
    );
  }
  return (
    <Stack spacing={1} sx={{ width: '100%', minWidth: 0 }}>
      <FilterBar {...filterBar} />
      <Typography variant="body2" color="text.secondary" aria-live="polite">
        {listStatus({ loaded: !!data, failed: query.isError && !query.data, total: list.total })}
      </Typography>
      {body}
      <OutcomeMenu {...outcomeMenu} />
    </Stack>
  );
}
