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
  /** The view's total, capped at HubSpot's 10,000 (search only). */
  cappedTotal: number | undefined;
  /** The view without its page cursor, for "all matching". */
  viewParams: Omit<CallListParams, 'after'>;
  onBulk: (request: BulkRequest) => void;
}

export function SelectionBar({ selection, canSelectAllMatching, cappedTotal, viewParams, onBulk }: SelectionBarProps) {
  const { ids, allMatching } = selection;
  if (ids.size === 0 && !allMatching) return null;
  const target = allMatching ? { matching: viewParams } : { ids: [...ids] };
  return (
    <Paper variant="outlined" sx={{ p: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }} role="region" aria-label="Selection">
      <Typography sx={{ flex: 1 }}>
        {allMatching
          ? cappedTotal !== undefined
            ? `All ${formatCount(cappedTotal)} calls matching this view are selected.`
            : 'Every call in this view is selected.'
          : `${formatCount(ids.size)} selected.`}
        {!allMatching && canSelectAllMatching && (
          <Button size="small" sx={{ ml: 1 }} onClick={selection.selectAllMatching}>
            {cappedTotal !== undefined ? `Select all ${formatCount(cappedTotal)} matching calls` : 'Select every call in this view'}
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
