/** A fix reading the calls it is about (a search walk, past 10,000 calls): how many are read so far, and Cancel. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { callCount, formatCount } from '../../lib/counts';

export function ReadingProgress({ label, text, fetched, total, onCancel }: { label: string; text: string; fetched: number; total?: number | undefined; onCancel: () => void }) {
  return (
    <Box>
      <Typography variant="body2" aria-live="polite">
        {text}
        {fetched ? ` ${formatCount(fetched)}${total === undefined ? '' : ` of ${callCount(total)}`} read.` : ''}
      </Typography>
      <LinearProgress aria-label={label} />
      <Button onClick={onCancel}>Cancel</Button>
    </Box>
  );
}
