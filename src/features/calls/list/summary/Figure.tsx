/** The strip's building blocks: a figure that filters the list when clicked, and a failure with Retry. */
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { describeError } from '../../../../lib/describeError';
import { formatCount } from '../counts';

/** A count as the strip shows it: "…" while it loads. */
export const countText = (n: number | undefined) => (n === undefined ? '…' : formatCount(n));

/** "Connected 28": the label and its figure; clicking applies the filter to the list. */
export function FilterFigure({ label, value, hint, onClick }: { label: ReactNode; value: ReactNode; hint: string; onClick: () => void }) {
  return (
    <Button size="small" variant="outlined" color="inherit" onClick={onClick} title={hint} sx={{ textTransform: 'none' }}>
      <span>{label}</span> <strong>{value}</strong>
    </Button>
  );
}

/** A figure that could not be computed: HubSpot's message and Retry, inside the strip. */
export function FigureError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <Alert
      severity="error"
      role="alert"
      sx={{ py: 0 }}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      Could not count {what}: {describeError(error).text}
    </Alert>
  );
}
