import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { formatCount } from './counts';

/**
 * Progress of reading every call of a view page by page (for a bulk action or an export): "<lead> 120 of
 * 560 <tail>" and a bar, which runs indeterminate until HubSpot has said how many calls match.
 */
export function FetchProgress({ lead, tail, label, fetched, total }: { lead: string; tail: string; label: string; fetched: number; total: number | undefined }) {
  return (
    <>
      <Typography gutterBottom aria-live="polite">
        {lead} {formatCount(fetched)}
        {total !== undefined ? ` of ${formatCount(total)}` : ''} {tail}
      </Typography>
      <LinearProgress aria-label={label} variant={total ? 'determinate' : 'indeterminate'} value={total ? (100 * fetched) / total : undefined} />
    </>
  );
}
