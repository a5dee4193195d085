/** What is selected, "select all matching", and the bulk actions. */
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { CallListParams } from '../calls-queries';
import type { BulkRequest } from './BulkDialog';
import { formatCount } from './counts';
import type { Selection } from './useSelection';

export interface SelectionBarProps {
  selection: Selection;
  /** Every row of the page is selected and the view has more than this page. */
  canSelectAllMatching: boolean;
  /** The view's total (HubSpot's search total). */
  total: number | undefined;
  /** The view without its page cursor, for "all matching". */
  viewParams: Omit<CallListParams, 'after'>;
  onBulk: (request: BulkRequest) => void;
}

export function SelectionBar({ selection, canSelectAllMatching, total, viewParams, onBulk }: SelectionBarProps) {
  const { ids, allMatching } = selection;
  if (ids.size === 0 && !allMatching) return null;
  const target = allMatching ? { matching: viewParams } : { ids: [...ids] };
  return (
    <Paper variant="outlined" sx={{ p: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }} role="region" aria-label="Selection">
      <Typography sx={{ flex: 1 }}>
        {allMatching
          ? total !== undefined
            ? `All ${formatCount(total)} calls matching this view are selected.`
            : 'Every call in this view is selected.'
          : `${formatCount(ids.size)} selected.`}
        {!allMatching && canSelectAllMatching && (
          <Button size="small" sx={{ ml: 1 }} onClick={selection.selectAllMatching}>
            {total !== undefined ? `Select all ${formatCount(total)} matching calls` : 'Select every call in this view'}
          </Button>
        )}
      </Typography>
      <Button onClick={() => onBulk({ action: 'outcome', ...target })}>Set outcome…</Button>
      <Button color="error" onClick={() => onBulk({ action: 'delete', ...target })}>
        Delete…
      </Button>
      <Button onClick={selection.clear}>Clear selection</Button>
    </Paper>
  );
}
