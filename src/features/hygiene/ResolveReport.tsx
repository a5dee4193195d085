/** What came of resolving a group, per call: applied, failed with HubSpot's reason, or not sent (stopped). */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ChangeResult } from '../journal';

export function ResolveReport({ result }: { result: ChangeResult }) {
  const { succeeded, failed, cancelled } = result.report;
  return (
    <Box>
      <Typography variant="body2">
        Applied to {succeeded.length} {succeeded.length === 1 ? 'call' : 'calls'}
        {failed.length > 0 ? `, failed on ${failed.length}` : ''}
        {cancelled ? ', stopped before the rest was sent' : ''}. Journal entry {result.entry.id}.
      </Typography>
      {failed.length > 0 && (
        <Alert severity="error" sx={{ mt: 1 }}>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {failed.map((f) => (
              <li key={f.id}>
                Call {f.id}: {f.reason}
              </li>
            ))}
          </Box>
        </Alert>
      )}
    </Box>
  );
}
